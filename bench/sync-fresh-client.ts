/**
 * Issue 7's figure: the time to replicate N customers (10,000 and 100,000 by default) from the sync
 * server to a fresh client. The server is the dev sync server (express-pouchdb, in memory, on
 * 127.0.0.1) in its own process; the customers are posted to it directly; the client is a Kehu store
 * in Node on RxDB's memory storage, replicating as the demo administrator, until its count matches.
 * The customers reach the client as they would in production: from the master into the user's own
 * database (the server's filtered replication, decision 0007), then to the client. Printed: the
 * client's time from a full user database, and how long the server took to fill it after the last
 * customer reached the master.
 *
 *   node --import tsx bench/sync-fresh-client.ts [--sizes=10000,100000]
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { loadavg } from 'node:os';
import { createStore } from '../packages/core/src/store/create-store.js';
import { newId } from '../packages/core/src/store/ids.js';
import { toPhysical } from '../packages/core/src/store/physical.js';
import type { KehuRecord } from '../packages/core/src/store/types.js';
import { shippedEntities, shippedRoles } from '../packages/core/src/test-support/permission-stores.js';
import { spawnSyncServer } from '../packages/core/src/sync/test-server.js';
import { userDatabaseName } from '../packages/core/src/sync/urls.js';

const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.split('=')[1] ?? '10000,100000')
  .split(',')
  .map(Number);
const customer = shippedEntities.find((e) => e.name === 'customer')!;

for (const size of sizes) {
  const server = await spawnSyncServer();
  try {
    const at = '2026-03-01T08:00:00.000Z';
    for (let from = 0; from < size; from += 5000) {
      const docs = Array.from({ length: Math.min(5000, size - from) }, (_, i) => {
        const n = from + i;
        const record = {
          id: newId(),
          code: `BULK${String(n).padStart(7, '0')}`,
          name: `客户 ${n}`,
          type: n % 2 ? 'b2b' : 'consumer',
          organisation: 'sh',
          createdAt: at,
          updatedAt: at,
          _v: customer.version,
        } as KehuRecord;
        const { pk, ...rest } = toPhysical(customer, record);
        return { _id: pk, ...rest };
      });
      const { status } = await server.request('POST', 'kehu/_bulk_docs', { docs });
      if (status !== 201) throw new Error(`posting customers: HTTP ${status}`);
    }
    // The server's fan-out: the master → user replication filling the user's own database.
    const fanOut = performance.now();
    const own = userDatabaseName('admin.wang');
    while (((await server.request('GET', own)).json.doc_count as number) < size)
      await new Promise((r) => setTimeout(r, 200));
    const filled = performance.now() - fanOut;
    const started = performance.now();
    const store = await createStore({
      entities: shippedEntities,
      storage: getRxStorageMemory(),
      name: `fresh-${size}`,
      locale: 'en',
      user: { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
      permissions: shippedRoles,
      replication: { url: server.db, username: 'admin.wang', password: 'kehu-demo', batchSize: 500 },
    });
    await store.sync!.awaitInSync();
    while ((await store.entity('customer').count()) < size) await new Promise((r) => setTimeout(r, 200));
    const ms = performance.now() - started;
    console.log(
      `${size.toLocaleString('en')} customers to a fresh client: ${(ms / 1000).toFixed(1)} s (${Math.round((size * 1000) / ms).toLocaleString('en')}/s) from the user's database, after the server filled it in ${(filled / 1000).toFixed(1)} s after the last post; load average ${loadavg()[0].toFixed(1)}`,
    );
    await store.close();
  } finally {
    await server.stop();
  }
}
