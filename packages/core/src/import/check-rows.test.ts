import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowChecker } from './check-rows.js';
import { importFile } from './import-file.js';
import { prepareFile, type PreparedRow } from './prepare.js';
import { crmStore, vin } from './test-support/fixtures.js';

const customers = [
  '客户编码,客户名称,客户类型,手机,信用额度',
  'C001,张三,个人,13800138000,"50,000"',
  'C002,,个人,13800138001,',
  ',李四,外星人,13800138002,',
  'C001,王五,个人,12345,',
  ',赵六,企业,13800138003,',
].join('\r\n');

async function rowsOf(file: Blob, prepared: Awaited<ReturnType<typeof prepareFile>>): Promise<PreparedRow[]> {
  const rows: PreparedRow[] = [];
  for await (const batch of prepared.batches) rows.push(...batch);
  void file;
  return rows;
}

describe('checking rows where they are read', () => {
  it('gives each row the problems the store would report, and none for a series code left out', async () => {
    const store = await crmStore('en');
    try {
      const entity = store.entity('customer').entity;
      const file = new Blob([customers]);
      const rows = await rowsOf(file, await prepareFile(file, entity, { validate: 'insert' }));
      const fields = rows.map((r) => [r.line, r.issues!.map((i) => i.path.join('.')).join()]);
      // Row 6 has no code: the store assigns one from the naming series on write.
      // Row 5 repeats C001: only the page, which sees the whole file, can tell.
      assert.deepEqual(fields, [
        [2, ''],
        [3, 'name'],
        [4, 'type'],
        [5, 'mobile'],
        [6, ''],
      ]);
      const unchecked = await rowsOf(file, await prepareFile(file, entity));
      assert.ok(
        unchecked.every((r) => r.issues === undefined),
        'rows are not checked unless asked',
      );
    } finally {
      await store.close();
    }
  });

  it('rejects the same rows with the same problems as the store alone, and imports the rest', async () => {
    const store = await crmStore('zh-CN');
    const other = await crmStore('zh-CN');
    try {
      const file = new Blob([customers]);
      const checked = await importFile(store, 'customer', file, { validate: 'insert' });
      const plain = await importFile(other, 'customer', file);
      assert.deepEqual(checked.rejected, plain.rejected);
      assert.deepEqual(
        checked.rejected.map((r) => [r.line, r.problems.map((p) => p.column).join()]),
        [
          [3, '客户名称'],
          [4, '客户类型'],
          // A row already refused for a repeated code is not checked further, with or without the worker's check.
          [5, '客户编码'],
        ],
      );
      assert.equal(checked.inserted, 2);
      assert.equal(await store.entity('customer').count(), 2);
    } finally {
      await store.close();
      await other.close();
    }
  });

  it('leaves out, for updates, what the stored record may supply, but not a wrong value', async () => {
    const store = await crmStore('en');
    try {
      const check = rowChecker(store.entity('customer').entity, 'update');
      assert.deepEqual(check({ code: 'C001', mobile: '13800138000' }), [], 'name and type come from the stored record');
      assert.deepEqual(
        check({ code: 'C001', mobile: '12345' }).map((i) => i.path.join('.')),
        ['mobile'],
      );
      const insert = rowChecker(store.entity('customer').entity, 'insert');
      assert.deepEqual(
        insert({ code: 'C001', mobile: '13800138000' })
          .map((i) => i.keyword)
          .sort(),
        ['required', 'required'],
      );
    } finally {
      await store.close();
    }
  });

  it('does not judge a reference column, which holds a code until the page looks it up', async () => {
    const store = await crmStore('en');
    try {
      const check = rowChecker(store.entity('vehicle').entity, 'insert');
      assert.deepEqual(check({ vin: vin(1), owner: 'C001 <script>' }), []);
      assert.deepEqual([...new Set(check({ vin: 'not a vin', owner: 'C001' }).map((i) => i.path.join('.')))], ['vin']);
    } finally {
      await store.close();
    }
  });
});

describe('writing a batch in short tasks', () => {
  it('lets the event loop run between writes of a batch, and still imports every row once', async () => {
    const store = await crmStore('en');
    let ticks = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      ticks++;
      timer = setTimeout(tick, 0);
    };
    try {
      const lines = Array.from({ length: 450 }, (_, i) => `C${String(i).padStart(4, '0')},客户${i},个人`);
      const file = new Blob([['客户编码,客户名称,客户类型', ...lines].join('\r\n')]);
      const rows: PreparedRow[] = [];
      for await (const batch of (await prepareFile(file, store.entity('customer').entity, { validate: 'insert' }))
        .batches)
        rows.push(...batch);
      const { importRows } = await import('./run-import.js');
      async function* one() {
        yield rows;
      }
      timer = setTimeout(tick, 0);
      const result = await importRows(store, 'customer', one(), {
        headers: ['客户编码', '客户名称', '客户类型'],
        mapping: ['code', 'name', 'type'],
        headerLine: 1,
        batchSize: 500,
      });
      clearTimeout(timer);
      assert.equal(result.inserted, 450);
      assert.equal(await store.entity('customer').count(), 450);
      // One 450-row batch, written 50 rows at a time: the page gets a turn between the writes.
      assert.ok(ticks >= 5, `the event loop ran ${ticks} times during the batch`);
    } finally {
      clearTimeout(timer);
      await store.close();
    }
  });
});
