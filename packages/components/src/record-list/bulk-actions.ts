import {
  coerceFilterValue,
  localize,
  type Entity,
  type FieldModel,
  type KehuRecord,
  type Locale,
  type Repository,
} from '@kehu/core';
import { fieldValue, formatCell, type ReferenceTitle } from './cell-format.js';

/** Writes run in slices so a bulk change over thousands of records keeps the page responsive. */
const SLICE = 50;

export interface BulkResult {
  done: number;
  /** Records the store refused, with its localised reason. */
  failed: { id: string; reason: Error }[];
}

async function eachSlice(ids: string[], write: (id: string) => Promise<unknown>): Promise<BulkResult> {
  const result: BulkResult = { done: 0, failed: [] };
  for (let start = 0; start < ids.length; start += SLICE) {
    const slice = ids.slice(start, start + SLICE);
    const outcomes = await Promise.allSettled(slice.map(write));
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') result.done++;
      else result.failed.push({ id: slice[i], reason: outcome.reason as Error });
    });
  }
  return result;
}

/** Soft-deletes the records (each can be restored); a refused one does not stop the others. */
export const deleteRecords = (repository: Repository, ids: string[]) => eachSlice(ids, (id) => repository.remove(id));

/**
 * Sets one field on every record. Each record is validated on its own: the valid ones change, the
 * others stay as they were and are reported.
 */
export function setField(repository: Repository, ids: string[], field: FieldModel, raw: unknown): Promise<BulkResult> {
  const value = coerceFilterValue(field, raw);
  return eachSlice(ids, (id) => repository.patch(id, { [field.key]: value }));
}

/** Fields a bulk "set field" may change: visible, writable, top-level, single-valued. */
export function settableFields(entity: Entity): FieldModel[] {
  const kinds = new Set(['text', 'email', 'number', 'integer', 'money', 'date', 'enum', 'boolean', 'reference']);
  return entity.fields.filter(
    (f) => !f.hidden && !f.readOnly && kinds.has(f.kind) && f.key !== entity.namingSeries?.field,
  );
}

/** The export's header: the listed columns' labels in `locale`. */
export const recordsHeader = (fields: FieldModel[], locale: Locale): string[] =>
  fields.map((field) => localize(field.label, locale) || field.key);

/**
 * One record's cells as the list shows them: values formatted for `locale` (enum labels,
 * reference titles), sensitive values masked; numbers stay plain numbers, so the spreadsheet can sum them.
 */
export function recordCells(
  record: KehuRecord,
  fields: FieldModel[],
  locale: Locale,
  referenceTitle: ReferenceTitle,
): unknown[] {
  return fields.map((field) => {
    const value = fieldValue(record, field);
    if (typeof value === 'number' && !field.sensitive) return value;
    return formatCell(field, value, locale, referenceTitle).text;
  });
}

/** Starts a download of `data` as a file, the way the browser saves any link. */
export function download(data: Blob | string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoked a little later: some browsers start reading the file only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
