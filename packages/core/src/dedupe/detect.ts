import type { Entity, FieldModel, MatchRuleHint } from '../entity/types.js';
import { normalizeRuleOf } from '../normalize/record.js';
import { normalizeValue, type NormalizeRule } from '../normalize/rules.js';
import { addressKey, addressSimilarity, nameKey, nameSimilarity, sortedKey } from './similarity.js';

/** How one field is compared: names and addresses by similarity, everything else exactly. */
export type MatchKind = 'name' | 'address' | 'exact';

/** One compiled match rule. */
export interface MatchRule {
  fields: { path: string[]; kind: MatchKind; rule?: NormalizeRule }[];
  weight: number;
}

/** A candidate duplicate pair, `a` before `b` in the scanned order. */
export interface DuplicatePair {
  a: string;
  b: string;
  /** 0–1: the best rule's weight times the mean similarity of its fields. */
  score: number;
  /** Index of the rule that gave the score in the entity's `x-kehu.match`. */
  rule: number;
  /** Similarity per field of that rule (`addresses.street` for row fields). */
  fields: { field: string; similarity: number }[];
}

export interface DetectOptions {
  /** Pairs scoring below this are left out. Default 0.8. */
  threshold?: number;
  /**
   * Blocks (records sharing a key) larger than this are not paired within: a key that many
   * records share (a common name) says little and would make the scan quadratic. Default 100.
   */
  maxBlock?: number;
}

type Row = Record<string, unknown>;

function fieldAt(entity: Entity, path: string[]): FieldModel | undefined {
  let fields = entity.fields;
  let found: FieldModel | undefined;
  for (const key of path) {
    found = fields.find((f) => f.key === key);
    if (!found) return undefined;
    fields = found.children ?? [];
  }
  return found;
}

/** The entity's match rules (`x-kehu.match`), compiled; empty when it declares none. */
export function matchRules(entity: Entity): MatchRule[] {
  const hints = (entity.schema['x-kehu'] as { match?: MatchRuleHint[] } | undefined)?.match ?? [];
  return hints.map((hint) => ({
    weight: hint.weight ?? 1,
    fields: hint.fields.map((name) => {
      const path = name.split('.');
      const field = fieldAt(entity, path);
      const rule = field ? normalizeRuleOf(field) : undefined;
      const kind: MatchKind = rule === 'name' ? 'name' : rule === 'address' ? 'address' : 'exact';
      return { path, kind, rule };
    }),
  }));
}

/** Every value at a path, through arrays of rows: `addresses.street` gives each row's street. */
function valuesAt(record: unknown, path: string[]): unknown[] {
  let current: unknown[] = [record];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (!value || typeof value !== 'object') continue;
      const child = (value as Row)[key];
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined && child !== null) next.push(child);
    }
    current = next;
  }
  return current;
}

function comparisonKey(kind: MatchKind, rule: NormalizeRule | undefined, value: unknown): string {
  const text = String(rule ? normalizeValue(rule, value) : value).trim();
  if (kind === 'name') return nameKey(text);
  if (kind === 'address') return addressKey(text);
  return text.toLowerCase();
}

function similarity(kind: MatchKind, a: string[], b: string[]): number {
  let best = 0;
  for (const x of a)
    for (const y of b) {
      const s = kind === 'name' ? nameSimilarity(x, y) : kind === 'address' ? addressSimilarity(x, y) : x === y ? 1 : 0;
      if (s > best) best = s;
      if (best === 1) return 1;
    }
  return best;
}

/** Keys a record is blocked under for one field: records sharing a key become candidate pairs. */
function blockKeys(kind: MatchKind, keys: string[]): string[] {
  if (kind !== 'name') return keys;
  return keys.flatMap((key) => [key, `~${sortedKey(key)}`]);
}

/**
 * Candidate duplicate pairs among `records`, best first. Pure: reads the records as given and
 * normalises values itself, so it serves rows from a file as well as stored records.
 *
 * Blocking: records are paired only when they share a block key — the exact value of an exactly
 * compared field, or a name's key or its sorted characters, or an address key. A rule with an
 * exactly compared field is blocked on those fields alone when no pair differing in one of them
 * could reach the threshold. Then every candidate pair is scored by every rule.
 */
export function detectDuplicates(
  entity: Entity,
  records: readonly Row[],
  options: DetectOptions = {},
): DuplicatePair[] {
  const scanner = new DuplicateScanner(entity, options);
  scanner.add(records);
  return scanner.pairs();
}

/**
 * `detectDuplicates` fed a page at a time: `add` works out each record's comparison and block keys
 * (most of the work) and keeps only those, never the records; `pairs` then scores the candidate
 * pairs. The same records in the same order give the same pairs as `detectDuplicates`, so a scan can
 * run in a worker or in slices of the main thread and report how many records it has scanned.
 */
export class DuplicateScanner {
  private rules: MatchRule[];
  private threshold: number;
  private maxBlock: number;
  /** The distinct field paths of every rule. */
  private paths = new Map<string, { path: string[]; kind: MatchKind; rule?: NormalizeRule }>();
  /** Fields worth blocking on. */
  private blocking = new Set<string>();
  /** Comparison keys per field path, by record position. */
  private keys = new Map<string, string[][]>();
  private blocks = new Map<string, number[]>();
  private ids: string[] = [];

  constructor(entity: Entity, options: DetectOptions = {}) {
    this.threshold = options.threshold ?? 0.8;
    this.maxBlock = options.maxBlock ?? 100;
    this.rules = matchRules(entity);
    for (const rule of this.rules) for (const field of rule.fields) this.paths.set(field.path.join('.'), field);
    for (const name of this.paths.keys()) this.keys.set(name, []);
    for (const rule of this.rules) {
      const exact = rule.fields.filter((f) => f.kind === 'exact');
      const n = rule.fields.length;
      if (exact.length && (rule.weight * (n - 1)) / n < this.threshold)
        exact.forEach((f) => this.blocking.add(f.path.join('.')));
      else rule.fields.forEach((f) => this.blocking.add(f.path.join('.')));
    }
  }

  /** Records added so far. */
  get scanned(): number {
    return this.ids.length;
  }

  /** Takes the next records in scan order. */
  add(records: readonly Row[]): void {
    if (!this.rules.length) {
      this.ids.push(...records.map((r, i) => String(r.id ?? this.ids.length + i)));
      return;
    }
    for (const record of records) {
      const index = this.ids.length;
      this.ids.push(String(record.id ?? index));
      for (const [name, field] of this.paths) {
        const values = valuesAt(record, field.path)
          .map((v) => comparisonKey(field.kind, field.rule, v))
          .filter(Boolean);
        this.keys.get(name)!.push(values);
        if (!this.blocking.has(name)) continue;
        for (const key of new Set(blockKeys(field.kind, values))) {
          const block = `${name}\u0001${key}`;
          const members = this.blocks.get(block);
          if (members) members.push(index);
          else this.blocks.set(block, [index]);
        }
      }
    }
  }

  /** The candidate pairs among every record added, best first. */
  pairs(): DuplicatePair[] {
    const n = this.ids.length;
    if (!this.rules.length || n < 2) return [];
    const seen = new Set<number>();
    const pairs: DuplicatePair[] = [];
    for (const members of this.blocks.values()) {
      if (members.length < 2 || members.length > this.maxBlock) continue;
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) {
          const [x, y] = members[i] < members[j] ? [members[i], members[j]] : [members[j], members[i]];
          const pairKey = x * n + y;
          if (x === y || seen.has(pairKey)) continue;
          seen.add(pairKey);
          const scored = scorePair(this.rules, this.keys, x, y);
          if (scored && scored.score >= this.threshold) pairs.push({ a: this.ids[x], b: this.ids[y], ...scored });
        }
    }
    return pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
  }
}

function scorePair(
  rules: MatchRule[],
  keys: Map<string, string[][]>,
  x: number,
  y: number,
): Omit<DuplicatePair, 'a' | 'b'> | undefined {
  let best: Omit<DuplicatePair, 'a' | 'b'> | undefined;
  rules.forEach((rule, index) => {
    const fields: DuplicatePair['fields'] = [];
    let sum = 0;
    for (const field of rule.fields) {
      const name = field.path.join('.');
      const values = keys.get(name)!;
      if (!values[x].length || !values[y].length) return;
      const s = similarity(field.kind, values[x], values[y]);
      sum += s;
      fields.push({ field: name, similarity: Math.round(s * 1000) / 1000 });
    }
    const score = Math.round(((rule.weight * sum) / rule.fields.length) * 1000) / 1000;
    if (!best || score > best.score) best = { score, rule: index, fields };
  });
  return best;
}
