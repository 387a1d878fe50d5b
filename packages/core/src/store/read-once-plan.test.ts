import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRxDatabase, normalizeMangoQuery, prepareQuery, type MangoQuery, type RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { copyRecord, prepared } from './read-once.js';
import { recordsSchema, type PhysicalRecord } from './physical.js';
import type { KehuRecord } from './types.js';

/** The records collection's schema as RxDB completes it (`_deleted` first, the primary key last in every index). */
async function recordsJsonSchema() {
  const database = await createRxDatabase({ name: `plan-${Date.now()}`, storage: getRxStorageMemory() });
  const { records } = await database.addCollections({ records: { schema: recordsSchema } });
  const schema = (records as unknown as RxCollection<PhysicalRecord>).schema.jsonSchema;
  await database.close();
  return schema;
}

/** What RxDB's own `RxQuery` would hand the storage: every index rated. */
function planned(schema: Awaited<ReturnType<typeof recordsJsonSchema>>, mango: MangoQuery<PhysicalRecord>) {
  const query = normalizeMangoQuery(schema, mango, false);
  (query.selector as Record<string, unknown>)._deleted = { $eq: false };
  return prepareQuery(schema, query);
}

describe('one-shot query plans', () => {
  it('plans the plain list query on its one index exactly as RxDB plans it over every index', async () => {
    const schema = await recordsJsonSchema();
    const keys = (schema.indexes ?? []).flatMap((index) =>
      Array.isArray(index) && index.length === 5 ? [index[3] as string] : [],
    );
    assert.ok(keys.includes('r0') && keys.includes('ru'), `slot and update keys: ${keys.join(', ')}`);
    for (const key of keys) {
      for (const t of [0, 1]) {
        for (const extra of [{}, { limit: 50 }, { skip: 100, limit: 50 }]) {
          const mango = {
            selector: { e: 'customer', t },
            sort: [{ [key]: 'asc' }],
            ...extra,
          } as MangoQuery<PhysicalRecord>;
          const fast = prepared(schema, mango, false);
          assert.deepEqual(fast, planned(schema, mango), `${key}, t ${t}, ${JSON.stringify(extra)}`);
          assert.deepEqual(fast.queryPlan.index, ['_deleted', 'e', 't', key, 'pk']);
          assert.equal(fast.queryPlan.sortSatisfiedByIndex && fast.queryPlan.selectorSatisfiedByIndex, true);
        }
      }
    }
  });

  it('plans every other query shape over every index, and never carries one query’s keys into another', async () => {
    const schema = await recordsJsonSchema();
    const shapes: MangoQuery<PhysicalRecord>[] = [
      { selector: { e: 'customer', t: 0, k2: 'x' }, sort: [{ r0: 'asc' }] },
      { selector: { e: 'customer', t: 0, $and: [{ s: { $regex: '张' } }] }, sort: [{ ru: 'asc' }] },
      { selector: { e: 'customer', t: { $gte: 0 } }, sort: [{ k0: 'asc' }] },
      { selector: { e: 'customer', t: 0 }, sort: [{ k0: 'desc' }] },
      { selector: { e: 'customer', t: 0 }, sort: [{ k0: 'asc' }, { k1: 'asc' }] },
      { selector: { e: 'customer', t: 0 } },
      { selector: { e: 'customer', t: 0 }, sort: [{ pk: 'asc' }] },
    ];
    for (const mango of shapes)
      assert.deepEqual(prepared(schema, mango, false), planned(schema, mango), JSON.stringify(mango));
    const plan = (e: string, t: number) =>
      prepared(schema, { selector: { e, t }, sort: [{ r0: 'asc' }], limit: 50 }, false).queryPlan;
    const [customer, vehicle, removed] = [plan('customer', 0), plan('vehicle', 0), plan('customer', 1)];
    assert.deepEqual(
      [customer.startKeys.slice(0, 3), customer.endKeys.slice(0, 3)],
      [
        [false, 'customer', 0],
        [false, 'customer', 0],
      ],
    );
    assert.deepEqual(vehicle.startKeys.slice(0, 3), [false, 'vehicle', 0]);
    assert.deepEqual(removed.startKeys.slice(0, 3), [false, 'customer', 1]);
  });
});

describe('record copies handed to callers', () => {
  it('copies stored JSON deeply, keys in order, a `__proto__` key as an own key', () => {
    const stored = JSON.parse(
      '{"id":"c1","name":"<script>x</script>","n":0,"ok":false,"none":null,' +
        '"items":[{"a":[1,[2,{"b":"c"}]]},"s",3],"__proto__":{"polluted":true},"nested":{"z":1,"a":{"y":[]}}}',
    ) as KehuRecord;
    const copy = copyRecord(stored);
    assert.deepStrictEqual(copy, stored);
    assert.equal(JSON.stringify(copy), JSON.stringify(stored), 'same keys in the same order');
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.equal((copy as { polluted?: boolean }).polluted, undefined, 'no prototype taken from the data');
    assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, { polluted: true });
    ((copy.items as unknown[])[0] as { a: unknown[] }).a.push('changed');
    (copy.nested as { z: number }).z = 2;
    assert.equal(JSON.stringify(stored).includes('changed'), false, 'the stored record is untouched');
    assert.equal((stored.nested as { z: number }).z, 1);
  });
});
