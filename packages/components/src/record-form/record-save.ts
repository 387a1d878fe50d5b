import type { Entity, KehuRecord } from '@kehu/core';

/** Detail of `kehu-record-save`. */
export interface RecordSaveDetail {
  /** Id of the saved record. */
  id: string;
  /** The record as stored (with system fields). */
  record: KehuRecord;
  /** Entity name. */
  entity: string;
  /** True when the save created the record, false when it changed an existing one. */
  created: boolean;
}

/** Detail of `kehu-record-cancel`. */
export interface RecordCancelDetail {
  entity: string;
  /** Id of the record being edited; absent for a new record. */
  id?: string;
}

/** Schema defaults of top-level fields, for a new record. */
export function defaultsOf(entity: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of entity.fields) if (field.default !== undefined) out[field.key] = structuredClone(field.default);
  return out;
}

/** Top-level fields that differ from the stored record; emptied fields as `undefined` so the store drops them. */
export function changesOf(stored: KehuRecord, candidate: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const system = new Set(['id', 'createdAt', 'updatedAt', '_v']);
  const before = stored as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(candidate)])) {
    if (system.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(candidate[key])) changes[key] = candidate[key];
  }
  return changes;
}

declare global {
  interface HTMLElementEventMap {
    'kehu-record-save': CustomEvent<RecordSaveDetail>;
    'kehu-record-cancel': CustomEvent<RecordCancelDetail>;
  }
}
