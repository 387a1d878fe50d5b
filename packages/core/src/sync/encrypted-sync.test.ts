import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { sealedPrefix } from '../encryption/seal.js';
import { shippedEntities } from '../test-support/permission-stores.js';
import { syncTestBed } from './test-bed.js';
import { eventually } from './test-checks.js';

/**
 * A store encrypting sensitive fields at rest (decision 0009) syncing with one that does not: the
 * values travel and reach the server as the users wrote them (the server is trusted with them, as
 * with any CouchDB); on the encrypting device they are stored sealed, whichever side wrote them.
 */
const bed = syncTestBed('enc-sync');
const storage = getRxStorageMemory();
const name = `enc-sync-${Date.now()}`;
const encryption = { password: 'correct horse battery' };

describe('sync with a store that encrypts sensitive fields', () => {
  it('sends and receives sensitive values, and keeps them sealed on the encrypting device', async () => {
    const a = await bed.client('admin.wang', { store: { storage, name, encryption } });
    // The same user on a second device that does not encrypt (sensitive fields need a role that writes them).
    const b = await bed.client('admin.wang');
    const mine = await a.entity('customer').insert({
      name: '加密客户',
      type: 'consumer',
      organisation: 'sh',
      mobile: '13811112222',
      contacts: [{ name: '联系人', mobile: '13933334444' }],
    });
    const theirs = await b.entity('customer').insert({ name: '明文客户', type: 'consumer', mobile: '13755556666' });
    await eventually(async () =>
      assert.equal((await b.entity('customer').get(mine.id))?.contacts?.[0]?.mobile, '13933334444'),
    );
    const onServer = await bed.server.request('GET', `kehu/customer%7C${mine.id}`);
    assert.equal(onServer.json.d.mobile, '13811112222', 'the server holds what the user wrote, not a sealed value');
    await eventually(async () => assert.equal((await a.entity('customer').get(theirs.id))?.mobile, '13755556666'));
    assert.equal(
      (await a.entity('customer').find({ search: '13755556666' })).length,
      1,
      'a received number is searchable whole',
    );
    // An edit from the other side arrives, and the history shows it in clear to this user.
    await b.entity('customer').patch(mine.id, { mobile: '13800009999' });
    await eventually(async () => assert.equal((await a.entity('customer').get(mine.id))?.mobile, '13800009999'));
    await a.sync!.awaitInSync();
    await bed.close(a);

    // What the encrypting device stores: opened without the password, no sensitive value in clear.
    const raw = await createStore({ entities: shippedEntities, storage, name });
    const text = JSON.stringify([
      await raw.entity('customer').find(),
      await raw.history('customer', mine.id),
      await raw.history('customer', theirs.id),
    ]);
    for (const secret of ['13811112222', '13933334444', '13755556666', '13800009999'])
      assert.ok(!text.includes(secret), `${secret} is not stored in clear`);
    assert.ok(String((await raw.entity('customer').get(theirs.id))?.mobile).startsWith(sealedPrefix));
    assert.equal(await raw.entity('customer').count({ search: '5555' }), 0, 'the search text holds no digits');
    await raw.close();
  });
});
