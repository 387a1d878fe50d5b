import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineEntity } from '../entity/define-entity.js';
import { physicalSelector } from './query.js';
import { numberKey } from './keys.js';

const entity = defineEntity({
  $id: 'thing',
  type: 'object',
  'x-kehu': { indexes: ['name', 'amount', 'active'], list: { columns: ['name'] } },
  properties: {
    name: { type: 'string', maxLength: 100 },
    amount: { type: 'number' },
    active: { type: 'boolean' },
    note: { type: 'string' },
  },
});

describe('physicalSelector', () => {
  it('answers exact conditions on indexed fields from the index slot alone', () => {
    assert.deepEqual(physicalSelector(entity, { name: '张伟' }), { k0: '张伟' });
    assert.deepEqual(physicalSelector(entity, { amount: { $gte: 10, $lt: 20 } }), {
      k1: { $gte: numberKey(10), $lt: numberKey(20) },
    });
    assert.deepEqual(physicalSelector(entity, { active: true }), { k2: '1' });
    assert.deepEqual(physicalSelector(entity, { name: { $in: ['a', 'b'] } }), { k0: { $in: ['a', 'b'] } });
  });

  it('keeps the field condition where the key is cut short, the type differs or the operator has no index form', () => {
    const long = 'x'.repeat(45);
    assert.deepEqual(physicalSelector(entity, { name: long }), { 'd.name': long });
    assert.deepEqual(physicalSelector(entity, { amount: '10' }), { 'd.amount': '10' });
    assert.deepEqual(physicalSelector(entity, { name: { $regex: '^张' } }), { 'd.name': { $regex: '^张' } });
    assert.deepEqual(physicalSelector(entity, { name: { $gte: 'a', $ne: 'b' } }), {
      k0: { $gte: 'a' },
      'd.name': { $gte: 'a', $ne: 'b' },
    });
    assert.deepEqual(physicalSelector(entity, { note: 'n' }), { 'd.note': 'n' });
  });

  it('maps ids to primary keys and rewrites inside $or', () => {
    assert.deepEqual(physicalSelector(entity, { id: { $in: ['1', '2'] } }), { pk: { $in: ['thing|1', 'thing|2'] } });
    assert.deepEqual(physicalSelector(entity, { $or: [{ name: 'a' }, { note: 'b' }] }), {
      $or: [{ k0: 'a' }, { 'd.note': 'b' }],
    });
  });
});
