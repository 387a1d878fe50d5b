/**
 * The data-in bench page: `bench/data-in.mjs` opens it in headless Chromium and calls
 * `window.kehuBench` — the CSV import (row 2) and the duplicate scan (row 11). Separate from
 * `list-100k.ts` so that it loads no elements it does not measure.
 */
import { customerEntity, deleteDatabases, seed, type Seed } from './dataset.js';
import { scanInWorker, scanPlanted } from './dedupe-scan.js';
import { customerCsv, gbkBlob, utf8WithBom, type ImportCsv } from './import-csv.js';
import { bulkPutAlone, cleanAndValidate, importThroughKehu, parseAlone, watchLongTasks } from './import-measures.js';
import { time } from './measure.js';

let prepared: { data: Seed; csv: ImportCsv; files: { utf8: Blob; gbk: Blob } } | undefined;
let records: Record<string, unknown>[] | undefined;

const files = () => {
  if (!prepared) throw new Error('call generateCsv(count) first');
  return prepared;
};

const bench = {
  deleteDatabases,

  /** Seeds `count` customers and writes both CSV files in the page (not a measure). */
  async generateCsv(count: number) {
    const entity = await customerEntity();
    let sizes = { utf8: 0, gbk: 0 };
    const ms = await time(() => {
      // Exactly `count` rows: the seed appends a few planted duplicates after its customers.
      const all = seed(count);
      const data = { ...all, customers: all.customers.slice(0, count) };
      const csv = customerCsv(entity, data);
      const utf8 = utf8WithBom(csv.text);
      const gbk = gbkBlob(csv.text);
      prepared = { data, csv, files: { utf8, gbk } };
      sizes = { utf8: utf8.size, gbk: gbk.size };
    });
    return { ms, rows: files().csv.rows, bytes: sizes };
  },

  /** (a) parse of both files, then (b) clean + validate of the UTF-8 file's rows, kept for (c). */
  async parseAndValidate() {
    const { csv, files: blobs } = files();
    const gbk = await parseAlone(blobs.gbk);
    const utf8 = await parseAlone(blobs.utf8);
    if (utf8.rows.length !== gbk.rows.length) throw new Error('the UTF-8 and GBK files parsed to different rows');
    const checked = await cleanAndValidate(utf8.rows, csv);
    records = checked.records;
    return {
      parseUtf8: utf8.ms,
      parseGbk: gbk.ms,
      encodings: [utf8.encoding, gbk.encoding],
      validate: checked.ms,
      rows: checked.records.length,
      invalid: checked.invalid,
      unmapped: checked.unmapped,
    };
  },

  /** (c) raw Dexie `bulkPut` of the records (b) prepared. */
  async bulkPutRaw(name: string) {
    if (!records) throw new Error('call parseAndValidate() first');
    return bulkPutAlone(name, records);
  },

  /** (d) Kehu's import of one of the files, by `importFile` or the wizard's worker path. */
  importKehu(name: string, path: 'importFile' | 'worker', encoding: 'utf8' | 'gbk' = 'utf8') {
    const { data, files: blobs } = files();
    return importThroughKehu(name, blobs[encoding], data, path);
  },

  /** The duplicate scan in a Web Worker: the page's long tasks meanwhile show it stays responsive. */
  async dedupeInWorker(size: number, duplicates: number) {
    const stop = watchLongTasks();
    const scan = await scanInWorker(size, duplicates);
    return { ...scan, longTasks: await stop() };
  },

  /** The same scan on the main thread, as `<kehu-duplicate-review>` runs it today. */
  async dedupeInPage(size: number, duplicates: number) {
    const stop = watchLongTasks();
    const scan = await scanPlanted(size, duplicates, 'page');
    return { ...scan, longTasks: await stop() };
  },
};

export type KehuDataBench = typeof bench;

// The same global name as list-100k.ts, so session.mjs drives both pages; typed there for that page.
Object.assign(window, { kehuBench: bench });
