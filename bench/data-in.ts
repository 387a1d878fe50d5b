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

/**
 * What the page keeps between calls: the two files, the dictionaries the customers point at and the
 * codes to swap for their ids — no more than a user's page holds while it imports. The seeded
 * customers, the CSV text and the prepared records are dropped once used: at 100,000 rows they were
 * about 145 MB of the page's 165 MB heap when Kehu's import began, and the import's long tasks in a
 * trace (173 and 179 ms) were V8 finishing a full mark-compact of that heap — the bench's data
 * charged to Kehu's import.
 */
let prepared: { dictionaries: Seed; csv: ImportCsv; files: { utf8: Blob; gbk: Blob } } | undefined;

const files = () => {
  if (!prepared) throw new Error('call generateCsv(count) first');
  return prepared;
};

/** Parses the UTF-8 file and cleans its rows as (a) and (b) do: (c)'s input, made again each time. */
async function preparedRecords() {
  const { csv, files: blobs } = files();
  return (await cleanAndValidate((await parseAlone(blobs.utf8)).rows, csv)).records;
}

const bench = {
  deleteDatabases,

  /** Seeds `count` customers and writes both CSV files in the page (not a measure). */
  async generateCsv(count: number) {
    const entity = await customerEntity();
    let sizes = { utf8: 0, gbk: 0 };
    let rows = 0;
    const ms = await time(() => {
      // Exactly `count` rows: the seed appends a few planted duplicates after its customers.
      const all = seed(count);
      const csv = customerCsv(entity, { ...all, customers: all.customers.slice(0, count) });
      const utf8 = utf8WithBom(csv.text);
      const gbk = gbkBlob(csv.text);
      prepared = {
        dictionaries: { customers: [], dictionaries: all.dictionaries },
        csv: { ...csv, text: '' },
        files: { utf8, gbk },
      };
      sizes = { utf8: utf8.size, gbk: gbk.size };
      rows = csv.rows;
    });
    return { ms, rows, bytes: sizes };
  },

  /** (a) parse of both files, then (b) clean + validate of the UTF-8 file's rows. */
  async parseAndValidate() {
    const { csv, files: blobs } = files();
    const gbk = await parseAlone(blobs.gbk);
    const utf8 = await parseAlone(blobs.utf8);
    if (utf8.rows.length !== gbk.rows.length) throw new Error('the UTF-8 and GBK files parsed to different rows');
    const checked = await cleanAndValidate(utf8.rows, csv);
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

  /** (c) raw Dexie `bulkPut` of the records (b) prepares (prepared again here, not timed). */
  async bulkPutRaw(name: string) {
    return bulkPutAlone(name, await preparedRecords());
  },

  /** (d) Kehu's import of one of the files, by `importFile` or the wizard's worker path. */
  importKehu(name: string, path: 'importFile' | 'worker', encoding: 'utf8' | 'gbk' = 'utf8') {
    const { dictionaries, files: blobs } = files();
    return importThroughKehu(name, blobs[encoding], dictionaries, path);
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
