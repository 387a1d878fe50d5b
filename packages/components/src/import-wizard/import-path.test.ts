// The wizard's import path at a size where batching shows: rows read, cleaned and checked in the
// Web Worker (`openRows`), written by `importRows` on the page into an IndexedDB store. Asserts
// what a user and the audit trail see; the page's long tasks are recorded and logged, never
// asserted (timings belong to bench/, machines are noisy).
import { expect } from '@open-wc/testing';
import { createStore, importRows, type ImportProgress, type JsonSchema, type Store } from '@kehu/core';
import { openRows } from './row-reader.js';

const ROWS = 3000;
const BATCH = 500;

let schemas: JsonSchema[] | undefined;
let opened: Store[] = [];
let count = 0;

async function idbStore(): Promise<Store> {
  schemas ??= await Promise.all(
    ['customer', 'customer-class', 'customer-level'].map(async (n) =>
      (await fetch(`/schemas/${n}.schema.json`)).json(),
    ),
  );
  // The default storage in a browser: IndexedDB through Dexie, as the demo and the bench use.
  const store = await createStore({ entities: schemas!, name: `import-path-${Date.now()}-${count++}` });
  await store.entity('customer-class').bulkInsert([
    { code: 'A', name: '甲类' },
    { code: 'B', name: '乙类' },
  ]);
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

/** A CSV as a Chinese office exports it: zh-CN headers, a dictionary column by code, ugly phones. */
function customersCsv(rows: number): File {
  const lines = ['客户名称,客户类型,手机,客户分类'];
  for (let i = 0; i < rows; i++)
    lines.push(`客户${i},个人,+86 138-${String(i).padStart(4, '0')}-8000,${i % 3 ? 'A' : 'B'}`);
  return new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'many.csv', { type: 'text/csv' });
}

/** The page's tasks of 50 ms and more while `run` goes on (logged, not asserted). */
async function withLongTasks<T>(label: string, run: () => Promise<T>): Promise<T> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    return await run();
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
    const max = durations.length ? Math.max(...durations) : 0;
    console.log(`${label}: ${durations.length} page tasks over 50 ms, longest ${Math.round(max)} ms`);
  }
}

async function importThroughWorker(
  store: Store,
  file: File,
  options: { signal?: AbortSignal; resumeJob?: string; onProgress?: (p: ImportProgress) => void } = {},
) {
  const entity = store.entity('customer').entity;
  const reader = await openRows(file, entity, { validate: 'insert' }, true);
  expect(reader.where).to.equal('worker');
  return importRows(store, 'customer', reader.batches(), {
    headers: reader.info.headers,
    mapping: reader.info.mapping,
    headerLine: reader.info.headerLine,
    batchSize: BATCH,
    ...options,
  });
}

describe('the import wizard path (worker reads, page writes) with thousands of rows', () => {
  it('stores every row with its reference resolved, one create entry each, and progress in order', async function () {
    this.timeout(180000);
    const store = await idbStore();
    const progress: ImportProgress[] = [];
    const result = await withLongTasks(`import of ${ROWS} rows`, () =>
      importThroughWorker(store, customersCsv(ROWS), { onProgress: (p) => progress.push(p) }),
    );
    expect(result.rejected).to.deep.equal([]);
    expect(result.inserted).to.equal(ROWS);
    const customers = store.entity('customer');
    expect(await customers.count()).to.equal(ROWS);
    expect(progress.map((p) => p.rowsDone)).to.deep.equal(
      Array.from({ length: ROWS / BATCH }, (_, i) => (i + 1) * BATCH),
      'one progress event per batch, in order',
    );
    expect(progress.map((p) => p.inserted)).to.deep.equal(progress.map((p) => p.rowsDone));

    const classes = new Map((await store.entity('customer-class').find()).map((c) => [c.code, c.id]));
    for (const i of [0, 1, 499, 500, 1777, ROWS - 1]) {
      const [record] = await customers.find({ selector: { name: `客户${i}` } });
      expect(record.mobile).to.equal(`138${String(i).padStart(4, '0')}8000`);
      expect(record.classification).to.equal(classes.get(i % 3 ? 'A' : 'B'));
      const history = await store.history('customer', record.id);
      expect(history.map((h) => [h.action, h.version])).to.deep.equal([['create', record.updatedAt]]);
    }
  });

  it('cancelled mid-way keeps whole batches only, and the resumed job adds the rest once', async function () {
    this.timeout(180000);
    const store = await idbStore();
    const file = customersCsv(ROWS);
    const abort = new AbortController();
    const first = await withLongTasks('cancelled import', () =>
      importThroughWorker(store, file, {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.rowsDone >= 2 * BATCH) abort.abort();
        },
      }),
    );
    expect(first.cancelled).to.equal(true);
    const customers = store.entity('customer');
    const written = await customers.count();
    expect(written).to.equal(first.inserted);
    expect(written % BATCH).to.equal(0, 'whole batches only');
    expect(written).to.be.above(0).and.below(ROWS);
    const job = await store.entity('kehu-import-job').get(first.jobId!);
    expect(job).to.include({ status: 'cancelled', nextLine: written + 2, inserted: written });

    const second = await importThroughWorker(store, file, { resumeJob: first.jobId });
    expect(second.cancelled).to.equal(false);
    expect(second.inserted).to.equal(ROWS);
    expect(await customers.count()).to.equal(ROWS);
    const names = new Set((await customers.find()).map((c) => c.name));
    expect(names.size).to.equal(ROWS, 'no row imported twice');
    const [last] = await customers.find({ selector: { name: `客户${ROWS - 1}` } });
    expect((await store.history('customer', last.id)).map((h) => h.action)).to.deep.equal(['create']);
  });
});
