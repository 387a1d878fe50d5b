import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { KehuValidationError } from '../errors/errors.js';
import { checkEntitySchema } from './check.js';
import { shippedEntities } from '../test-support/permission-stores.js';

describe('field ranges (x-kehu.ranges)', () => {
  it('refuses a period price that ends before it starts, naming the end in both languages; a one-day period is fine', async (t) => {
    const store = await createStore({
      entities: shippedEntities,
      storage: getRxStorageMemory(),
      name: `ranges-${Date.now()}`,
      locale: 'zh-CN',
    });
    t.after(() => store.close());
    const prices = store.entity('period-price');
    const base = { product: 'p1', price: 88 };
    await assert.rejects(
      prices.insert({ ...base, validFrom: '2026-12-01', validTo: '2026-11-30' }),
      (error: unknown) => {
        assert.ok(error instanceof KehuValidationError);
        const issue = error.issues.find((i) => i.keyword === 'range');
        assert.deepEqual(issue?.path, ['validTo']);
        assert.match(issue!.message['zh-CN'], /不能早于/);
        assert.match(issue!.message.en, /must not be before/);
        return true;
      },
    );
    const oneDay = await prices.insert({ ...base, validFrom: '2026-12-01', validTo: '2026-12-01' });
    await assert.rejects(prices.patch(oneDay.id, { validFrom: '2026-12-02' }), KehuValidationError);
    assert.equal(await prices.count(), 1);
  });

  it('refuses a policy ending before it starts', async (t) => {
    const store = await createStore({
      entities: shippedEntities,
      storage: getRxStorageMemory(),
      name: `ranges-p-${Date.now()}`,
      locale: 'en',
    });
    t.after(() => store.close());
    await assert.rejects(
      store
        .entity('insurance-policy')
        .insert({ vehicle: 'v1', insurer: 'i1', kind: 'compulsory', startDate: '2026-06-01', endDate: '2025-05-31' }),
      (error: unknown) =>
        error instanceof KehuValidationError &&
        error.issues.some((i) => i.path[0] === 'endDate' && i.keyword === 'range'),
    );
  });

  it('names a range field that does not exist when the schema is checked', () => {
    const problems = checkEntitySchema({
      type: 'object',
      'x-kehu': { ranges: [{ from: 'start', to: 'ende' }] },
      properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } },
    });
    assert.ok(
      problems.some((p) => p.pointer === '/x-kehu/ranges/0/to' && /"end"/.test(p.message.en)),
      JSON.stringify(problems),
    );
  });
});
