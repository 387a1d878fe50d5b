// `bulkUpsert` with `writeSize`, as imports call it: the records go to storage in several writes,
// while validation, unique checks and the change entries still cover the whole call.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KehuValidationError } from '../errors/errors.js';
import { crmStore } from './test-support/fixtures.js';

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${from + i}`,
    code: `C${String(from + i).padStart(5, '0')}`,
    name: `客户${from + i}`,
    type: 'consumer',
  }));

describe('bulkUpsert in several storage writes (writeSize)', () => {
  it('stores every record with one entry each, and updates with their field changes', async () => {
    const store = await crmStore();
    try {
      const customers = store.entity<Record<string, unknown>>('customer');
      const counts = await customers.bulkUpsert(rows(120), { writeSize: 50 });
      assert.deepEqual(counts, { inserted: 120, updated: 0, unchanged: 0 });
      assert.equal(await customers.count(), 120);
      for (const id of ['c0', 'c49', 'c50', 'c119']) {
        const history = await store.history('customer', id);
        assert.deepEqual(
          history.map((h) => h.action),
          ['create'],
          id,
        );
      }

      const changed = rows(120).map((r, i) => (i % 2 ? { ...r, name: `${r.name}（改）` } : r));
      const again = await customers.bulkUpsert(changed, { writeSize: 50 });
      assert.deepEqual(again, { inserted: 0, updated: 60, unchanged: 60 });
      const [update] = await store.history('customer', 'c101');
      assert.equal(update.action, 'update');
      assert.deepEqual(
        update.changes.map((c) => [c.path.join('.'), c.from, c.to]),
        [['name', '客户101', '客户101（改）']],
      );
      assert.equal((await store.history('customer', 'c100')).length, 1, 'an unchanged record gets no entry');
    } finally {
      await store.close();
    }
  });

  it('writes nothing when one record of any write is invalid or repeats a unique code', async () => {
    const store = await crmStore();
    try {
      const customers = store.entity<Record<string, unknown>>('customer');
      const bad = rows(120);
      bad[110] = { ...bad[110], type: 'alien' };
      const error = await customers.bulkUpsert(bad, { writeSize: 50 }).catch((e: unknown) => e);
      assert.ok(error instanceof KehuValidationError);
      assert.deepEqual(
        error.issues.map((i) => i.row),
        [110],
      );
      await customers.insert({ code: 'C00099', name: '已有', type: 'consumer' });
      const taken = await customers.bulkUpsert(rows(120), { writeSize: 50 }).catch((e: unknown) => e);
      assert.ok(taken instanceof KehuValidationError);
      assert.deepEqual(
        taken.issues.map((i) => [i.row, i.keyword]),
        [[99, 'unique']],
      );
      assert.equal(await customers.count(), 1, 'nothing of either call was written');
    } finally {
      await store.close();
    }
  });
});
