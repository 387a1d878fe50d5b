import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { KehuError } from '../errors/errors.js';
import type { JsonSchema } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import type { Store } from '../store/types.js';
import { changeCustomerLevel, levelHistory } from './levels.js';

const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

let n = 0;
async function dealer(locale: Locale = 'zh-CN') {
  const store = await createStore({
    entities: ['customer-class', 'customer-level', 'customer', 'level-change'].map(schema),
    storage: getRxStorageMemory(),
    name: `levels-${n++}`,
    locale,
    user: { id: 'u-wang', name: '王经理' },
  });
  const levels = store.entity('customer-level');
  await levels.bulkInsert([
    { id: 'clv-001', code: 'L1', name: '钻石客户', rank: 1 },
    { id: 'clv-002', code: 'L2', name: '金卡客户', rank: 2 },
    { id: 'clv-003', code: 'L3', name: '银卡客户', rank: 3 },
  ]);
  const customer = await store
    .entity('customer')
    .insert({ name: '广州粤顺物流有限公司', type: 'b2b', level: 'clv-003', salesRep: '陈晓燕' });
  return { store, customer };
}

const code = (c: string) => (error: unknown) => error instanceof KehuError && error.code === c;

describe('the customer archive (客户档案)', () => {
  const customer = schema('customer');
  const labels = (field: string) =>
    (customer.properties![field]['x-kehu'] as { enumLabels: Record<string, Record<Locale, string>> }).enumLabels;

  it('should classify by relationship type, importance, loyalty and value type, labelled in both locales', () => {
    const expected: Record<string, string[]> = {
      type: ['consumer', 'b2b', 'channel', 'internal'],
      importance: ['vip', 'important', 'normal'],
      loyalty: ['loyal', 'old', 'new', 'potential'],
      valueType: ['lighthouse', 'follower', 'rational', 'bargain'],
    };
    for (const [field, values] of Object.entries(expected)) {
      assert.deepEqual(customer.properties![field].enum, values, field);
      for (const value of values) {
        assert.ok(labels(field)[value]['zh-CN'] && labels(field)[value].en, `${field}.${value}`);
      }
    }
    assert.equal(labels('valueType').lighthouse['zh-CN'], '灯塔型');
  });

  it('should carry every master-file field, with unique codes from the naming series', () => {
    const fields = Object.keys(customer.properties!);
    for (const field of ['code', 'name', 'classification', 'level', 'contacts', 'addresses', 'bankAccount'])
      assert.ok(fields.includes(field), field);
    for (const field of ['currency', 'paymentTerms', 'taxNumber', 'creditLimit', 'creditRecord', 'salesRep'])
      assert.ok(fields.includes(field), field);
    const kinds = (customer.properties!.addresses.items!.properties!.kind.enum ?? []) as string[];
    assert.ok(kinds.includes('invoice') && kinds.includes('delivery'));
    const hints = customer['x-kehu'] as { unique: string[]; namingSeries: { field: string; pattern: string } };
    assert.deepEqual(hints.unique, ['code']);
    assert.deepEqual(hints.namingSeries, { field: 'code', pattern: 'KH{YYYY}{#####}' });
  });

  it('should give each new customer the next code of the series', async () => {
    const { store, customer: first } = await dealer();
    const second = await store.entity('customer').insert({ name: '李娜', type: 'consumer' });
    assert.match(String(first.code), /^KH\d{4}\d{5}$/);
    assert.equal(Number(String(second.code).slice(-5)), Number(String(first.code).slice(-5)) + 1);
    await store.close();
  });
});

describe('changeCustomerLevel', () => {
  it('should record old level, new level, reason, who and when, and move the customer', async () => {
    const { store, customer } = await dealer();
    const before = new Date().toISOString();
    const { change, customer: updated } = await changeCustomerLevel(
      store,
      customer.id,
      'clv-002',
      '年度采购额超过 3 万元',
    );
    assert.equal(updated.level, 'clv-002');
    assert.equal((await store.entity('customer').get(customer.id))?.level, 'clv-002');
    assert.equal(change.customer, customer.id);
    assert.equal(change.fromLevel, 'clv-003');
    assert.equal(change.toLevel, 'clv-002');
    assert.equal(change.reason, '年度采购额超过 3 万元');
    assert.equal(change.changedBy, '王经理');
    assert.ok(String(change.changedAt) >= before);
    // The customer's own audit trail shows the same move.
    const [entry] = await store.history('customer', customer.id);
    assert.deepEqual(entry.changes, [{ path: ['level'], from: 'clv-003', to: 'clv-002' }]);
    await store.close();
  });

  it('should keep every change of a customer, newest first', async () => {
    const { store, customer } = await dealer();
    await changeCustomerLevel(store, customer.id, 'clv-002', '升级');
    await new Promise((resolve) => setTimeout(resolve, 3));
    await changeCustomerLevel(store, customer.id, 'clv-001', '签订年度框架协议');
    const history = await levelHistory(store, customer.id);
    assert.deepEqual(
      history.map((c) => [c.fromLevel, c.toLevel]),
      [
        ['clv-002', 'clv-001'],
        ['clv-003', 'clv-002'],
      ],
    );
    await store.close();
  });

  it('should record a first level with no old level', async () => {
    const { store } = await dealer();
    const newcomer = await store.entity('customer').insert({ name: '李娜', type: 'consumer' });
    const { change } = await changeCustomerLevel(store, newcomer.id, 'clv-003', '首次评级');
    assert.equal(change.fromLevel, undefined);
    await store.close();
  });

  it('should refuse a change to the level the customer already has, in the store locale', async () => {
    const { store, customer } = await dealer();
    await assert.rejects(changeCustomerLevel(store, customer.id, 'clv-003', '重复'), (error) => {
      assert.ok(code('no-change')(error));
      assert.match((error as Error).message, /已经是银卡客户/);
      assert.match((error as KehuError).messageIn('en'), /already at level 银卡客户/);
      return true;
    });
    assert.equal((await levelHistory(store, customer.id)).length, 0);
    await store.close();
  });

  it('should refuse a missing or blank reason', async () => {
    const { store, customer } = await dealer('en');
    for (const reason of ['', '   ', undefined as unknown as string]) {
      await assert.rejects(changeCustomerLevel(store, customer.id, 'clv-001', reason), (error) => {
        assert.ok(code('reason-required')(error));
        assert.equal((error as Error).message, 'Give a reason for changing the customer level.');
        return true;
      });
    }
    assert.equal((await store.entity('customer').get(customer.id))?.level, 'clv-003');
    await store.close();
  });

  it('should refuse an unknown level and a deleted customer', async () => {
    const { store, customer } = await dealer();
    await assert.rejects(changeCustomerLevel(store, customer.id, 'clv-999', '升级'), code('not-found'));
    await store.entity('customer').remove(customer.id);
    await assert.rejects(changeCustomerLevel(store, customer.id, 'clv-001', '升级'), code('not-found'));
    assert.equal(await store.entity('level-change').count(), 0);
    await store.close();
  });

  it('should undo the change record when the customer cannot be updated', async () => {
    const { store, customer } = await dealer();
    // A store whose customer writes fail, as a full disk or a lost permission would make them.
    const failing: Store = Object.create(store, {
      entity: {
        value: (name: string) => {
          const repository = store.entity(name);
          if (name !== 'customer') return repository;
          return Object.create(repository, {
            patch: {
              value: () => Promise.reject(new KehuError('storage-failed', { en: 'disk full', 'zh-CN': '磁盘已满' })),
            },
          });
        },
      },
    });
    await assert.rejects(changeCustomerLevel(failing, customer.id, 'clv-001', '升级'), code('storage-failed'));
    assert.equal((await store.entity('customer').get(customer.id))?.level, 'clv-003');
    assert.deepEqual(await levelHistory(store, customer.id), [], 'no change is left on record');
    await store.close();
  });
});
