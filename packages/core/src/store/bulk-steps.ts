/**
 * The steps of a long bulk write (an import's batch) that pause for the page between parts:
 * validating `step` records at a time, and writing `size` records per storage write. Kept apart from
 * the repository so that its bulk upsert reads as the sequence of checks it is.
 */
import type { RxCollection, RxDocument, RxStorageWriteError } from 'rxdb';
import type { Entity } from '../entity/types.js';
import { KehuError, KehuValidationError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { assertValid } from './checks.js';
import { primaryKey, toPhysical, type PhysicalRecord } from './physical.js';
import type { KehuRecord } from './types.js';

/** Lets the page paint and take input between the parts of one long call. */
export const pause = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Validates `records` `step` at a time, pausing between; throws one `KehuValidationError` with
 * every issue of every part, rows numbered across the whole call.
 */
export async function assertValidInSteps(
  entity: Entity,
  records: KehuRecord[],
  step: number,
  locale: Locale,
): Promise<void> {
  const issues: KehuValidationError['issues'] = [];
  for (let from = 0; from < records.length; from += step) {
    if (from) await pause();
    try {
      assertValid(entity, records.slice(from, from + step), locale, true);
    } catch (error) {
      if (!(error instanceof KehuValidationError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, row: (issue.row ?? 0) + from })));
    }
  }
  if (issues.length) throw new KehuValidationError(entity.name, issues, locale, entity.label);
}

/**
 * Writes `rows` `size` at a time, each part one storage write (one IndexedDB transaction with
 * Dexie) with each replaced record's revision as `previous`, so a concurrent change is refused,
 * never overwritten; pauses between parts and stops at the first part with an error. Returns the
 * rows written and that error.
 */
export async function writeInParts<Row extends { record: KehuRecord; existing?: RxDocument<PhysicalRecord> }>(
  collection: RxCollection<PhysicalRecord>,
  entity: Entity,
  rows: Row[],
  size: number,
): Promise<{ written: Row[]; error?: RxStorageWriteError<PhysicalRecord> }> {
  const written: Row[] = [];
  let error: RxStorageWriteError<PhysicalRecord> | undefined;
  for (let from = 0; from < rows.length && !error; from += size) {
    if (from) await pause();
    const part = rows.slice(from, from + size);
    const result = await collection.storageInstance.bulkWrite(
      part.map(({ record, existing }) => ({
        document: {
          ...toPhysical(entity, record),
          _deleted: false,
          _attachments: existing?._data._attachments ?? {},
          _meta: existing?._data._meta ?? { lwt: 0 },
          _rev: existing?._data._rev ?? '',
        },
        previous: existing?._data,
      })),
      'kehu-bulk-upsert',
    );
    const failed = new Set(result.error.map((e) => e.documentId));
    written.push(...part.filter((r) => !failed.has(primaryKey(entity.name, r.record.id))));
    error = result.error[0];
  }
  return { written, error };
}

/** Two rows of one bulk write with the same id: refused before anything is written. */
export function assertDistinctIds(data: ({ id?: unknown } | null | undefined)[], locale: Locale): void {
  const seen = new Map<string, number>();
  data.forEach((row, i) => {
    const id = row?.id;
    if (typeof id !== 'string' || !id) return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
      return;
    }
    throw new KehuError(
      'duplicate-id',
      {
        en: `Rows ${first + 1} and ${i + 1} have the same id "${id}"; ids must be unique. Nothing was saved.`,
        'zh-CN': `第 ${first + 1} 行和第 ${i + 1} 行的 ID 相同（「${id}」），ID 不能重复。未保存任何记录。`,
      },
      locale,
    );
  });
}
