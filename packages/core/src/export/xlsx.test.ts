import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSheet } from 'read-excel-file/universal';
import { xlsxBlob, xlsxBytes } from './xlsx.js';
import { importFile } from '../import/import-file.js';
import { crmStore, vin } from '../import/test-support/fixtures.js';

describe('XLSX export', () => {
  it('writes rows as a sheet that reads back cell for cell, formulas kept as inert text', async () => {
    const rows = [
      ['客户编码', '客户名称', '信用额度', '备注'],
      ['C001', '张三', 50000, '=HYPERLINK("http://x","y")'],
      ['C002', '<script>alert(1)</script>', null, '@SUM(A1:A2)'],
      ['C003', '+86 138', undefined, '-1+1'],
    ];
    const sheet = await readSheet(await xlsxBlob(rows));
    assert.deepEqual(sheet, [
      ['客户编码', '客户名称', '信用额度', '备注'],
      ['C001', '张三', 50000, '=HYPERLINK("http://x","y")'],
      ['C002', '<script>alert(1)</script>', null, '@SUM(A1:A2)'],
      ['C003', '+86 138', null, '-1+1'],
    ]);
    const xml = new TextDecoder().decode(await xlsxBytes(rows));
    assert.ok(!/<f>/.test(xml), 'no formula element in the file');
  });
});

describe('XLSX import', () => {
  it('imports a sheet with Excel dates, numbers and a header below a title', async () => {
    const store = await crmStore('en');
    try {
      const owner = await store.entity('customer').insert({ code: 'C001', name: '张三', type: 'consumer' });
      const file = await xlsxBlob([
        ['车辆清单'],
        [],
        ['VIN', '车主', '购车日期', '行驶里程（公里）'],
        [vin(1), 'C001', 45356, 12000],
        [vin(2), 'C404', new Date(Date.UTC(2024, 2, 6)), 'a lot'],
      ]);
      const result = await importFile(store, 'vehicle', file);
      assert.equal(result.file.format, 'xlsx');
      assert.equal(result.file.headerLine, 3);
      assert.equal(result.inserted, 1);
      const [vehicle] = await store.entity('vehicle').find();
      assert.deepEqual([vehicle.owner, vehicle.purchaseDate, vehicle.mileage], [owner.id, '2024-03-05', 12000]);
      assert.deepEqual(
        result.rejected.map((r) => [r.line, r.problems.map((p) => p.column)]),
        [[5, ['车主', '行驶里程（公里）']]],
      );
    } finally {
      await store.close();
    }
  });
});
