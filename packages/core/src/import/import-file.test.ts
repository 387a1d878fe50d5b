import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorReportCsv } from './error-report.js';
import { importFile } from './import-file.js';
import { crmStore, encodeGbk, vin } from './test-support/fixtures.js';

const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

const uglyCustomers = [
  '客户名单（2024）,,,,,',
  '',
  '客户编码,客户名称,客户类型,手机,信用额度,备注',
  'C001,张三,个人,+86 138-0013-8000,"50,000",<script>alert(1)</script>',
  'C002,李四,企业,１３９１２３４５６７８,,"=HYPERLINK(""http://x"",""y"")"',
  ',,,,,',
  'C003,,个人,13800138001,,',
  'C001,王五,个人,13800138002,,',
  'C004,赵六,外星人,13800138003,,"=HYPERLINK(""http://evil"",""点我"")"',
  'C005,钱七,个人,12345,,',
  'C900,孙八,个人,,,',
].join('\r\n');

describe('importing an ugly customer file', () => {
  it('imports what is valid from GBK behind a UTF-8 BOM, and reports the rest by row and column', async () => {
    const store = await crmStore();
    try {
      const customers = store.entity('customer');
      await customers.insert({ code: 'C900', name: '已有客户', type: 'consumer' });
      const file = new Blob([concat(new Uint8Array([0xef, 0xbb, 0xbf]), encodeGbk(uglyCustomers))]);

      const dry = await importFile(store, 'customer', file, { dryRun: true });
      assert.equal(dry.file.encoding?.encoding, 'gb18030');
      assert.equal(dry.file.headerLine, 3);
      assert.equal(dry.inserted, 2);
      assert.equal(await customers.count(), 1, 'a dry run writes nothing');

      const result = await importFile(store, 'customer', file);
      assert.equal(result.rows, 7);
      assert.equal(result.inserted + result.rejected.length, result.rows, 'every row is imported or reported');
      const where = result.rejected.map((r) => [r.line, r.problems.map((p) => p.column).join()]);
      assert.deepEqual(where, [
        [7, '客户名称'],
        [8, '客户编码'],
        [9, '客户类型'],
        [10, '手机'],
        [11, '客户编码'],
      ]);
      assert.match(result.rejected[1].problems[0].message['zh-CN'], /第 4 行重复/);
      assert.match(result.rejected[4].problems[0].message.en, /already used/);

      const [zhang] = await customers.find({ selector: { code: 'C001' } });
      assert.equal(zhang.name, '张三');
      assert.equal(zhang.mobile, '13800138000');
      assert.equal(zhang.creditLimit, 50000);
      assert.equal(zhang.remark, '<script>alert(1)</script>', 'markup is stored as inert text');
      const [li] = await customers.find({ selector: { code: 'C002' } });
      assert.equal(li.mobile, '13912345678');
      assert.equal(li.type, 'b2b');
      assert.equal(li.remark, '=HYPERLINK("http://x","y")');

      const report = errorReportCsv(result.headers, result.rejected, 'zh-CN');
      assert.ok(report.startsWith('\uFEFF客户编码,客户名称,客户类型,手机,信用额度,备注,错误原因\r\n'));
      assert.equal(report.trim().split('\r\n').length, 6);
      assert.match(report, /C004,赵六,外星人,13800138003,,"'=HYPERLINK\(""http:\/\/evil"",""点我""\)",【客户类型】/);
      assert.match(
        errorReportCsv(result.headers, result.rejected, 'en'),
        /,Reason\r\n.*\[客户名称\] Name: this field is required/,
      );
    } finally {
      await store.close();
    }
  });

  it('reads an empty file and a header-only file as nothing to import', async () => {
    const store = await crmStore('en');
    try {
      for (const text of ['', '\r\n\r\n', '客户名称,手机\r\n']) {
        const result = await importFile(store, 'customer', new Blob([text]));
        assert.deepEqual([result.rows, result.inserted, result.rejected.length], [0, 0, 0]);
      }
    } finally {
      await store.close();
    }
  });
});

describe('importing vehicles with references and mixed dates', () => {
  it('resolves owners by customer code, reads every certain date spelling, and rejects the rest', async () => {
    const store = await crmStore('en');
    try {
      const owner = await store.entity('customer').insert({ code: 'C001', name: '张三', type: 'consumer' });
      const csv = [
        'VIN,车主,购车日期,Mileage (km)',
        `${vin(1)},C001,2024/3/5,"12,000"`,
        `${vin(2)},${owner.id},2024年3月6日,`,
        `${vin(3)},C001,45356,８００`,
        `${vin(4)},C999,2024-3-5,`,
        `${vin(5)},C001,3/5/2024,`,
      ].join('\n');
      const result = await importFile(store, 'vehicle', csv);
      assert.equal(result.inserted, 3);
      const vehicles = await store.entity('vehicle').find();
      const byVin = new Map(vehicles.map((v) => [v.vin, v]));
      assert.deepEqual(
        [1, 2, 3].map((n) => byVin.get(vin(n))!).map((v) => [v.owner, v.purchaseDate, v.mileage]),
        [
          [owner.id, '2024-03-05', 12000],
          [owner.id, '2024-03-06', undefined],
          [owner.id, '2024-03-05', 800],
        ],
      );
      assert.deepEqual(
        result.rejected.map((r) => [r.line, r.problems[0].column]),
        [
          [5, '车主'],
          [6, '购车日期'],
        ],
      );
      assert.match(result.rejected[0].problems[0].message.en, /no customer with code "C999"/);
    } finally {
      await store.close();
    }
  });

  it('updates by key only the columns in the file, and upserts new keys', async () => {
    const store = await crmStore('en');
    try {
      const customers = store.entity('customer');
      await customers.insert({ code: 'C001', name: '张三', type: 'consumer', remark: 'keep me' });
      const update = await importFile(store, 'customer', 'code,mobile\nC001,13800138000\nC404,13800138001\n', {
        mode: 'update',
        key: 'code',
      });
      assert.deepEqual([update.updated, update.rejected.map((r) => r.line)], [1, [3]]);
      assert.match(update.rejected[0].problems[0].message.en, /no customer has "C404"/);
      const [c1] = await customers.find({ selector: { code: 'C001' } });
      assert.deepEqual([c1.name, c1.mobile, c1.remark], ['张三', '13800138000', 'keep me']);

      const upsert = await importFile(
        store,
        'customer',
        'code,name,type\nC001,张三丰,个人\nC002,李四,企业\nC001,重复,个人\n',
        {
          mode: 'upsert',
          key: 'code',
        },
      );
      assert.deepEqual([upsert.inserted, upsert.updated, upsert.rejected.map((r) => r.line)], [1, 1, [4]]);
      assert.equal((await customers.find({ selector: { code: 'C001' } }))[0].name, '张三丰');
      assert.equal(await customers.count(), 2);
    } finally {
      await store.close();
    }
  });
});

describe('import batches, cancel and resume', () => {
  const bigCsv = (rows: number) =>
    ['客户名称,客户类型'].concat(Array.from({ length: rows }, (_, i) => `客户${i},个人`)).join('\n');

  it('stops after the batch in flight when cancelled and resumes from the checkpoint without duplicates', async () => {
    const store = await crmStore();
    try {
      const customers = store.entity('customer');
      const controller = new AbortController();
      const progress: number[] = [];
      const first = await importFile(store, 'customer', bigCsv(1000), {
        batchSize: 100,
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.rowsDone);
          if (p.rowsDone >= 300) controller.abort();
        },
      });
      assert.equal(first.cancelled, true);
      assert.deepEqual(progress, [100, 200, 300]);
      assert.equal(await customers.count(), 300);
      const jobs = store.entity('kehu-import-job');
      const job = (await jobs.get(first.jobId!))!;
      assert.deepEqual([job.status, job.nextLine, job.inserted], ['cancelled', 302, 300]);

      // An interruption between a batch's write and its checkpoint: the batch runs again, harmlessly.
      await jobs.patch(job.id, { nextLine: 202 });
      const resumed = await importFile(store, 'customer', bigCsv(1000), { batchSize: 100, resumeJob: job.id });
      assert.equal(resumed.cancelled, false);
      assert.equal(await customers.count(), 1000);
      assert.equal((await jobs.get(job.id))!.status, 'done');
      assert.equal(resumed.unchanged, 100, 'the re-applied batch changed nothing');
    } finally {
      await store.close();
    }
  });
});
