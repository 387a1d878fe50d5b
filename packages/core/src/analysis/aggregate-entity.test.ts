import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import type { FindOptions, Repository, Store } from '../store/types.js';
import { KehuError } from '../errors/errors.js';
import { aggregate } from './aggregate.js';
import { aggregateEntity } from './aggregate-entity.js';

const client: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 40 } },
};

/** A sale: a region enum (indexed), a client reference, a date and an amount in yuan with cents. */
const sale: JsonSchema = {
  $id: 'sale',
  type: 'object',
  required: ['region', 'date'],
  'x-kehu': { indexes: ['region'], search: ['note'] },
  properties: {
    region: { type: 'string', enum: ['east', 'north', 'south'], maxLength: 10 },
    client: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'client' } },
    date: { type: 'string', format: 'date' },
    amount: { type: 'number', minimum: 0, maximum: 999999999.99, multipleOf: 0.01, 'x-kehu': { widget: 'money' } },
    note: { type: 'string', maxLength: 100 },
  },
};

const regions = ['east', 'north', 'south'] as const;
const amounts = [0.1, 0.2, 19.99, 1234.56, 0.07];

/** 250 sales over 2023–2024, some without an amount, every 10th marked "rush". */
function sales(count = 250) {
  return Array.from({ length: count }, (_, i) => ({
    id: `sale-${String(i).padStart(4, '0')}`,
    region: regions[i % 3],
    client: `client-${i % 4}`,
    date: `${2023 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    ...(i % 9 === 0 ? {} : { amount: amounts[i % amounts.length] }),
    note: i % 10 === 0 ? 'rush order' : 'regular',
  }));
}

let counter = 0;
async function seeded(records = sales()): Promise<{ store: Store; repo: Repository }> {
  const store = await createStore({
    entities: [client, sale],
    storage: getRxStorageMemory(),
    name: `aggregate-${Date.now()}-${counter++}`,
    locale: 'en',
  });
  const repo = store.entity('sale');
  await repo.bulkInsert(records);
  return { store, repo };
}

/** The repository with every `find` call recorded, to see how it is read. */
function spied(repo: Repository): { repo: Repository; calls: FindOptions[]; largest: () => number } {
  const calls: FindOptions[] = [];
  let largest = 0;
  const proxy = Object.create(repo) as Repository;
  proxy.find = async (options?: FindOptions) => {
    calls.push(options ?? {});
    const page = await repo.find(options);
    largest = Math.max(largest, page.length);
    return page;
  };
  return { repo: proxy, calls, largest: () => largest };
}

describe('aggregateEntity', () => {
  it('gives the same rows as aggregating all records at once, reading them in pages', async () => {
    const records = sales();
    const { store, repo } = await seeded(records);
    const options = {
      groupBy: 'region',
      period: { field: 'date', unit: 'quarter' as const },
      measures: [{ op: 'count' as const }, { op: 'sum' as const, field: 'amount' }],
    };
    const spy = spied(repo);
    const rows = await aggregateEntity(spy.repo, { ...options, pageSize: 40 });
    assert.deepEqual(rows, aggregate(records, options));
    assert.equal(spy.calls.length, 7, '250 records in pages of 40: 6 full pages and a short one');
    assert.equal(spy.largest(), 40);
    await store.close();
  });

  it('sums money to the cent', async () => {
    const { store, repo } = await seeded();
    const [row] = await aggregateEntity(repo, {
      measures: [
        { op: 'sum', field: 'amount' },
        { op: 'count', field: 'amount' },
      ],
    });
    let expected = 0;
    sales().forEach((s) => (expected += Math.round((s.amount ?? 0) * 100)));
    assert.equal(row.values[0], expected / 100);
    assert.equal(row.values[1], 250 - 28, 'every 9th sale has no amount');
    await store.close();
  });

  it('keeps to the selector and the quick search', async () => {
    const { store, repo } = await seeded();
    const byRegion = await aggregateEntity(repo, {
      selector: { region: 'east' },
      groupBy: 'client',
      measures: [{ op: 'count' }],
    });
    assert.deepEqual(
      byRegion.map((r) => [r.key, r.values[0]]),
      [
        ['client-0', 21],
        ['client-1', 21],
        ['client-2', 21],
        ['client-3', 21],
      ],
    );
    const rush = await aggregateEntity(repo, { search: 'rush', measures: [{ op: 'count' }] });
    assert.deepEqual(rush, [{ key: null, period: null, values: [25] }]);
    await store.close();
  });

  it('leaves out removed records and gives no rows for an empty entity', async () => {
    const { store, repo } = await seeded(sales(3));
    await repo.remove('sale-0000');
    const rows = await aggregateEntity(repo, { groupBy: 'region', measures: [{ op: 'count' }] });
    assert.deepEqual(
      rows.map((r) => r.key),
      ['north', 'south'],
    );
    const empty = await seeded([]);
    assert.deepEqual(await aggregateEntity(empty.repo, { groupBy: 'region', measures: [{ op: 'count' }] }), []);
    await Promise.all([store.close(), empty.store.close()]);
  });

  it('buckets by the system createdAt in a time zone', async () => {
    const { store, repo } = await seeded(sales(5).map((s) => ({ ...s, createdAt: '2024-06-30T17:00:00.000Z' })));
    const utc = await aggregateEntity(repo, {
      period: { field: 'createdAt', unit: 'month' },
      measures: [{ op: 'count' }],
    });
    const shanghai = await aggregateEntity(repo, {
      period: { field: 'createdAt', unit: 'month' },
      timeZone: 'Asia/Shanghai',
      measures: [{ op: 'count' }],
    });
    assert.deepEqual([utc[0].period, shanghai[0].period], ['2024-06', '2024-07']);
    await store.close();
  });

  it('names unknown fields in a localised error', async () => {
    const { store, repo } = await seeded(sales(1));
    await assert.rejects(
      aggregateEntity(repo, { groupBy: 'colour', measures: [{ op: 'sum', field: 'price' }], locale: 'zh-CN' }),
      (error: unknown) =>
        error instanceof KehuError &&
        error.code === 'unknown-field' &&
        error.message.includes('colour, price') &&
        error.messageIn('en') === 'Cannot aggregate sale: no field colour, price.',
    );
    await store.close();
  });

  it('stops between pages when aborted', async () => {
    const { store, repo } = await seeded();
    const controller = new AbortController();
    const spy = spied(repo);
    const original = spy.repo.find;
    spy.repo.find = async (options) => {
      const page = await original(options);
      controller.abort(new Error('superseded'));
      return page;
    };
    await assert.rejects(
      aggregateEntity(spy.repo, { measures: [{ op: 'count' }], pageSize: 50, signal: controller.signal }),
      {
        message: 'superseded',
      },
    );
    assert.equal(spy.calls.length, 1);
    await store.close();
  });
});
