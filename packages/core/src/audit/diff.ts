import type { FieldChange, RowChange } from './types.js';

type Plain = Record<string, unknown>;

/** Stamped by the store on every write; a change to them alone is not a change of the record. */
const systemFields = new Set(['id', 'createdAt', 'updatedAt', '_v']);

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isRows = (value: unknown): value is Plain[] => Array.isArray(value) && value.every(isPlain);

/** Deep equality of JSON values; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const others = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === others.length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * The field-level difference between two states of a record: one {@link FieldChange} per changed
 * leaf (nested objects are walked), arrays of rows diffed row by row. System fields are ignored,
 * so a write that changes nothing else gives `[]`.
 */
export function diffRecords(before: Plain, after: Plain): FieldChange[] {
  return diffObjects(before, after, [], true);
}

function diffObjects(before: Plain, after: Plain, path: string[], root = false): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (root && systemFields.has(key)) continue;
    changes.push(...diffValues(before[key], after[key], [...path, key]));
  }
  return changes;
}

function diffValues(from: unknown, to: unknown, path: string[]): FieldChange[] {
  if (sameValue(from, to)) return [];
  if (isPlain(from) && isPlain(to)) return diffObjects(from, to, path);
  if (isRows(from) && isRows(to) && (from.length || to.length)) return [{ path, rows: diffRows(from, to) }];
  const change: FieldChange = { path };
  if (from !== undefined) change.from = structuredClone(from);
  if (to !== undefined) change.to = structuredClone(to);
  return [change];
}

/** Pairs old and new rows, then reports the added, removed and changed ones. */
function diffRows(before: Plain[], after: Plain[]): RowChange[] {
  const pairs = pairRows(before, after);
  const rows: RowChange[] = [];
  const paired = new Set<number>();
  after.forEach((row, index) => {
    const old = pairs.get(index);
    if (old === undefined) {
      rows.push({ kind: 'added', index, to: structuredClone(row) });
      return;
    }
    paired.add(old);
    const changes = diffObjects(before[old], row, []);
    if (changes.length) rows.push({ kind: 'changed', index, changes });
  });
  before.forEach((row, index) => {
    if (!paired.has(index)) rows.push({ kind: 'removed', index, from: structuredClone(row) });
  });
  return rows;
}

/** new row index → old row index. */
function pairRows(before: Plain[], after: Plain[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const keyed = (rows: Plain[]) => rows.every((r) => typeof r.id === 'string' || typeof r.id === 'number');
  if (before.length && after.length && keyed(before) && keyed(after)) {
    const byId = new Map(before.map((r, i) => [r.id, i]));
    after.forEach((r, i) => {
      const old = byId.get(r.id);
      if (old !== undefined) pairs.set(i, old);
    });
    return pairs;
  }
  // Unchanged rows first (in order), so deleting the first of five rows reads as one removal, not
  // four changes and a removal; then edited rows by the most fields in common; the rest by position.
  const free = new Set(before.keys());
  const take = (i: number, old: number) => {
    pairs.set(i, old);
    free.delete(old);
  };
  after.forEach((row, i) => {
    for (const old of free) if (sameValue(before[old], row)) return take(i, old);
  });
  after.forEach((row, i) => {
    if (pairs.has(i)) return;
    let best = -1;
    let score = 0;
    for (const old of free) {
      const common = Object.keys(row).filter((k) => sameValue(before[old][k], row[k])).length;
      if (common > score) [best, score] = [old, common];
    }
    if (best >= 0) take(i, best);
  });
  const left = [...free];
  after.forEach((_, i) => {
    if (!pairs.has(i) && left.length) pairs.set(i, left.shift()!);
  });
  return pairs;
}
