import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { KehuError } from '../errors/errors.js';
import { createStore } from '../store/create-store.js';
import { shippedEntities } from '../test-support/permission-stores.js';
import { sealedPrefix } from './seal.js';

const customer = {
  name: '上海申通汽车服务有限公司',
  type: 'b2b' as const,
  mobile: '13812345678',
  residentId: '11010519491231002X',
  contacts: [{ name: '王芳', mobile: '13900001111' }],
  bankAccount: { bank: '工商银行', accountNumber: '6222020200112233445' },
};
const secrets = ['13812345678', '11010519491231002X', '13900001111', '6222020200112233445', '13700002222'];

describe('sensitive fields encrypted at rest', () => {
  it('stores only sealed values — records, search text and audit trail — and reads them back whole', async () => {
    const storage = getRxStorageMemory();
    const name = `enc-${Date.now()}`;
    const store = await createStore({
      entities: shippedEntities,
      storage,
      name,
      encryption: { password: 'correct horse battery' },
    });
    const saved = await store.entity('customer').insert(customer);
    await store.entity('customer').patch(saved.id, { mobile: '13700002222', remark: '老客户' });
    const back = await store.entity('customer').get(saved.id);
    assert.equal(back?.mobile, '13700002222');
    assert.equal(back?.contacts?.[0].mobile, '13900001111');
    assert.equal(back?.bankAccount?.accountNumber, '6222020200112233445');
    const [update] = await store.history('customer', saved.id);
    assert.deepEqual(
      update.changes.find((c) => c.path[0] === 'mobile'),
      { path: ['mobile'], from: '13812345678', to: '13700002222' },
    );
    assert.equal((await store.entity('customer').find({ search: '申通' })).length, 1, 'other search fields still work');
    const byPhone = await store.entity('customer').find({ search: '13700002222' });
    assert.deepEqual(
      byPhone.map((c) => c.id),
      [saved.id],
      'a whole mobile number finds its customer',
    );
    assert.equal(await store.entity('customer').count({ search: ' 13700002222 申通' }), 1, 'with other words too');
    assert.equal(await store.entity('customer').count({ search: '1370000' }), 0, 'part of a number finds nothing');
    const live = await firstValueFrom(store.entity('customer').find$({ search: '13700002222' }));
    assert.equal(live.length, 1, 'live lists find it too');
    await assert.rejects(store.entity('customer').find({ selector: { mobile: '13700002222' } }), (error: unknown) => {
      assert.equal((error as KehuError).code, 'encrypted-field');
      return true;
    });
    assert.equal(
      await store.entity('customer').count({ search: '13812345678' }),
      0,
      'the old number no longer matches',
    );
    await store.close();

    // The same data opened without the password: what the storage holds.
    const raw = await createStore({ entities: shippedEntities, storage, name });
    const stored = await raw.entity('customer').get(saved.id);
    const history = await raw.history('customer', saved.id);
    const text = JSON.stringify([stored, history]);
    for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is not stored in clear`);
    assert.ok(String(stored?.mobile).startsWith(sealedPrefix));
    assert.equal(stored?.name, customer.name, 'fields that are not sensitive stay readable');
    assert.equal(
      await raw.entity('customer').count({ search: '3770' }),
      0,
      'the search text holds no digits of the mobile',
    );
    await raw.close();
  });

  it('refuses a wrong password when reading, and a short one when opening', async () => {
    const storage = getRxStorageMemory();
    const name = `enc-wrong-${Date.now()}`;
    const store = await createStore({
      entities: shippedEntities,
      storage,
      name,
      encryption: { password: 'right password' },
    });
    const saved = await store.entity('customer').insert(customer);
    await store.close();
    const wrong = await createStore({
      entities: shippedEntities,
      storage,
      name,
      encryption: { password: 'wrong password' },
      locale: 'zh-CN',
    });
    await assert.rejects(wrong.entity('customer').get(saved.id), (error: unknown) => {
      assert.ok(error instanceof KehuError);
      assert.equal(error.code, 'wrong-key');
      assert.match(error.message, /加密密码/);
      return true;
    });
    await wrong.close();
    await assert.rejects(
      createStore({ entities: shippedEntities, storage, name: `${name}-2`, encryption: { password: 'short' } }),
      (error: unknown) => (error as KehuError).code === 'weak-password',
    );
  });

  it('refuses a schema that indexes a sensitive field, naming it', async () => {
    const schema = {
      $id: 'member',
      type: 'object',
      'x-kehu': { indexes: ['mobile'] },
      properties: { mobile: { type: 'string', maxLength: 11, 'x-kehu': { sensitive: true } } },
    };
    await assert.rejects(
      createStore({
        entities: [schema],
        storage: getRxStorageMemory(),
        name: `enc-idx-${Date.now()}`,
        locale: 'en',
        encryption: { password: 'long enough' },
      }),
      (error: unknown) =>
        (error as KehuError).code === 'invalid-schema' && /"mobile" is sensitive/.test((error as Error).message),
    );
  });
});
