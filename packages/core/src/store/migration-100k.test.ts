import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { JsonSchema } from '../entity/types.js';
import { createStore } from './create-store.js';

// Issue 7: "A migration over 100,000 records across a version bump → all present, all valid"
// (decision 0013). Memory storage: the fastest the store has in Node (Dexie over fake-indexeddb is
// several times slower); it keeps a database's data across close and reopen within the process, as
// IndexedDB keeps it across page loads. Takes 1–4 minutes depending on the machine's load: RxDB's
// memory storage re-sorts index arrays per updated row.

const COUNT = 100_000;

const v0: JsonSchema = {
  $id: 'member',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  'x-kehu': { indexes: ['name'] },
  properties: {
    name: { type: 'string', maxLength: 60 },
    phone: { type: 'string', maxLength: 30 },
    note: { type: 'string', maxLength: 200 },
  },
};

// Version 1: `phone` renamed to `mobile`, a required `handle` derived from the name, a `tier`
// with a default, and an index on `handle` (so every record is also re-keyed).
const v1: JsonSchema = {
  $id: 'member',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'handle', 'tier'],
  'x-kehu': { version: 1, indexes: ['name', 'handle'] },
  properties: {
    name: { type: 'string', maxLength: 60 },
    handle: { type: 'string', pattern: '^M-[0-9]{6}$' },
    mobile: { type: 'string', maxLength: 30 },
    tier: { type: 'string', enum: ['basic', 'gold'], default: 'basic' },
    note: { type: 'string', maxLength: 200 },
  },
};

const migrations = {
  member: {
    1: (record: Record<string, unknown>) => {
      const { phone, ...rest } = record;
      const n = Number(String(record.name).replace(/\D/g, ''));
      return { ...rest, handle: `M-${String(n).padStart(6, '0')}`, ...(phone === undefined ? {} : { mobile: phone }) };
    },
  },
};

describe('a migration over 100,000 records', () => {
  it('keeps every record across a version bump, all valid, no field lost', async () => {
    const name = `migrate-100k-${Date.now()}`;
    const storage = getRxStorageMemory();
    const before = await createStore({ entities: [v0], storage, name, locale: 'en' });
    await before.entity('member').bulkInsert(
      Array.from({ length: COUNT }, (_, i) => ({
        name: `会员 ${i} <script>`,
        ...(i % 3 ? { phone: `138${String(i).padStart(8, '0')}` } : {}),
        ...(i % 7 === 0 ? { note: `note ${i}` } : {}),
      })),
      { batchSize: 5000 },
    );
    assert.equal(await before.entity('member').count(), COUNT);
    // One removed record: the migration covers the bin too.
    const removedId = (await before.entity('member').find({ limit: 1 }))[0].id;
    await before.entity('member').remove(removedId);
    await before.close();

    const started = Date.now();
    const after = await createStore({ entities: [v1], storage, name, locale: 'en', migrations });
    console.log(`migrated ${COUNT} records across a version bump in ${Date.now() - started} ms`);
    const report = after.migrations.find((m) => m.entity === 'member');
    assert.ok(report, 'a migration report');
    assert.deepEqual([report.from, report.to, report.records, report.invalid], [0, 1, COUNT, []]);

    const repo = after.entity<Record<string, unknown>>('member');
    const entity = after.entities.get('member')!;
    assert.equal(await repo.count(), COUNT - 1, 'every live record is present');
    const all = await repo.find();
    assert.equal(all.length, COUNT - 1);
    let withMobile = 0;
    let withNote = 0;
    for (const record of all) {
      assert.deepEqual(entity.validate(record), [], `record ${String(record.id)} is valid`);
      assert.equal(record._v, 1);
      assert.equal(record.tier, 'basic');
      assert.equal('phone' in record, false);
      const n = Number(String(record.name).replace(/\D/g, ''));
      assert.equal(record.handle, `M-${String(n).padStart(6, '0')}`);
      if (record.mobile !== undefined) {
        withMobile++;
        assert.equal(record.mobile, `138${String(n).padStart(8, '0')}`);
      }
      if (record.note !== undefined) withNote++;
    }
    // Nothing the migration did not touch is lost: every phone became a mobile, every note stayed.
    const expected = (pick: (i: number) => boolean) => Array.from({ length: COUNT }, (_, i) => i).filter(pick).length;
    // (The one removed record is not in `all`: allow for it.)
    assert.ok(withMobile >= expected((i) => i % 3 !== 0) - 1, 'phones carried over as mobiles');
    assert.ok(withNote >= expected((i) => i % 7 === 0) - 1, 'notes kept');
    // The new index works: the highest handle comes first, and a lookup by handle finds one record.
    const [top] = await repo.find({ sort: { field: 'handle', direction: 'desc' }, limit: 1 });
    assert.equal(top.handle, `M-${String(COUNT - 1).padStart(6, '0')}`);
    assert.equal(await repo.count({ selector: { handle: `M-${String(COUNT - 7).padStart(6, '0')}` } }), 1);
    // The removed record was migrated too, and comes back valid.
    const restored = await repo.restore(removedId);
    assert.deepEqual(entity.validate(restored), []);
    assert.equal(restored._v, 1);
    assert.equal(await repo.count(), COUNT);
    await after.close();
  });
});
