import {
  KehuError,
  KehuValidationError,
  type Entity,
  type KehuRecord,
  type Locale,
  type ValidationIssue,
} from '@kehu/core';
import { forbiddenField, type FormPermissions } from './form-permissions.js';
import { formText } from './record-form.strings.js';

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

/** An error as the user reads it: Kehu's own message in `locale`, else a generic "could not save". */
export function describeError(error: unknown, locale: Locale): string {
  if (error instanceof KehuError) return error.messageIn(locale);
  console.error(error);
  return formText(locale, 'saveFailed', { reason: error instanceof Error ? error.message : String(error) });
}

/**
 * What a refused save shows: issues next to their fields (invalid values, or a field the user's
 * role may not change, in both languages), else one message for the whole form.
 */
export function saveFailure(
  error: unknown,
  permissions: FormPermissions,
  locale: Locale,
): { issues: ValidationIssue[] } | { message: string } {
  if (error instanceof KehuValidationError) return { issues: error.issues };
  const field = forbiddenField(permissions, error);
  if (!field) return { message: describeError(error, locale) };
  const message = { en: describeError(error, 'en'), 'zh-CN': describeError(error, 'zh-CN') };
  return { issues: [{ path: [field], label: message, message, keyword: 'forbidden' }] };
}
