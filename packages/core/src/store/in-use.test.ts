import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from './create-store.js';
import { KehuError } from '../errors/errors.js';
import type { JsonSchema } from '../entity/types.js';

const level: JsonSchema = {
  $id: 'level',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户级别', en: 'Level' },
    pluralLabel: { 'zh-CN': '客户级别', en: 'Levels' },
    protectInUse: true,
  },
  properties: { name: { type: 'string', maxLength: 20 } },
};
const member: JsonSchema = {
  $id: 'member',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, pluralLabel: { 'zh-CN': '客户', en: 'Customers' } },
  properties: {
    name: { type: 'string', maxLength: 20 },
    level: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'level' } },
  },
};
const order: JsonSchema = {
  $id: 'order',
  type: 'object',
  'x-kehu': { label: { 'zh-CN': '单据', en: 'Order' }, pluralLabel: { 'zh-CN': '单据', en: 'Orders' } },
  properties: {
    regarding: { type: 'string', maxLength: 140, 'x-kehu': { ref: ['member', 'level'] } },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { level: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'level' } } },
      },
    },
  },
};

const open = () =>
  createStore({
    entities: [level, member, order],
    storage: getRxStorageMemory(),
    name: `in-use-${Date.now()}-${Math.random()}`,
    locale: 'en',
  });

describe('deleting a record others still point at', () => {
  it('is refused, naming who uses it and how often, in both languages; allowed once unused', async () => {
    const store = await open();
    const gold = await store.entity('level').insert({ name: 'Gold' });
    const a = await store.entity('member').insert({ name: 'A', level: gold.id });
    await store.entity('member').insert({ name: 'B', level: gold.id });
    await assert.rejects(store.entity('level').remove(gold.id), (error: unknown) => {
      assert.ok(error instanceof KehuError);
      assert.equal(error.code, 'in-use');
      assert.match(error.messageIn('en'), /still used by Customers 2/);
      assert.match(error.messageIn('zh-CN'), /仍被使用：客户 2 条/);
      return true;
    });
    assert.ok(await store.entity('level').get(gold.id), 'nothing was deleted');
    await store.entity('member').remove(a.id);
    await store.entity('member').patch((await store.entity('member').find({ selector: { name: 'B' } }))[0].id, {
      level: undefined,
    });
    await store.entity('level').remove(gold.id);
    assert.equal(await store.entity('level').get(gold.id), null);
    await store.close();
  });

  it('is allowed for an entity that does not ask for protection (a deleted customer may keep its follow-ups)', async () => {
    const store = await open();
    const member = await store.entity('member').insert({ name: 'D' });
    await store.entity('order').insert({ regarding: `member:${member.id}` });
    await store.entity('member').remove(member.id);
    assert.equal(await store.entity('member').get(member.id), null);
    await store.close();
  });

  it('counts polymorphic references and references inside line rows', async () => {
    const store = await open();
    const silver = await store.entity('level').insert({ name: 'Silver' });
    const bronze = await store.entity('level').insert({ name: 'Bronze' });
    await store.entity('order').insert({ regarding: `level:${silver.id}` });
    await store.entity('order').insert({ lines: [{ level: bronze.id }, {}] });
    await assert.rejects(store.entity('level').remove(silver.id), /Orders 1/);
    await assert.rejects(store.entity('level').remove(bronze.id), /Orders 1/);
    await store.close();
  });
});
