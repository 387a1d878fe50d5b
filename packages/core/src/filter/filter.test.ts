import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defineEntity } from '../entity/define-entity.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import { KehuError } from '../errors/errors.js';
import { coerceFilterValue, filterProblems, filterSelector, filterableFields, operatorsFor } from './filter.js';

const customer = defineEntity(
  {
    $id: 'customer',
    type: 'object',
    required: ['name', 'importance'],
    'x-kehu': { titleField: 'name', indexes: ['name', 'importance', 'creditLimit', 'since'] },
    properties: {
      name: { type: 'string', maxLength: 60, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
      importance: { type: 'string', enum: ['vip', 'important', 'normal'] },
      creditLimit: { type: 'number', minimum: 0, maximum: 1e9, multipleOf: 0.01 },
      since: { type: 'string', format: 'date', maxLength: 10 },
      active: { type: 'boolean' },
      city: { type: 'string', maxLength: 20 },
      notes: { type: 'string', maxLength: 2000 },
      address: { type: 'object', properties: { street: { type: 'string' } } },
      tags: { type: 'array', items: { type: 'string' } },
      secret: { type: 'string', 'x-kehu': { hidden: true } },
    },
  },
  'test',
);

const people = [
  { name: '张伟', importance: 'vip', creditLimit: 50000, since: '2021-03-01', active: true, city: '北京' },
  { name: '张丽', importance: 'normal', creditLimit: 800, since: '2023-07-15', city: '上海' },
  { name: '王芳', importance: 'important', creditLimit: 12000, since: '2022-01-09', active: false, city: '北京' },
  { name: 'Zhang Wei Ltd', importance: 'vip', creditLimit: 0, since: '2024-11-30', active: true, city: '' },
  { name: '李强', importance: 'normal', since: '2020-05-05' },
];

describe('filters', () => {
  let store: Store;
  before(async () => {
    store = await createStore({ entities: [customer], storage: getRxStorageMemory(), name: `filter-${Date.now()}` });
    await store.entity<Record<string, unknown>>('customer').bulkInsert(people);
  });
  after(() => store.close());

  const names = async (filter: Parameters<typeof filterSelector>[1]) =>
    (
      await store
        .entity<Record<string, unknown>>('customer')
        .find({ selector: filterSelector(customer, filter), sort: { field: 'name', direction: 'asc' } })
    )
      .map((r) => r.name)
      .sort();

  describe('operators per field kind', () => {
    it('offers text comparisons for text, ranges for numbers and dates, choices for enums, yes/no for flags', () => {
      assert.deepEqual(operatorsFor(customer.field('name')!), [
        'contains',
        'startsWith',
        'eq',
        'ne',
        'empty',
        'notEmpty',
      ]);
      assert.ok(operatorsFor(customer.field('creditLimit')!).includes('between'));
      assert.ok(operatorsFor(customer.field('since')!).includes('lte'));
      assert.deepEqual(operatorsFor(customer.field('importance')!), ['eq', 'ne', 'in', 'empty', 'notEmpty']);
      assert.deepEqual(operatorsFor(customer.field('active')!), ['eq']);
    });
    it('lists only visible top-level scalar fields as filterable', () => {
      assert.deepEqual(
        filterableFields(customer).map((f) => f.key),
        ['name', 'importance', 'creditLimit', 'since', 'active', 'city', 'notes'],
      );
    });
  });

  describe('turning typed text into values', () => {
    it('reads full-width digits and thousands separators as numbers', () => {
      const field = customer.field('creditLimit')!;
      assert.equal(coerceFilterValue(field, '１２，０００．５'), 12000.5);
      assert.equal(coerceFilterValue(field, '1,000'), 1000);
      assert.equal(coerceFilterValue(field, 'abc'), undefined);
      assert.equal(coerceFilterValue(field, ''), undefined);
    });
    it('trims text and treats blank as no value', () => {
      assert.equal(coerceFilterValue(customer.field('name')!, '  张 '), '张');
      assert.equal(coerceFilterValue(customer.field('name')!, '   '), undefined);
    });
  });

  describe('AND and OR over the store', () => {
    it('finds records meeting all conditions', async () => {
      assert.deepEqual(
        await names({
          match: 'all',
          conditions: [
            { field: 'importance', op: 'eq', value: 'vip' },
            { field: 'creditLimit', op: 'gte', value: 1000 },
          ],
        }),
        ['张伟'],
      );
    });
    it('finds records meeting any condition, with nested groups', async () => {
      assert.deepEqual(
        await names({
          match: 'any',
          conditions: [
            { field: 'city', op: 'eq', value: '上海' },
            {
              match: 'all',
              conditions: [
                { field: 'importance', op: 'eq', value: 'vip' },
                { field: 'since', op: 'gte', value: '2024-01-01' },
              ],
            },
          ],
        }),
        ['Zhang Wei Ltd', '张丽'],
      );
    });
    it('supports between, in, contains (any case), startsWith and empty', async () => {
      const one = (condition: object) => names({ match: 'all', conditions: [condition as never] });
      assert.deepEqual(await one({ field: 'creditLimit', op: 'between', value: [800, 12000] }), ['张丽', '王芳']);
      assert.deepEqual(await one({ field: 'since', op: 'between', value: ['2022-01-01', ''] }), [
        'Zhang Wei Ltd',
        '张丽',
        '王芳',
      ]);
      assert.deepEqual(await one({ field: 'importance', op: 'in', value: ['important', 'normal'] }), [
        '张丽',
        '李强',
        '王芳',
      ]);
      assert.deepEqual(await one({ field: 'name', op: 'contains', value: 'zhang' }), ['Zhang Wei Ltd']);
      assert.deepEqual(await one({ field: 'name', op: 'startsWith', value: '张' }), ['张丽', '张伟']);
      assert.deepEqual(await one({ field: 'city', op: 'empty' }), ['Zhang Wei Ltd', '李强']);
      assert.deepEqual(await one({ field: 'city', op: 'notEmpty' }), ['张丽', '张伟', '王芳']);
      assert.deepEqual(await one({ field: 'creditLimit', op: 'ne', value: 0 }), ['张丽', '张伟', '李强', '王芳']);
    });
    it('matches an unset flag as "no"', async () => {
      assert.deepEqual(await names({ match: 'all', conditions: [{ field: 'active', op: 'eq', value: false }] }), [
        '张丽',
        '李强',
        '王芳',
      ]);
    });
    it('treats regex characters in a search as plain text', async () => {
      assert.deepEqual(await names({ match: 'all', conditions: [{ field: 'name', op: 'contains', value: '.*' }] }), []);
    });
    it('ignores conditions still waiting for a value, so a half-built filter narrows by what is complete', async () => {
      assert.deepEqual(
        await names({
          match: 'all',
          conditions: [
            { field: 'importance', op: 'eq', value: 'vip' },
            { field: 'creditLimit', op: 'gte', value: '' },
          ],
        }),
        ['Zhang Wei Ltd', '张伟'],
      );
      assert.deepEqual(filterSelector(customer, { match: 'all', conditions: [] }), {});
    });
  });

  describe('index use', () => {
    it('keeps AND conditions on fields at the top level, merging ranges on one field', () => {
      const selector = filterSelector(customer, {
        match: 'all',
        conditions: [
          { field: 'importance', op: 'eq', value: 'vip' },
          { field: 'creditLimit', op: 'gte', value: 100 },
          { field: 'creditLimit', op: 'lt', value: 900 },
          { field: 'name', op: 'startsWith', value: '张' },
        ],
      });
      assert.deepEqual(selector, {
        importance: 'vip',
        creditLimit: { $gte: 100, $lt: 900 },
        name: { $gte: '张', $lt: '张\uffff' },
      });
    });
    it('moves a clashing condition on the same field into $and rather than overwriting it', () => {
      const selector = filterSelector(customer, {
        match: 'all',
        conditions: [
          { field: 'creditLimit', op: 'gte', value: 100 },
          { field: 'creditLimit', op: 'gte', value: 500 },
        ],
      });
      assert.deepEqual(selector, { creditLimit: { $gte: 100 }, $and: [{ creditLimit: { $gte: 500 } }] });
    });
  });

  describe('bad filters', () => {
    it('names the unknown field and the unsupported comparison, in both languages', () => {
      const problems = filterProblems(customer, {
        match: 'all',
        conditions: [
          { field: 'nmae', op: 'eq', value: 'x' },
          { match: 'any', conditions: [{ field: 'active', op: 'contains', value: 'x' }] },
        ],
      });
      assert.deepEqual(
        problems.map((p) => p.at),
        [[0], [1, 0]],
      );
      assert.match(problems[0].message.en, /"nmae"/);
      assert.match(problems[0].message['zh-CN'], /「nmae」/);
      assert.match(problems[1].message.en, /cannot be tested with "contains"/);
    });
    it('refuses to build a selector from a filter that cannot apply, and refuses hidden fields', () => {
      assert.throws(
        () => filterSelector(customer, { match: 'all', conditions: [{ field: 'secret', op: 'eq', value: 'x' }] }),
        (error: unknown) =>
          error instanceof KehuError && error.code === 'invalid-filter' && /secret/.test(error.message),
      );
    });
  });
});
