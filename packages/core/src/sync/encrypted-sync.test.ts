import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import { sealedPrefix } from '../encryption/seal.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { spawnSyncServer, type TestServer } from './test-server.js';
import { eventually } from './test-checks.js';

/**
 * A store encrypting sensitive fields at rest (decision 0009) syncing with one that does not: the
 * values travel and reach the server as the users wrote them (the server is trusted with them, as
 * with any CouchDB); on the encrypting device they are stored sealed, whichever side wrote them.
 */
let server: TestServer;
const open: Store[] = [];

before(async () => {
  server = await spawnSyncServer();
});

after(async () => {
  await Promise.all(open.map((s) => s.close()));
  await server.stop();
});

const storage = getRxStorageMemory();
const name = `enc-sync-${Date.now()}`;
const replication = (username: string) => ({ url: server.db, username, password: 'kehu-demo', retryTime: 300 });

async function encrypted(): Promise<Store> {
  const store = await createStore({
    entities: shippedEntities,
    storage,
    name,
    locale: 'en',
    user: { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
    permissions: shippedRoles,
    encryption: { password: 'correct horse battery' },
    replication: replication('admin.wang'),
  });
  open.push(store);
  return store;
}

describe('sync with a store that encrypts sensitive fields', () => {
  it('sends and receives sensitive values, and keeps them sealed on the encrypting device', async () => {
    const a = await encrypted();
    const b = await createStore({
      entities: shippedEntities,
      storage: getRxStorageMemory(),
      name: `plain-${Date.now()}`,
      locale: 'en',
      // The same user on a second device that does not encrypt (sensitive fields need a role that writes them).
      user: { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
      permissions: shippedRoles,
      replication: replication('admin.wang'),
    });
    open.push(b);
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
    const onServer = await server.request('GET', `kehu/customer%7C${mine.id}`);
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
    await a.close();
    open.splice(open.indexOf(a), 1);

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
