import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defineEntity } from '../entity/define-entity.js';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import { entityCompleteness, recordCompleteness, storeCompleteness } from './completeness.js';

const schema: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name', 'type'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Client' } },
  properties: {
    name: { type: 'string', maxLength: 50 },
    type: { type: 'string', enum: ['consumer', 'b2b'] },
    mobile: { type: 'string', maxLength: 20 },
    tags: { type: 'array', items: { type: 'string', maxLength: 10 } },
    taxNumber: { type: 'string', maxLength: 20, 'x-kehu': { visibleWhen: { field: 'type', in: ['b2b'] } } },
    total: { type: 'number', 'x-kehu': { formula: '1 + 1' } },
  },
};
const entity = defineEntity(schema, 'test');

describe('completeness', () => {
  it('weighs required fields and skips computed and not-applicable ones', () => {
    // consumer: name(3) type(3) mobile(1) tags(1) = 8; filled: name, type = 6.
    assert.deepEqual(recordCompleteness(entity, { id: 'a', name: '张三', type: 'consumer', tags: [] }), {
      id: 'a',
      score: 0.75,
      missing: ['mobile', 'tags'],
    });
    // b2b adds taxNumber (1): 9, filled 6 + mobile 1 = 7.
    assert.equal(recordCompleteness(entity, { name: 'A', type: 'b2b', mobile: '1', taxNumber: ' ' }).score, 0.778);
    assert.equal(
      recordCompleteness(entity, { name: 'A', type: 'b2b', mobile: '1', tags: ['x'], taxNumber: 'T' }).score,
      1,
    );
    assert.equal(recordCompleteness(entity, {}).score, 0);
  });

  it('summarises an entity: average, distribution and most often missing', async () => {
    assert.deepEqual(entityCompleteness(entity, []), {
      entity: 'client',
      records: 0,
      average: 1,
      histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      missing: [],
    });
    const store = await createStore({ entities: [schema], storage: getRxStorageMemory(), name: `cmp-${Date.now()}` });
    await store.entity('client').bulkInsert([
      { name: 'a', type: 'consumer' },
      { name: 'b', type: 'consumer', mobile: '1', tags: ['v'] },
    ]);
    const summary = await storeCompleteness(store, 'client');
    assert.equal(summary.records, 2);
    assert.equal(summary.average, 0.875);
    assert.equal(summary.histogram[7], 1);
    assert.equal(summary.histogram[9], 1);
    assert.deepEqual(summary.missing, [
      { field: 'mobile', count: 1 },
      { field: 'tags', count: 1 },
    ]);
    await store.close();
  });
});
