import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineEntity } from './define-entity.js';
import { conditionHolds } from './conditions.js';
import type { JsonSchema } from './types.js';

const client: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    type: { type: 'string', enum: ['consumer', 'b2b', 'channel'] },
    residentId: { type: 'string', 'x-kehu': { visibleWhen: { field: 'type', equals: 'consumer' } } },
    taxNumber: { type: 'string' },
    creditCode: { type: 'string' },
    remark: { type: 'string' },
  },
  allOf: [
    {
      if: { properties: { type: { enum: ['b2b', 'channel'] } }, required: ['type'] },
      then: { required: ['taxNumber'], properties: { creditCode: { maxLength: 18 } } },
    },
    // Not translated: the `if` tests two properties.
    { if: { properties: { type: { const: 'b2b' }, name: { const: 'x' } } }, then: { required: ['remark'] } },
  ],
};

describe('conditional fields', () => {
  const entity = defineEntity(client);

  it('take visibleWhen from the hint and from a simple if/then', () => {
    assert.deepEqual(entity.field('residentId')?.visibleWhen, { field: 'type', equals: 'consumer' });
    assert.deepEqual(entity.field('taxNumber')?.visibleWhen, { field: 'type', in: ['b2b', 'channel'] });
    assert.deepEqual(entity.field('creditCode')?.visibleWhen, { field: 'type', in: ['b2b', 'channel'] });
    assert.equal(entity.field('remark')?.visibleWhen, undefined);
    assert.equal(entity.field('name')?.visibleWhen, undefined);
  });

  it('hold for the right sibling values', () => {
    const condition = entity.field('taxNumber')!.visibleWhen!;
    assert.equal(conditionHolds(condition, { type: 'channel' }), true);
    assert.equal(conditionHolds(condition, { type: 'consumer' }), false);
    assert.equal(conditionHolds(condition, {}), false);
    assert.equal(conditionHolds({ field: 'type', notIn: ['consumer'] }, {}), true);
    assert.equal(conditionHolds({ field: 'type', notIn: ['consumer'] }, { type: 'consumer' }), false);
  });

  it('are validated by the schema only when they apply', () => {
    assert.deepEqual(entity.validate({ id: 'a', name: 'n', type: 'consumer' }), []);
    const issues = entity.validate({ id: 'a', name: 'n', type: 'b2b' });
    assert.deepEqual(
      issues.map((i) => i.path),
      [['taxNumber']],
    );
  });
});
