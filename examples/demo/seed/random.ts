/**
 * A small seeded random source, so the same seed always yields the same demo data.
 *
 * mulberry32: 32-bit state, good enough spread for fake data and fast enough for 100k records.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` returns 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
}

/**
 * A random source for one generator. `stream` names the generator, so adding a field to customers
 * does not reshuffle products: each stream's sequence depends only on the seed and its name.
 */
export function createRandom(seed: number, stream = ''): Random {
  let state = (seed ^ hashString(stream)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return pool.slice(0, count);
    },
    chars(alphabet: string, length: number): string {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

/** FNV-1a, to turn a stream name into seed bits. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date (`2026-11-01`), in UTC so time zones never shift a date. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** The ISO date (`YYYY-MM-DD`) for a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date-time on `day`, at a plausible office-hours time drawn from `random`. */
export function isoDateTime(day: number, random: Random): string {
  const ms = day * DAY_MS + random.int(8 * 3600, 19 * 3600) * 1000;
  return new Date(ms).toISOString();
}

/** A moment after `earlier` (an ISO date-time) and no later than the end of `lastDay`. */
export function isoDateTimeAfter(earlier: string, lastDay: number, random: Random): string {
  const from = Date.parse(earlier);
  const to = (lastDay + 1) * DAY_MS - 1;
  // Whole seconds, like the other timestamps.
  return to <= from ? earlier : new Date(from + Math.floor((random.next() * (to - from)) / 1000) * 1000).toISOString();
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
export function addYears(isoDateValue: string, years: number): string {
  const [y, m, d] = isoDateValue.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether `cents` can be stored as yuan: about one cent value in nine fails ajv's default
 * `multipleOf: 0.01` check, because `1.13 / 0.01` is `112.99999999999999` in floating point.
 */
export function storableCents(cents: number): boolean {
  return Number.isInteger(cents) && Number.isInteger(cents / 100 / 0.01);
}

/**
 * Money as the schemas store it: yuan with two decimals, from integer cents so sums stay exact,
 * nudged up to the next cent value that passes `multipleOf: 0.01` (see `storableCents`).
 */
export function money(cents: number): number {
  let c = Math.max(0, Math.round(cents));
  while (!storableCents(c)) c++;
  return c / 100;
}
