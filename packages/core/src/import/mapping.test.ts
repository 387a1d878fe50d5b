import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineEntity } from '../entity/define-entity.js';
import { autoMap, findHeaderRow, headerNames, importTargets } from './mapping.js';
import { saveMapping, savedMapping } from './saved-mapping.js';
import { crmStore, schema } from './test-support/fixtures.js';

const customer = defineEntity(schema('customer'));
const targets = importTargets(customer);

describe('mapping columns to fields', () => {
  it('offers scalar fields, nested object fields by path, and no computed or list fields', () => {
    const paths = targets.map((t) => t.path);
    assert.ok(paths.includes('name') && paths.includes('bankAccount.bank'));
    assert.ok(!paths.includes('contacts') && !paths.includes('addresses'));
  });

  it('matches headers by key and by zh-CN/en label, ignoring case, spaces and full width', () => {
    const mapping = autoMap(
      ['客户名称', ' MOBILE ', 'Ｃｏｄｅ', '客户 类型', '开户银行', 'Bank account › Account number', '备注说明', null],
      targets,
    );
    assert.deepEqual(mapping, [
      'name',
      'mobile',
      'code',
      'type',
      'bankAccount.bank',
      'bankAccount.accountNumber',
      null,
      null,
    ]);
  });

  it('gives a field to the first column that names it only', () => {
    assert.deepEqual(autoMap(['name', '客户名称'], targets), ['name', null]);
  });

  it('finds the header below a title block and names empty header cells', () => {
    const rows = [
      { line: 1, cells: ['2024 年客户名单'] },
      { line: 2, cells: ['导出人：张三', '', ''] },
      { line: 4, cells: ['编号', '客户名称', '手机', ''] },
      { line: 5, cells: ['1', '李四', '13800138000', ''] },
    ];
    assert.equal(findHeaderRow(rows, targets)?.line, 4);
    assert.deepEqual(headerNames(rows[2].cells, 'en'), ['编号', '客户名称', '手机', 'Column 4']);
  });

  it('saves the mapping per entity and offers it for the next file with the same headers', async () => {
    const store = await crmStore();
    try {
      const headers = ['客户名称', '联系电话', '备注'];
      assert.deepEqual(await savedMapping(store, 'customer', headers), ['name', null, 'remark']);
      await saveMapping(store, 'customer', headers, ['name', 'mobile', null]);
      await saveMapping(store, 'customer', headers, ['name', 'mobile', null]);
      assert.deepEqual(await savedMapping(store, 'customer', ['联系电话', '客户名称', '备注', '客户类型']), [
        'mobile',
        'name',
        null,
        'type',
      ]);
      assert.equal(await store.entity('kehu-import-mapping').count(), 1);
    } finally {
      await store.close();
    }
  });
});
