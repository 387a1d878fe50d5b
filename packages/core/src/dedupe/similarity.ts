/**
 * String similarities for duplicate detection, 0 (unlike) to 1 (same). Chinese names are short (two
 * or three characters), so edit distance over characters says more than n-grams; bigram Dice helps
 * long company names and addresses; an anagram (`张伟明`/`张明伟`) counts as a near match.
 */

/** Legal-form suffixes that do not tell two companies apart (`有限公司` vs `公司`, `Co., Ltd.`). */
const LEGAL_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|集团|\s*(co\.?,?\s*ltd\.?|company\s+limited|limited|ltd\.?|inc\.?|llc|corp\.?|gmbh|co\.?))$/i;

/** The comparison key of a (normalised) name: lower case, no legal suffix, no spaces or punctuation. */
export function nameKey(name: string): string {
  let key = name.toLowerCase().trim();
  for (let i = 0; i < 2; i++) key = key.replace(LEGAL_SUFFIX, '').trim();
  key = key.replace(/[\s\p{P}\p{S}]+/gu, '');
  return key || name.toLowerCase().replace(/\s+/g, '');
}

/** The comparison key of an address: lower case, no spaces or punctuation. */
export function addressKey(address: string): string {
  return address.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The characters of a key in sorted order: equal for anagrams (a swapped pair of characters). */
export function sortedKey(key: string): string {
  return [...key].sort().join('');
}

/** Sørensen–Dice coefficient over character bigrams (a multiset); 0 when either has no bigram. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a];
  const y = [...b];
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const bigram = x[i] + x[i + 1];
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const bigram = y[i] + y[i + 1];
    const left = counts.get(bigram);
    if (left) {
      shared++;
      counts.set(bigram, left - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[y.length];
}

/** 1 minus the edit distance over the longer length. */
export function editSimilarity(a: string, b: string): number {
  const length = Math.max([...a].length, [...b].length);
  return length ? 1 - editDistance(a, b) / length : 1;
}

/** Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters): good for Latin names with typos. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a];
  const y = [...b];
  if (!x.length || !y.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(x.length, y.length) / 2) - 1);
  const xMatched = new Array<boolean>(x.length).fill(false);
  const yMatched = new Array<boolean>(y.length).fill(false);
  let matches = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(y.length - 1, i + window); j++) {
      if (yMatched[j] || x[i] !== y[j]) continue;
      xMatched[i] = yMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < x.length; i++) {
    if (!xMatched[i]) continue;
    while (!yMatched[j]) j++;
    if (x[i] !== y[j]) transpositions++;
    j++;
  }
  const jaro = (matches / x.length + matches / y.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const LATIN = /^[\x20-\x7e]+$/;

/**
 * Similarity of two name keys ({@link nameKey}). Same key 1; same characters in another order 0.9;
 * otherwise the best of edit similarity and bigram Dice, and for Latin names Jaro–Winkler (damped,
 * since it is generous with short strings).
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  if (a.length === b.length && sortedKey(a) === sortedKey(b)) return 0.9;
  let best = Math.max(editSimilarity(a, b), bigramDice(a, b));
  if (LATIN.test(a) && LATIN.test(b)) best = Math.max(best, jaroWinkler(a, b) - 0.05);
  return best;
}

/**
 * Similarity of two address keys ({@link addressKey}). House numbers decide: `天河路12号` and
 * `天河路123号` are one edit apart but different doors, so when neither address's numbers are
 * among the other's the similarity is halved (a missing `5栋` on one side is not a conflict).
 */
export function addressSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const similarity = Math.max(editSimilarity(a, b), bigramDice(a, b));
  const x = a.match(/\d+/g) ?? [];
  const y = b.match(/\d+/g) ?? [];
  const within = (p: string[], q: string[]) => p.every((n) => q.includes(n));
  return x.length && y.length && !within(x, y) && !within(y, x) ? similarity / 2 : similarity;
}
