import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { spawnSyncServer, type TestServer } from './test-server.js';
import { eventually } from './test-checks.js';
import { userDatabaseName } from './urls.js';

/** Read scope when a record changes hands (decision 0007, "Scope changes"). */
let server: TestServer;
const open: Store[] = [];

before(async () => {
  server = await spawnSyncServer();
});

after(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await server.stop();
});

async function adviser(id: string): Promise<Store> {
  const store = await createStore({
    entities: shippedEntities,
    storage: getRxStorageMemory(),
    name: `evict-${id.replace('.', '-')}-${Math.random().toString(36).slice(2, 8)}`,
    locale: 'en',
    user: { id, roles: ['sales'], organisation: 'sh' },
    permissions: shippedRoles,
    replication: { url: server.db, username: id, password: 'kehu-demo', retryTime: 300 },
  });
  open.push(store);
  return store;
}

const at = '2026-05-01T08:00:00.000Z';

describe('read scope when a record changes hands', () => {
  it("takes a customer handed to another adviser out of the old adviser's database and client", async () => {
    const doc = {
      _id: 'customer|moved-1',
      e: 'customer',
      t: 0,
      d: {
        id: 'moved-1',
        code: 'MOVED-1',
        name: '客户 moved-1',
        type: 'consumer',
        salesRep: 'sales.zhang',
        organisation: 'sh',
        createdAt: at,
        updatedAt: at,
        _v: 0,
      },
    };
    assert.equal((await server.request('POST', 'kehu', doc)).status, 201);
    const [zhang, chen] = [await adviser('sales.zhang'), await adviser('sales.chen')];
    await eventually(async () => assert.ok(await zhang.entity('customer').get('moved-1'), 'the adviser has it'));
    // The manager hands it over (here straight in the master, as a server-side job would).
    const hand = async (to: string) => {
      const { json } = await server.request('GET', 'kehu/customer%7Cmoved-1');
      const next = { ...json, d: { ...json.d, salesRep: to, updatedAt: new Date().toISOString() } };
      assert.equal((await server.request('PUT', 'kehu/customer%7Cmoved-1', next)).status, 201);
    };
    await hand('sales.chen');
    await eventually(async () => assert.ok(await chen.entity('customer').get('moved-1'), 'the new adviser has it'));
    await eventually(async () =>
      assert.equal(await zhang.entity('customer').get('moved-1'), null, 'gone from the old one'),
    );
    const held = await server.request('GET', `${userDatabaseName('sales.zhang')}/customer%7Cmoved-1`);
    assert.equal(held.status, 404, "not in the old adviser's database either");
    const master = await server.request('GET', 'kehu/customer%7Cmoved-1');
    assert.equal(master.json.d.salesRep, 'sales.chen', 'the master keeps the record');
    // Handed back, it returns.
    await hand('sales.zhang');
    await eventually(async () =>
      assert.equal((await zhang.entity('customer').get('moved-1'))?.salesRep, 'sales.zhang'),
    );
    await eventually(async () => assert.equal(await chen.entity('customer').get('moved-1'), null));
  });
});
