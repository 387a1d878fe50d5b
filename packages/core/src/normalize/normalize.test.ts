import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { normalizeAddress, normalizeCode, normalizeId, normalizeName, normalizePhone } from './rules.js';
import { normalizeRecord } from './record.js';
import { defineEntity } from '../entity/define-entity.js';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';

describe('normalisation rules', () => {
  it('cleans names: width, spaces, brackets by script', () => {
    assert.equal(normalizeName('  张  三 '), '张三');
    assert.equal(normalizeName('广州恒达(汽车)贸易有限公司'), '广州恒达（汽车）贸易有限公司');
    assert.equal(normalizeName('ＡＢＣ　汽车（上海）有限公司'), 'ABC汽车（上海）有限公司');
    assert.equal(normalizeName('  John　 Smith （UK） '), 'John Smith (UK)');
    assert.equal(normalizeName('１２３ Motors'), '123 Motors');
  });

  it('keeps the digits of phones and drops the +86 prefix', () => {
    assert.equal(normalizePhone('+86 138-0013-8000'), '13800138000');
    assert.equal(normalizePhone('0086 13800138000'), '13800138000');
    assert.equal(normalizePhone('8613800138000'), '13800138000');
    assert.equal(normalizePhone('１３８ ００１３ ８０００'), '13800138000');
    assert.equal(normalizePhone('020-8765 4321'), '02087654321');
    assert.equal(normalizePhone(' n/a '), 'n/a', 'no digits: left for validation to report');
  });

  it('cleans addresses, ids and codes', () => {
    assert.equal(normalizeAddress(' 天河路１２３号　　５楼 '), '天河路123号 5楼');
    assert.equal(normalizeId(' 11010519491231002x '), '11010519491231002X');
    assert.equal(normalizeId('９１４４ 0101 MA5 9ABCD1X'), '914401 01MA59ABCD1X'.replace(' ', ''));
    assert.equal(normalizeCode(' kh2024０００１ '), 'KH20240001');
  });

  it('is idempotent', () => {
    for (const [rule, text] of [
      [normalizeName, ' Ａ  (b) 公司 '],
      [normalizePhone, '+86 138 0013 8000'],
      [normalizeAddress, '　Ａ　路 '],
      [normalizeId, ' a b '],
      [normalizeCode, ' x y '],
    ] as const) {
      assert.equal(rule(rule(text)), rule(text));
    }
  });
});

const schema: JsonSchema = {
  $id: 'member',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '会员', en: 'Member' } },
  properties: {
    name: { type: 'string', maxLength: 50, 'x-kehu': { normalize: 'name' } },
    mobile: { type: 'string', format: 'cn-mobile', maxLength: 11, 'x-kehu': { normalize: 'phone' } },
    note: { type: 'string', maxLength: 50 },
    tags: { type: 'array', items: { type: 'string', maxLength: 10, 'x-kehu': { normalize: 'code' } } },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { phone: { type: 'string', maxLength: 20, 'x-kehu': { normalize: 'phone' } } },
      },
    },
    bank: {
      type: 'object',
      additionalProperties: false,
      properties: { account: { type: 'string', maxLength: 34, 'x-kehu': { normalize: 'id' } } },
    },
  },
};

describe('normalizeRecord', () => {
  const entity = defineEntity(schema, 'test');

  it('normalises declared fields at every depth and leaves the rest alone', () => {
    const input = {
      name: ' 李  四 ',
      mobile: '+86 139 0000 0000',
      note: '  keep  ',
      tags: [' vip ', 'a'],
      contacts: [{ phone: '138-0000-0000' }, {}],
      bank: { account: '6222 0000 1111' },
    };
    const frozen = structuredClone(input);
    const out = normalizeRecord(entity, input);
    assert.deepEqual(out, {
      name: '李四',
      mobile: '13900000000',
      note: '  keep  ',
      tags: ['VIP', 'A'],
      contacts: [{ phone: '13800000000' }, {}],
      bank: { account: '622200001111' },
    });
    assert.deepEqual(input, frozen, 'the input is not changed');
  });

  it('returns the same object when nothing changes', () => {
    const clean = { name: '王五', mobile: '13900000000' };
    assert.equal(normalizeRecord(entity, clean), clean);
  });

  it('accepts a hint the meta-schema knows and refuses an unknown rule', () => {
    assert.throws(() =>
      defineEntity(
        {
          ...schema,
          properties: {
            name: { type: 'string', 'x-kehu': { normalize: 'shout' } as unknown as { normalize: 'name' } },
          },
        },
        'bad',
      ),
    );
  });
});

describe('the store normalises on every write', () => {
  it('on insert, bulk insert, upsert and patch', async () => {
    const store = await createStore({ entities: [schema], storage: getRxStorageMemory(), name: `norm-${Date.now()}` });
    const members = store.entity('member');
    const one = await members.insert({ name: ' 赵　六 ', mobile: '+86 13700000000' });
    assert.equal(one.name, '赵六');
    assert.equal(one.mobile, '13700000000', 'valid only once normalised: cn-mobile needs 11 digits');
    await members.bulkInsert([{ id: 'b1', name: 'Ｊｏｈｎ  Smith' }]);
    assert.equal((await members.get('b1'))?.name, 'John Smith');
    const patched = await members.patch(one.id, { mobile: '137 0000 0001' });
    assert.equal(patched.mobile, '13700000001');
    const upserted = await members.upsert({ id: one.id, name: '赵六 (北京)' });
    assert.equal(upserted.name, '赵六（北京）');
    // Patching a value to its own unnormalised spelling changes nothing and writes nothing.
    const same = await members.patch(one.id, { name: ' 赵六（北京） ' });
    assert.equal(same.updatedAt, upserted.updatedAt);
    await store.close();
  });
});
