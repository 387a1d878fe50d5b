import type { KehuRecord } from '../store/types.js';

/** One side of a three-way merge: the record (`d`) and whether it is removed (`t` 1). */
export interface MergeSide {
  record: KehuRecord;
  removed: boolean;
}

/** A field both sides changed to different values. The merged record holds the server's value. */
export interface FieldConflict {
  /** Top-level field key of the record. */
  field: string;
  /** The value both sides started from (absent: the field had no value). */
  base?: unknown;
  /** This client's value, which lost. */
  local?: unknown;
  /** The server's value, which the merged record holds. */
  server?: unknown;
}

export interface EditMerge extends MergeSide {
  /** Fields both sides changed differently; empty when the merge was automatic. */
  conflicts: FieldConflict[];
  /** True when the merged record is the server's record unchanged (nothing of the local edit remains). */
  sameAsServer: boolean;
}

/** Stamps the store sets on every write; they are merged by rule, never reported as conflicts. */
const system = new Set(['id', 'createdAt', 'updatedAt', '_v']);

/** Deep equality over JSON values, independent of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((v, i) => sameValue(v, list[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameValue(x[k], y[k]));
}

const later = (a: string | undefined, b: string | undefined) => ((a ?? '') > (b ?? '') ? a : b);

/**
 * Three-way, field-level merge of one record edited on this client (`local`) and on the server
 * (`server`) since both last agreed (`base`, RxDB's assumed master state; absent when this client
 * never saw the server's record). Per top-level field: changed on one side only, that side wins;
 * changed on both to the same value, that value; changed on both differently, the server's value
 * stays in the record and the pair is reported, so the caller keeps the local value. Child rows and
 * nested objects are one field each. Removal (`t`) merges the same way and never conflicts (both
 * sides changing it can only change it the same way). Pure: no clock, no storage.
 */
export function mergeEdits(base: MergeSide | undefined, local: MergeSide, server: MergeSide): EditMerge {
  const from = (base?.record ?? {}) as Record<string, unknown>;
  const mine = local.record as Record<string, unknown>;
  const theirs = server.record as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...theirs };
  const conflicts: FieldConflict[] = [];
  const keys = new Set([...Object.keys(from), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    if (system.has(key)) continue;
    const [b, l, s] = [from[key], mine[key], theirs[key]];
    if (sameValue(l, s) || sameValue(l, b)) continue; // the server's value stands
    if (sameValue(s, b)) {
      if (l === undefined) delete merged[key];
      else merged[key] = l;
      continue;
    }
    const conflict: FieldConflict = { field: key };
    if (b !== undefined) conflict.base = b;
    if (l !== undefined) conflict.local = l;
    if (s !== undefined) conflict.server = s;
    conflicts.push(conflict);
  }
  const removed = local.removed === (base?.removed ?? local.removed) ? server.removed : local.removed;
  const sameAsServer = removed === server.removed && sameValue(merged, theirs);
  const record = {
    ...merged,
    id: theirs.id ?? mine.id,
    createdAt: theirs.createdAt ?? mine.createdAt,
    // The newer of the two writes: an entry with that version exists in the audit log.
    updatedAt: sameAsServer ? theirs.updatedAt : later(mine.updatedAt as string, theirs.updatedAt as string),
  } as KehuRecord;
  const version = Math.max(Number(mine._v ?? 0), Number(theirs._v ?? 0));
  if (version > 0) record._v = version;
  else delete record._v;
  return { record, removed, conflicts, sameAsServer };
}
