/**
 * Row 2 of the benchmarks: a CSV import of seeded customers end to end through Kehu, against its
 * parts each timed alone — (a) parse (Kehu's `openTable`: decode + papaparse via `csvRows`),
 * (b) clean + validate (`rowMapper`'s cell cleaning, references by code, `entity.validate`), and
 * (c) raw Dexie `bulkPut` of the same prepared records, laid out as Kehu stores them, under the
 * same indexes. The end-to-end import also records the page's long tasks (over 50 ms).
 */
import { autoMap, importFile, importRows, importTargets, openTable, rowMapper, type SourceRow } from '@kehu/core';
// Internals on purpose: the baseline prepares records exactly as the store would before writing.
import { withDefaults, withoutUndefined } from '../packages/core/src/store/checks.js';
import { openRows } from '../packages/components/src/import-wizard/row-reader.js';
import {
  ENTITY,
  RawDatabase,
  customerEntity,
  insertDictionaries,
  openStore,
  physicalDocuments,
  type Seed,
} from './dataset.js';
import type { ImportCsv } from './import-csv.js';
import { time, timed } from './measure.js';

/** Rows per write: Kehu's import default, used by the baseline too. */
export const IMPORT_BATCH = 500;

/** The page's long tasks while a run goes on (the Long Tasks API reports tasks of 50 ms and more). */
export function watchLongTasks(): () => Promise<{ max: number; count: number; total: number }> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return async () => {
    // A task's entry is queued once it ends: the caller's own task must end first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
    return {
      max: durations.length ? Math.max(...durations) : 0,
      count: durations.length,
      total: durations.reduce((sum, ms) => sum + ms, 0),
    };
  };
}

/** (a) Reads every row of the file: detection, decoding and papaparse, as an import reads it. */
export async function parseAlone(file: Blob): Promise<{ ms: number; rows: SourceRow[]; encoding?: string }> {
  const rows: SourceRow[] = [];
  let encoding: string | undefined;
  const ms = await time(async () => {
    const table = await openTable(file);
    for await (const batch of table.rows) for (const row of batch) rows.push(row);
    encoding = table.encoding?.encoding;
  });
  return { ms, rows, encoding };
}

/**
 * (b) Cleans every data row into field values under the auto-matched mapping (not timed: one
 * header), swaps dictionary codes for ids from a map in memory, fills defaults and validates.
 */
export async function cleanAndValidate(
  rows: SourceRow[],
  csv: ImportCsv,
): Promise<{ ms: number; records: Record<string, unknown>[]; invalid: number; unmapped: number }> {
  const entity = await customerEntity();
  const targets = importTargets(entity);
  const [header, ...data] = rows;
  const mapping = autoMap(header.cells, targets);
  const valuesOf = rowMapper(mapping, targets);
  const records: Record<string, unknown>[] = [];
  let invalid = 0;
  const ms = await time(() => {
    for (const row of data) {
      const values = valuesOf(row.cells);
      for (const [path, ids] of csv.references) {
        const code = values[path];
        if (code !== undefined) values[path] = ids.get(String(code)) ?? code;
      }
      const record = withoutUndefined(withDefaults(entity, values));
      if (entity.validate({ ...record, _v: entity.version }).length) invalid++;
      records.push({ ...record, id: `raw-${row.line}` });
    }
  });
  return { ms, records, invalid, unmapped: mapping.filter((path) => !path).length };
}

/** (c) `bulkPut` of the prepared records, laid out as Kehu stores them (layout not timed), 500 at a time. */
export async function bulkPutAlone(
  name: string,
  records: Record<string, unknown>[],
): Promise<{ ms: number; layout: number }> {
  const entity = await customerEntity();
  const laidOut = await timed(() => physicalDocuments(entity, records));
  const docs = laidOut.value;
  const db = new RawDatabase(name);
  await db.open();
  try {
    const ms = await time(async () => {
      for (let i = 0; i < docs.length; i += IMPORT_BATCH) await db.records.bulkPut(docs.slice(i, i + IMPORT_BATCH));
    });
    const stored = await db.records.count();
    if (stored !== docs.length) throw new Error(`raw Dexie holds ${stored} records, expected ${docs.length}`);
    return { ms, layout: laidOut.ms };
  } finally {
    db.close();
  }
}

/** What an end-to-end import reports back to Node. */
export interface KehuImport {
  ms: number;
  inserted: number;
  rejected: number;
  /** The first rejected rows' problems, to see why a run rejected anything. */
  problems: string[];
  longTasks: { max: number; count: number; total: number };
  encoding?: string;
}

/**
 * (d) Kehu's import into a fresh store holding only the dictionaries: `importFile` (everything on the
 * page), or the wizard's path (`openRows` parses, cleans and validates in a Web Worker, `importRows` writes).
 */
export async function importThroughKehu(
  name: string,
  file: Blob,
  data: Seed,
  path: 'importFile' | 'worker',
): Promise<KehuImport> {
  const store = await openStore(name);
  try {
    await insertDictionaries(store, data);
    const stop = watchLongTasks();
    const run = await timed(async () => {
      if (path === 'importFile') return importFile(store, ENTITY, file);
      const reader = await openRows(file, store.entity(ENTITY).entity, { validate: 'insert' }, true);
      if (reader.where !== 'worker') throw new Error('the import worker did not start');
      const result = await importRows(store, ENTITY, reader.batches(), {
        headers: reader.info.headers,
        mapping: reader.info.mapping,
        headerLine: reader.info.headerLine,
      });
      return { ...result, file: reader.info };
    });
    const longTasks = await stop();
    const result = run.value;
    return {
      ms: run.ms,
      inserted: result.inserted,
      rejected: result.rejected.length,
      problems: result.rejected
        .slice(0, 3)
        .flatMap((r) => r.problems.map((p) => `row ${p.line} ${p.column ?? ''}: ${p.message.en}`)),
      longTasks,
      encoding: result.file.encoding?.encoding,
    };
  } finally {
    await store.close();
  }
}
