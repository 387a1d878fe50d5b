import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KehuError } from '../errors/errors.js';
import { roleUsers, shippedRoles, storeFactory } from '../test-support/permission-stores.js';
import { KehuPermissionError } from './forbidden.js';
import { mask } from './redact.js';
import type { PermissionConfig } from './types.js';

const forbidden = (field?: string) => (error: unknown) => {
  assert.ok(error instanceof KehuPermissionError, String(error));
  assert.equal(error.code, 'forbidden');
  if (field) assert.equal(error.field, field);
  return true;
};

const customer = {
  name: '上海申通汽车服务有限公司',
  type: 'b2b' as const,
  mobile: '13812345678',
  creditLimit: 50000,
  contacts: [{ name: '王芳', mobile: '13900001111' }],
};

describe('permissions enforced by the store', () => {
  it('masks sensitive fields, drops hidden ones, and accepts a form saving the masked value back', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const saved = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    const product = await admin
      .entity('product')
      .insert({ code: 'P-1', name: '机油', unit: 'bottle', costPrice: 38.5 });

    const sales = await open(roleUsers.sales);
    const seen = await sales.entity('customer').get(saved.id);
    assert.equal(seen?.mobile, '138****5678');
    assert.equal(seen?.contacts?.[0].mobile, '139****1111');
    assert.equal(seen?.creditLimit, 50000);
    const item = await sales.entity('product').get(product.id);
    assert.equal(item?.name, '机油');
    assert.ok(!('costPrice' in item!), 'cost price never leaves the store');

    // A form sends back everything it was shown, masks included, with one real change.
    const updated = await sales.entity('customer').upsert({ ...seen!, remark: '周末可联系' });
    assert.equal(updated.remark, '周末可联系');
    const again = await open(roleUsers.admin);
    const stored = await again.entity('customer').get(saved.id);
    assert.equal(stored?.mobile, '13812345678', 'the masked echo did not overwrite the number');
    assert.equal(stored?.contacts?.[0].mobile, '13900001111');
    assert.equal(stored?.remark, '周末可联系');
  });

  it('refuses changing a read-only, masked or hidden field, naming it, and stores nothing', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const saved = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    const product = await admin.entity('product').insert({ code: 'P-2', name: '滤芯', unit: 'piece', costPrice: 20 });
    const sales = await open(roleUsers.sales, 'zh-CN');
    const customers = sales.entity('customer');
    await assert.rejects(customers.patch(saved.id, { creditLimit: 90000 }), (error: unknown) => {
      forbidden('creditLimit')(error);
      assert.match((error as Error).message, /信用额度/);
      assert.match((error as Error).message, /只读/);
      return true;
    });
    await assert.rejects(customers.patch(saved.id, { mobile: '13700000000' }), forbidden('mobile'));
    await assert.rejects(
      customers.patch(saved.id, { contacts: [{ name: '王芳', mobile: '13700000000' }] }),
      forbidden('contacts.mobile'),
    );
    // A new contact row may not carry a number the adviser cannot see either.
    await assert.rejects(
      customers.patch(saved.id, { contacts: [{ name: '王芳' }, { name: '李雷', mobile: '13700000000' }] }),
      forbidden('contacts.mobile'),
    );
    await assert.rejects(sales.entity('product').patch(product.id, { costPrice: 1 }), (error: unknown) =>
      // Products are query-only for advisers: the action is refused before any field.
      forbidden()(error),
    );
    const admin2 = await open(roleUsers.admin);
    const stored = await admin2.entity('customer').get(saved.id);
    assert.equal(stored?.creditLimit, 50000);
    assert.equal(stored?.mobile, '13812345678');
    assert.equal(stored?.contacts?.length, 1);
    assert.equal((await admin2.history('customer', saved.id)).length, 1, 'only the creation is in the audit trail');
  });

  it('keeps an adviser to their own customers: reads, counts, writes and new records', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const mine = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    const theirs = await admin.entity('customer').insert({ ...customer, name: '别人的客户', salesRep: 'u-other' });
    const sales = await open(roleUsers.sales);
    const customers = sales.entity('customer');
    assert.deepEqual(
      (await customers.find()).map((c) => c.id),
      [mine.id],
    );
    assert.equal(await customers.count(), 1);
    assert.equal(await customers.count({ search: '别人' }), 0);
    assert.equal(await customers.get(theirs.id), null);
    await assert.rejects(
      customers.patch(theirs.id, { remark: 'x' }),
      (e: unknown) => (e as KehuError).code === 'not-found',
    );
    assert.deepEqual(await sales.history('customer', theirs.id), []);
    const created = await customers.insert({ name: '新客户', type: 'consumer' });
    assert.equal(created.salesRep, 'u-sales', 'a new customer is the adviser’s own');
    await assert.rejects(
      customers.insert({ name: '塞给别人', type: 'consumer', salesRep: 'u-other' }),
      forbidden('salesRep'),
    );
    await assert.rejects(customers.remove(mine.id), forbidden());
  });

  it('keeps a manager to the organisation and lets them see sensitive values in full', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    await admin.entity('customer').insert({ ...customer, organisation: 'sh' });
    await admin.entity('customer').insert({ ...customer, name: '北京客户', organisation: 'bj' });
    const manager = await open(roleUsers['sales-manager']);
    const found = await manager.entity('customer').find();
    assert.deepEqual(
      found.map((c) => c.organisation),
      ['sh'],
    );
    assert.equal(found[0].mobile, '13812345678');
    const created = await manager.entity('customer').insert({ name: '分公司客户', type: 'consumer' });
    assert.equal(created.organisation, 'sh');
  });

  it('refuses filtering, sorting or searching by a field the user may not read', async (t) => {
    const open = storeFactory(t);
    const sales = await open(roleUsers.sales);
    await assert.rejects(sales.entity('customer').find({ selector: { mobile: '13812345678' } }), forbidden('mobile'));
    await assert.rejects(
      sales.entity('product').find({ sort: { field: 'costPrice', direction: 'desc' } }),
      forbidden('costPrice'),
    );
    await assert.rejects(
      sales.entity('product').count({ selector: { $or: [{ costPrice: { $gt: 10 } }] } }),
      forbidden('costPrice'),
    );
    assert.equal(await sales.entity('customer').count({ search: '申通' }), 0);
  });

  it('lets a role that sees mobiles masked find a customer by the whole number only, not digit by digit', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const saved = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    assert.equal(
      await admin.entity('customer').count({ search: '5678' }),
      1,
      'an administrator finds by the last digits',
    );
    const sales = await open(roleUsers.sales);
    const customers = sales.entity('customer');
    assert.equal(await customers.count({ search: '5678' }), 0, 'the last digits reveal nothing');
    assert.equal(await customers.count({ search: '1381234567' }), 0);
    assert.deepEqual(
      (await customers.find({ search: '13812345678' })).map((c) => c.id),
      [saved.id],
      'the whole number finds the customer',
    );
    assert.equal(await customers.count({ search: '申通 13812345678' }), 1, 'together with other words');
    assert.equal(await customers.count({ search: '申通' }), 1, 'ordinary fields are searched as before');
  });

  it('shows a history without hidden values and with masked ones masked', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const p = await admin.entity('product').insert({ code: 'P-3', name: '轮胎', unit: 'piece', costPrice: 300 });
    await admin.entity('product').patch(p.id, { costPrice: 320, name: '轮胎 A' });
    const c = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    await admin.entity('customer').patch(c.id, { mobile: '13800001234' });
    const sales = await open(roleUsers.sales);
    const [productUpdate] = await sales.history('product', p.id);
    assert.deepEqual(
      productUpdate.changes.map((change) => change.path.join('.')),
      ['name'],
    );
    const [customerUpdate] = await sales.history('customer', c.id);
    assert.deepEqual(customerUpdate.changes, [{ path: ['mobile'], from: '138****5678', to: '138****1234' }]);
  });

  it('refuses an action the role lacks, in the user’s language, and names the row of a bulk write', async (t) => {
    const open = storeFactory(t);
    const auditor = await open(roleUsers.auditor, 'zh-CN');
    await assert.rejects(auditor.entity('customer').insert({ name: '甲', type: 'consumer' }), (error: unknown) => {
      forbidden()(error);
      assert.match((error as Error).message, /没有新增客户档案的权限/);
      return true;
    });
    const sales = await open(roleUsers.sales);
    await assert.rejects(
      sales.entity('customer').bulkInsert([
        { name: '甲', type: 'consumer' },
        { name: '乙', type: 'consumer', creditLimit: 1 },
      ]),
      (error: unknown) => forbidden('creditLimit')(error) && /^Row 2: /.test((error as Error).message),
    );
    assert.equal(await sales.entity('customer').count(), 0, 'nothing of the refused bulk write was stored');
    assert.equal(sales.permissions.can('customer', 'export'), false);
    assert.equal(sales.permissions.field('product', 'costPrice'), 'none');
    assert.equal(sales.permissions.field('customer', 'contacts.mobile'), 'masked');
  });

  it('lets files follow their record: visible in scope, added or removed only with update', async (t) => {
    const open = storeFactory(t);
    const admin = await open(roleUsers.admin);
    const mine = await admin.entity('customer').insert({ ...customer, salesRep: 'u-sales' });
    const theirs = await admin.entity('customer').insert({ ...customer, name: '别人的客户', salesRep: 'u-other' });
    const file = { name: '营业执照.pdf', type: 'application/pdf', data: new TextEncoder().encode('%PDF-1.4 licence') };
    const onMine = await admin.attachments.add('customer', mine.id, file);
    const onTheirs = await admin.attachments.add('customer', theirs.id, file);

    const sales = await open(roleUsers.sales);
    assert.deepEqual(
      (await sales.attachments.list('customer', mine.id)).map((f) => f.id),
      [onMine.id],
    );
    assert.deepEqual(await sales.attachments.list('customer', theirs.id), []);
    assert.equal(await sales.attachments.get(onTheirs.id), null);
    await assert.rejects(sales.attachments.read(onTheirs.id), (e: unknown) => (e as KehuError).code === 'not-found');
    await sales.attachments.add('customer', mine.id, { ...file, name: '合同.pdf' });

    const auditor = await open(roleUsers.auditor);
    assert.equal((await auditor.attachments.list('customer', mine.id)).length, 2, 'an auditor sees every file');
    await assert.rejects(auditor.attachments.add('customer', mine.id, file), forbidden());
    await assert.rejects(auditor.attachments.remove(onMine.id), forbidden());
  });

  it('refuses a configuration with typos before opening, naming each one', async (t) => {
    const open = storeFactory(t);
    const config: PermissionConfig = {
      roles: {
        clerk: {
          entities: {
            custmer: { actions: ['query'] },
            product: { actions: ['query', 'explode' as 'export'], scope: 'own', fields: { costPrise: 'read' } },
          },
          groups: { cots: 'read' },
        },
      },
    };
    await assert.rejects(open({ id: 'u1', roles: ['clerk', 'clark'] }, 'en', config), (error: unknown) => {
      assert.ok(error instanceof KehuError);
      assert.equal(error.code, 'invalid-permissions');
      for (const text of [
        '"custmer"',
        '"customer"',
        '"explode"',
        'scope: "own" needs x-kehu.ownership.owner',
        '"costPrise"',
        '"costPrice"',
        '"cots"',
        '"clark"',
      ])
        assert.ok(error.message.includes(text), `${text} in ${error.message}`);
      return true;
    });
    assert.ok(shippedRoles.roles.admin, 'the shipped configuration itself opens (used above)');
  });

  it('masks long and short values without revealing them', () => {
    assert.equal(mask('13812345678'), '138****5678');
    assert.equal(mask('310101199001011234'), '310***********1234');
    assert.equal(mask('123456'), '****56');
    assert.equal(mask('12'), '****');
    assert.equal(mask(42), undefined);
  });
});
