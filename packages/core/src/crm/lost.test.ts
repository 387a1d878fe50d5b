import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import { findLostCustomers, lostCustomers, lostCustomersCsv, lostCustomerTrend, type ContactData } from './lost.js';

const AS_OF = '2026-11-01';
const created = (day: string) => `${day}T02:00:00.000Z`;

/** A dealer's book: regulars, a lapsed fleet, a newcomer, a customer seen only through a follow-up. */
const data: ContactData = {
  customers: [
    { id: 'c-regular', code: 'KH202100001', name: '张伟', salesRep: '陈晓燕', createdAt: created('2021-03-02') },
    { id: 'c-lapsed', code: 'KH202100002', name: '广州粤顺物流有限公司', createdAt: created('2021-05-10') },
    { id: 'c-edge', code: 'KH202200003', name: '李娜', createdAt: created('2022-01-01') },
    { id: 'c-new', code: 'KH202600004', name: '王芳', createdAt: created('2026-10-20') },
    { id: 'c-never', code: 'KH202000005', name: '=HYPERLINK("x")', createdAt: created('2020-06-01') },
    { id: 'c-called', code: 'KH202300006', name: '刘洋', createdAt: created('2023-02-01') },
    { id: 'c-future', code: 'KH202700007', name: '未来客户', createdAt: created('2026-12-01') },
  ],
  documents: [
    { id: 'd1', customer: 'c-regular', date: '2026-09-15', status: 'approved' },
    { id: 'd2', customer: 'c-lapsed', date: '2025-04-30', status: 'approved' },
    { id: 'd3', customer: 'c-lapsed', date: '2024-01-10', status: 'approved' },
    { id: 'd4', customer: 'c-edge', date: '2025-11-01', status: 'draft' }, // exactly 365 days before
    { id: 'd5', customer: 'c-gone', date: '2026-10-01' }, // a deleted customer's document
    { id: 'd6', customer: 'c-called', date: '2027-01-01' }, // after asOf: does not count
  ],
  activities: [
    { id: 'a1', customer: 'c-lapsed', done: false, dueDate: '2026-10-30' }, // planned, not contact
    { id: 'a2', customer: 'c-called', done: true, dueDate: '2025-01-01', doneOn: '2025-01-03' },
  ],
  followUps: [{ id: 'f1', customer: 'c-called', status: 'done', dueDate: '2025-06-01', doneOn: '2025-06-02' }],
};

describe('findLostCustomers', () => {
  it('should list customers with no document or activity within the period, longest first', () => {
    const lost = findLostCustomers(data, { asOf: AS_OF, periodDays: 365 });
    assert.deepEqual(
      lost.map((l) => [l.customer.id, l.lastContact, l.lastSource, l.daysSince]),
      [
        ['c-never', '2020-06-01', 'created', 2344],
        ['c-lapsed', '2025-04-30', 'document', 550],
        ['c-called', '2025-06-02', 'follow-up', 517],
      ],
    );
  });

  it('should keep a customer whose last document is exactly one period ago', () => {
    const ids = (periodDays: number) => findLostCustomers(data, { asOf: AS_OF, periodDays }).map((l) => l.customer.id);
    assert.ok(!ids(365).includes('c-edge'));
    assert.ok(ids(364).includes('c-edge'));
  });

  it('should not count planned activities, documents after asOf, or customers created later', () => {
    const ids = findLostCustomers(data, { asOf: AS_OF, periodDays: 30 }).map((l) => l.customer.id);
    assert.ok(ids.includes('c-lapsed'), 'the open activity is not contact');
    assert.ok(!ids.includes('c-new'), 'created 12 days ago');
    assert.ok(!ids.includes('c-future'));
  });

  it('should give nothing for no customers and refuse a bad period', () => {
    assert.deepEqual(findLostCustomers({ customers: [] }, { asOf: AS_OF, periodDays: 30 }), []);
    assert.throws(() => findLostCustomers(data, { asOf: AS_OF, periodDays: 0 }), RangeError);
    assert.throws(() => findLostCustomers(data, { asOf: '11/01/2026', periodDays: 30 }), RangeError);
  });
});

describe('lostCustomers', () => {
  it('should read a store, with the period from the parameters', async () => {
    const schema = (name: string): JsonSchema =>
      JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
    const names = ['customer-class', 'customer-level', 'customer', 'vehicle', 'insurer', 'product', 'price-tier'];
    const store = await createStore({
      entities: [...names, 'document', 'activity', 'opportunity', 'crm-settings', 'follow-up-method'].map(schema),
      storage: getRxStorageMemory(),
      name: `lost-${Date.now()}`,
    });
    // createdAt as an import would carry it: the store keeps a given creation time.
    await store.entity<Record<string, unknown>>('customer' as string).bulkInsert([
      { id: 'c1', name: '张伟', type: 'consumer', createdAt: created('2024-01-01') },
      { id: 'c2', name: '李娜', type: 'consumer', createdAt: created('2024-01-01') },
    ]);
    await store.entity('document').insert({ kind: 'order', status: 'approved', customer: 'c1', date: '2026-06-01' });
    await store
      .entity('activity')
      .insert({ kind: 'call', subject: '回访', customer: 'c2', dueDate: '2026-03-01', done: true });
    assert.deepEqual(
      (await lostCustomers(store, { asOf: AS_OF })).map((l) => l.customer.id),
      [],
      'a year by default',
    );
    await store.entity('crm-settings').insert({ name: '默认', lostCustomerDays: 180 });
    assert.deepEqual(
      (await lostCustomers(store, { asOf: AS_OF })).map((l) => [l.customer.id, l.daysSince]),
      [['c2', 245]],
    );
    assert.deepEqual(
      (await lostCustomers(store, { asOf: AS_OF, periodDays: 100 })).map((l) => l.customer.id),
      ['c2', 'c1'],
    );
    await store.close();
  });

  it('should take records in hand too', async () => {
    assert.equal((await lostCustomers(data, { asOf: AS_OF })).length, 3);
  });
});

describe('lostCustomerTrend', () => {
  it('should count lost customers at each month end, up to asOf', () => {
    const trend = lostCustomerTrend(data, { asOf: AS_OF, periodDays: 365, months: 3 });
    assert.deepEqual(
      trend.map((p) => [p.month, p.lost, p.customers]),
      [
        ['2026-09', 3, 5], // c-never, c-lapsed, c-called; c-new not yet created
        ['2026-10', 3, 6],
        ['2026-11', 3, 6],
      ],
    );
    assert.equal(trend[2].rate, 0.5);
  });

  it('should show churn rising as contact stops', () => {
    const quiet: ContactData = {
      customers: [
        { id: 'a', createdAt: created('2025-01-01') },
        { id: 'b', createdAt: created('2025-01-01') },
      ],
      documents: [{ id: 'd', customer: 'b', date: '2025-06-15' }],
    };
    const trend = lostCustomerTrend(quiet, { asOf: '2026-08-10', periodDays: 365, months: 8 });
    assert.deepEqual(
      trend.map((p) => p.lost),
      [1, 1, 1, 1, 1, 2, 2, 2],
    );
    assert.deepEqual(lostCustomerTrend({ customers: [] }, { asOf: AS_OF, periodDays: 30, months: 2 }), [
      { month: '2026-10', lost: 0, customers: 0, rate: 0 },
      { month: '2026-11', lost: 0, customers: 0, rate: 0 },
    ]);
  });
});

describe('lostCustomersCsv', () => {
  it('should export Excel-ready CSV with localised headers and formula-safe names', () => {
    const lost = findLostCustomers(data, { asOf: AS_OF, periodDays: 365 });
    const zh = lostCustomersCsv(lost);
    assert.ok(zh.startsWith('\uFEFF客户编码,客户名称,业务员,最后联系日期,最后联系方式,未联系天数\r\n'));
    assert.ok(zh.includes(`KH202000005,"'=HYPERLINK(""x"")",,2020-06-01,建档,2344`));
    const en = lostCustomersCsv(lost, 'en');
    assert.ok(en.includes('Days without contact'));
    assert.ok(en.includes('广州粤顺物流有限公司,,2025-04-30,Document,550'));
  });
});
