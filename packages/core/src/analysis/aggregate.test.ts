import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, Aggregation } from './aggregate.js';
import { DecimalSum } from './decimal-sum.js';

/** Documents as the demo stores them: kinds, dates, money totals in yuan with cents, a customer id. */
const documents = [
  { id: 'd1', kind: 'order', date: '2024-01-05', totalAmount: 1999.99, customer: 'cus-1' },
  { id: 'd2', kind: 'order', date: '2024-01-20', totalAmount: 0.1, customer: 'cus-2' },
  { id: 'd3', kind: 'quote', date: '2024-01-31', totalAmount: 0.2, customer: 'cus-1' },
  { id: 'd4', kind: 'order', date: '2024-03-02', totalAmount: 350, customer: 'cus-3' },
  { id: 'd5', kind: 'contract', date: '2024-03-15', totalAmount: null, customer: 'cus-1' },
  { id: 'd6', kind: 'quote', date: 'not a date', customer: null },
  { id: 'd7', date: '2024-03-31', totalAmount: 12.5 },
];

describe('aggregate', () => {
  it('counts records per group, the ones without a value under null, last', () => {
    const rows = aggregate(documents, { groupBy: 'kind', measures: [{ op: 'count' }] });
    assert.deepEqual(rows, [
      { key: 'contract', period: null, values: [1] },
      { key: 'order', period: null, values: [3] },
      { key: 'quote', period: null, values: [2] },
      { key: null, period: null, values: [1] },
    ]);
  });

  it('keeps references as ids', () => {
    const rows = aggregate(documents, { groupBy: 'customer', measures: [{ op: 'count' }] });
    assert.deepEqual(
      rows.map((r) => [r.key, r.values[0]]),
      [
        ['cus-1', 3],
        ['cus-2', 1],
        ['cus-3', 1],
        [null, 2],
      ],
    );
  });

  it('sums, averages and bounds per month, skipping missing and null values', () => {
    const rows = aggregate(documents, {
      period: { field: 'date', unit: 'month' },
      measures: [
        { op: 'count' },
        { op: 'sum', field: 'totalAmount' },
        { op: 'avg', field: 'totalAmount' },
        { op: 'min', field: 'totalAmount' },
        { op: 'max', field: 'totalAmount' },
        { op: 'count', field: 'totalAmount' },
      ],
    });
    assert.deepEqual(rows, [
      { key: null, period: '2024-01', values: [3, 2000.29, 2000.29 / 3, 0.1, 1999.99, 3] },
      { key: null, period: '2024-03', values: [3, 362.5, 181.25, 12.5, 350, 2] },
      { key: null, period: null, values: [1, null, null, null, null, 0] },
    ]);
  });

  it('groups by field and period together', () => {
    const rows = aggregate(documents.slice(0, 4), {
      groupBy: 'kind',
      period: { field: 'date', unit: 'quarter' },
      measures: [{ op: 'sum', field: 'totalAmount' }],
    });
    assert.deepEqual(rows, [
      { key: 'order', period: '2024-Q1', values: [2350.09] },
      { key: 'quote', period: '2024-Q1', values: [0.2] },
    ]);
  });

  it('gives nothing for no records and one row for one record', () => {
    assert.deepEqual(aggregate([], { groupBy: 'kind', measures: [{ op: 'count' }] }), []);
    assert.deepEqual(aggregate([documents[0]], { measures: [{ op: 'count' }, { op: 'avg', field: 'totalAmount' }] }), [
      { key: null, period: null, values: [1, 1999.99] },
    ]);
  });

  it('sums 100,000 cent amounts exactly', () => {
    const records = Array.from({ length: 100_000 }, (_, i) => ({ amount: [0.1, 0.2, 19.99, 1234.56][i % 4] }));
    const [row] = aggregate(records, { measures: [{ op: 'sum', field: 'amount', decimals: 2 }] });
    // 25,000 × (0.10 + 0.20 + 19.99 + 1,234.56) = 31,371,250.00
    assert.equal(row.values[0], 31_371_250);
    let naive = 0;
    for (const r of records) naive += r.amount;
    assert.notEqual(naive, 31_371_250, 'a plain float sum drifts, which is why DecimalSum exists');
  });

  it('rounds to the field precision before adding', () => {
    const [row] = aggregate([{ a: 0.30000000000000004 }, { a: 1.005 }, { a: -0.125 }], {
      measures: [{ op: 'sum', field: 'a', decimals: 2 }],
    });
    // 0.30 + 1.01 (1.005 as printed, half away from zero) − 0.13 = 1.18
    assert.equal(row.values[0], 1.18);
  });

  it('puts each distinct element of an array value in its group', () => {
    const rows = aggregate([{ tags: ['vip', 'fleet', 'vip'] }, { tags: ['fleet'] }, { tags: [] }], {
      groupBy: 'tags',
      measures: [{ op: 'count' }],
    });
    assert.deepEqual(
      rows.map((r) => [r.key, r.values[0]]),
      [
        ['fleet', 2],
        ['vip', 1],
        [null, 1],
      ],
    );
  });

  it('groups by nested fields and treats empty strings as missing', () => {
    const rows = aggregate([{ address: { city: '杭州' } }, { address: { city: '' } }, { address: null }, {}], {
      groupBy: 'address.city',
      measures: [{ op: 'count' }],
    });
    assert.deepEqual(
      rows.map((r) => [r.key, r.values[0]]),
      [
        ['杭州', 1],
        [null, 3],
      ],
    );
  });

  it('keeps the top groups and merges the rest into an other row per period', () => {
    const records = [
      ...Array.from({ length: 5 }, () => ({ brand: '比亚迪', km: 10 })),
      ...Array.from({ length: 3 }, () => ({ brand: '丰田', km: 20 })),
      { brand: '本田', km: 1 },
      { brand: '大众', km: 100 },
    ];
    const rows = aggregate(records, {
      groupBy: 'brand',
      measures: [{ op: 'count' }, { op: 'avg', field: 'km' }, { op: 'max', field: 'km' }],
      top: 2,
    });
    assert.deepEqual(rows, [
      { key: '丰田', period: null, values: [3, 20, 20] },
      { key: '比亚迪', period: null, values: [5, 10, 10] },
      { key: null, period: null, values: [2, 50.5, 100], other: true },
    ]);
  });

  it('reads pages fed one at a time like one array', () => {
    const aggregation = new Aggregation({ groupBy: 'kind', measures: [{ op: 'count' }] });
    for (const record of documents) aggregation.add(record);
    assert.equal(aggregation.records, documents.length);
    assert.deepEqual(aggregation.rows(), aggregate(documents, { groupBy: 'kind', measures: [{ op: 'count' }] }));
  });

  it('refuses options without measures or with an unknown time zone', () => {
    assert.throws(() => aggregate([], { measures: [] }), RangeError);
    assert.throws(() => aggregate([], { measures: [{ op: 'count' }], timeZone: 'Nowhere/City' }), RangeError);
  });
});

describe('DecimalSum', () => {
  it('adds without float drift, huge and tiny values included', () => {
    const sum = new DecimalSum();
    for (const v of [0.1, 0.2, -0.3, 1e21, 1e-7, 123456789.123456]) sum.add(v);
    assert.equal(sum.value(), 1e21 + 123456789.1234561);
    const small = new DecimalSum();
    [0.1, 0.2].forEach((v) => small.add(v));
    assert.equal(small.value(), 0.3);
    const negative = new DecimalSum(2);
    [-0.005, -0.004].forEach((v) => negative.add(v));
    assert.equal(negative.value(), -0.01);
  });
});
