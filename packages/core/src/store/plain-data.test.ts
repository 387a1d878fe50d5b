import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from './create-store.js';
import { KehuValidationError } from '../errors/errors.js';
import type { JsonSchema } from '../entity/types.js';

/** An entity with fields the schema leaves open: any object, and a list of anything. */
const visit: JsonSchema = {
  $id: 'visit',
  type: 'object',
  required: ['subject'],
  'x-kehu': { label: { 'zh-CN': '回访', en: 'Visit' }, pluralLabel: { 'zh-CN': '回访', en: 'Visits' } },
  properties: {
    subject: { type: 'string', maxLength: 100 },
    details: { type: 'object', 'x-kehu': { label: { 'zh-CN': '详情', en: 'Details' } } },
    tags: { type: 'array' },
  },
};

class Money {
  constructor(readonly amount: number) {}
}

describe('records hold plain data only', async () => {
  const store = await createStore({ entities: [visit], name: `plain-${Date.now()}`, storage: getRxStorageMemory() });
  const visits = store.entity('visit');
  after(() => store.close());

  const rejects = async (write: () => Promise<unknown>, en: RegExp, zh: RegExp) => {
    const error = await write().then(
      () => assert.fail('the write should have been refused'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof KehuValidationError, String(error));
    assert.match(error.messageIn('en'), en);
    assert.match(error.messageIn('zh-CN'), zh);
    return error;
  };

  it('refuses a Date inside an open object, naming the field and where, and stores nothing', async () => {
    const error = await rejects(
      () => visits.insert({ subject: 'Tyre check', details: { next: { at: new Date('2024-05-01') } } }),
      /Details: a Date value cannot be stored \(at details\.next\.at\); give text.*"2024-01-02"/,
      /详情：不能保存 Date 类型的值（位置 details\.next\.at）/,
    );
    assert.deepEqual(error.issues[0].path, ['details', 'next', 'at']);
    assert.equal(await visits.count(), 0);
  });

  it('refuses a Map, a class instance and a number JSON cannot hold', async () => {
    await rejects(() => visits.insert({ subject: 'a', details: { seen: new Map() } }), /a Map value/, /Map 类型/);
    await rejects(() => visits.insert({ subject: 'b', tags: ['x', new Money(5)] }), /\(at tags\.1\)/, /位置 tags\.1/);
    await rejects(() => visits.insert({ subject: 'c', details: { score: Number.NaN } }), /a NaN value/, /NaN/);
    assert.equal(await visits.count(), 0);
  });

  it('names the row of a bulk write and writes none of the batch', async () => {
    await rejects(
      () =>
        visits.bulkInsert([
          { subject: 'fine', details: { note: 'ok' } },
          { subject: 'bad', details: { when: new Date() } },
        ]),
      /row 2: Details: a Date value/,
      /第 2 行：详情/,
    );
    assert.equal(await visits.count(), 0);
  });

  it('stores and reads back plain nested data as it was given', async () => {
    const details = { next: { at: '2024-05-01', by: null, steps: [1, 2.5, { done: true }] } };
    const saved = await visits.insert({ subject: 'Plain', details, tags: ['a', 'b'] });
    const read = await visits.get(saved.id);
    assert.deepEqual(read?.details, details);
    assert.deepEqual(read?.tags, ['a', 'b']);
  });
});
