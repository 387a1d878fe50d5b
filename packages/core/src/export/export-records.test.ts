import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { roleUsers, storeFactory } from '../test-support/permission-stores.js';
import type { Store } from '../store/types.js';
import { exportFile, exportRecords } from './export-records.js';
import { readPages, type ReadProgress } from './paged-read.js';

const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** An administrator's store holding `n` customers (ids `c-00000`…), then the same data seen by `user`. */
async function customers(t: { after(fn: () => Promise<void>): void }, n: number, user = roleUsers.admin) {
  const open = storeFactory(t);
  const admin = await open(roleUsers.admin);
  await admin.entity('customer').bulkInsert(
    Array.from({ length: n }, (_, i) => ({
      id: `c-${String(i).padStart(5, '0')}`,
      name: i === 3 ? '=HYPERLINK("http://evil","x")' : `客户 ${i}`,
      type: i % 2 ? ('b2b' as const) : ('consumer' as const),
      mobile: `138${String(i).padStart(8, '0')}`,
    })),
  );
  return user === roleUsers.admin ? admin : open(user);
}

describe('paged export', () => {
  it('reads every record once, in id order, page by page, reporting progress after each page', async (t) => {
    const store = await customers(t, 2345);
    const seen: ReadProgress[] = [];
    const ids: string[] = [];
    let pages = 0;
    for await (const page of readPages(
      store.entity('customer'),
      {},
      { pageSize: 500, onProgress: (p) => seen.push(p) },
    )) {
      pages++;
      ids.push(...page.map((r) => r.id));
    }
    assert.equal(pages, 5);
    assert.equal(ids.length, 2345);
    assert.deepEqual(ids, [...ids].sort(), 'id order');
    assert.equal(new Set(ids).size, 2345, 'no record twice');
    assert.deepEqual(
      seen.map((p) => p.done),
      [0, 500, 1000, 1500, 2000, 2345],
    );
    assert.ok(seen.every((p) => p.total === 2345));
  });

  it('pages a sorted, filtered, limited query in the order one find gives', async (t) => {
    const store = await customers(t, 700);
    const repo = store.entity('customer');
    const options = {
      selector: { type: 'b2b' },
      sort: { field: 'name', direction: 'desc' as const },
      skip: 3,
      limit: 250,
    };
    const paged: string[] = [];
    for await (const page of readPages(repo, options, { pageSize: 60 })) paged.push(...page.map((r) => r.id));
    assert.deepEqual(
      paged,
      (await repo.find(options)).map((r) => r.id),
    );
    // No index for the sort (a nested or unindexed field): read once, still handed out in pages.
    const unindexed = { sort: { field: 'remark', direction: 'asc' as const } };
    let pages = 0;
    for await (const page of readPages(repo, unindexed, { pageSize: 300 })) pages += page.length ? 1 : 0;
    assert.equal(pages, 3);
  });

  it('writes the same CSV as before: BOM, labels, formulas neutralised, every record', async (t) => {
    const store = await customers(t, 1203);
    const progress: ReadProgress[] = [];
    const text = await exportRecords(store, 'customer', {
      columns: ['code', 'name', 'type'],
      pageSize: 100,
      onProgress: (p) => progress.push(p),
    });
    assert.ok(text.startsWith('\uFEFF'));
    assert.equal(text.indexOf('\uFEFF', 1), -1, 'one BOM, not one per page');
    const table = rows(text);
    assert.deepEqual(table[0], ['Code', 'Name', 'Type']);
    assert.equal(table.length, 1204);
    assert.equal(table[4][1], `'=HYPERLINK("http://evil","x")`);
    assert.equal(progress.length, 14);
    assert.deepEqual(progress.at(-1), { done: 1203, total: 1203 });
    const file = await exportFile(store, 'customer', { columns: ['code', 'name', 'type'], pageSize: 100 });
    assert.equal(file.type, 'text/csv;charset=utf-8');
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer()), text);
  });

  it('never lets a hidden field leave, on any page, in CSV or XLSX', async (t) => {
    const store: Store = await customers(t, 450, roleUsers.auditor);
    assert.equal(store.permissions.field('customer', 'mobile'), 'none', 'the auditor may not see mobiles');
    const text = await exportRecords(store, 'customer', { columns: ['name', 'mobile', 'type'], pageSize: 40 });
    const table = rows(text);
    assert.deepEqual(table[0], ['Name', 'Type']);
    assert.equal(table.length, 451);
    assert.ok(!/138\d{8}/.test(text), 'no mobile number anywhere in the file');
    const sheet = await readSheet(
      await exportFile(store, 'customer', { format: 'xlsx', columns: ['name', 'mobile'], pageSize: 40 }),
    );
    assert.deepEqual(sheet[0], ['Name']);
    assert.equal(sheet.length, 451);
    assert.ok(!/138\d{8}/.test(JSON.stringify(sheet)), 'nor in the sheet');
  });

  it('is refused without the export action, before anything is read', async (t) => {
    const store = await customers(t, 5, roleUsers.sales);
    await assert.rejects(
      exportFile(store, 'customer'),
      (error: Error & { code?: string }) => error.code === 'forbidden',
    );
  });

  it('stops when cancelled: an AbortError, no file, nothing read after the cancel', async (t) => {
    const store = await customers(t, 1000);
    const controller = new AbortController();
    const seen: number[] = [];
    const file = exportFile(store, 'customer', {
      pageSize: 100,
      signal: controller.signal,
      onProgress: ({ done }) => {
        seen.push(done);
        if (done === 300) controller.abort();
      },
    });
    await assert.rejects(file, (error: Error) => error.name === 'AbortError');
    assert.deepEqual(seen, [0, 100, 200, 300]);
    // Already cancelled: nothing is read at all.
    const read = readPages(store.entity('customer'), {}, { signal: AbortSignal.abort() });
    await assert.rejects(read.next(), (error: Error) => error.name === 'AbortError');
  });

  it('writes XLSX from pages: every row, text cells inert', async (t) => {
    const store = await customers(t, 321);
    const seen: number[] = [];
    const file = await exportFile(store, 'customer', {
      format: 'xlsx',
      columns: ['code', 'name'],
      pageSize: 100,
      onProgress: (p) => seen.push(p.done),
    });
    const sheet = await readSheet(file);
    assert.equal(sheet.length, 322);
    assert.match(String(sheet[4][0]), /^KH\d+4$/, 'the naming-series code');
    assert.equal(sheet[4][1], '=HYPERLINK("http://evil","x")');
    assert.deepEqual(seen, [0, 100, 200, 300, 321]);
  });
});
