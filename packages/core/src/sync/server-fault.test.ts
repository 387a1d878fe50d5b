/**
 * Issue 7, "the server is killed in the middle of replicating 10,000 records and restarted": a
 * real sync server process persisting to LevelDB, SIGKILLed while one client pushes, restarted on
 * the same port and files. The client recovers by itself; a fresh client pulls everything; all
 * three agree on counts and content checksums.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { spawnSyncServer, type TestServer } from './test-server.js';
import type { SyncStatus } from './types.js';
import { eventually, contentChecksum } from './test-checks.js';

const TOTAL = 10000;
const adminPassword = `fault-${Math.random().toString(36).slice(2)}`;
const servers: TestServer[] = [];
const open: Store[] = [];
let dir: string | undefined;

after(async () => {
  // Everything started here stops, whether the test passed or not.
  await Promise.allSettled(open.map((s) => s.close()));
  await Promise.allSettled(servers.map((s) => s.stop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

const couchDir = () => join(dir!, 'couch');

async function startServer(port?: number): Promise<TestServer> {
  const server = await spawnSyncServer({ dir: couchDir(), port, adminPassword });
  servers.push(server);
  return server;
}

async function client(server: TestServer, label: string): Promise<Store> {
  const store = await createStore({
    entities: shippedEntities,
    storage: getRxStorageMemory(),
    name: `fault-${label}-${Math.random().toString(36).slice(2, 8)}`,
    locale: 'en',
    user: { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
    permissions: shippedRoles,
    replication: { url: server.db, username: 'admin.wang', password: 'kehu-demo', retryTime: 300, batchSize: 500 },
  });
  open.push(store);
  return store;
}

/** The live customers the server holds (`undefined` when it does not answer). */
async function serverCustomers(server: TestServer): Promise<Record<string, unknown>[]> {
  const { json } = await server.request('GET', 'kehu/_all_docs?include_docs=true');
  return (json.rows as { doc: { e?: string; t?: number; d: Record<string, unknown> } }[])
    .filter((row) => row.doc.e === 'customer' && row.doc.t === 0)
    .map((row) => row.doc.d);
}

/** Customers in the dead server's LevelDB files: what it had persisted when it was killed. */
async function persistedCustomers(): Promise<number> {
  // PouchDB ships no types; only `allDocs` and `close` are used.
  const require = createRequire(import.meta.url);
  /* eslint-disable @typescript-eslint/no-explicit-any -- untyped PouchDB */
  const PouchDB: any = require('pouchdb-core');
  const Pouch = PouchDB.plugin(require('pouchdb-adapter-leveldb'));
  const db = new Pouch(join(couchDir(), 'kehu'), { adapter: 'leveldb' });
  const { rows } = await db.allDocs({ startkey: 'customer|', endkey: 'customer|\uffff' });
  await db.close();
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return (rows as unknown[]).length;
}

async function serverCount(server: TestServer): Promise<number> {
  try {
    const { status, json } = await server.request('GET', 'kehu');
    return status === 200 ? Number(json.doc_count) : -1;
  } catch {
    return -1;
  }
}

describe('sync server killed mid-replication', () => {
  it('recovers by itself after a restart, and every side converges on 10,000 customers', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kehu-fault-'));
    const first = await startServer();
    const port = Number(new URL(first.url).port);
    const a = await client(first, 'a');
    const seen: { state: SyncStatus['state']; pending: number; at: number }[] = [];
    const sub = a.sync!.status$.subscribe((s) => {
      if (seen.at(-1)?.state !== s.state) seen.push({ state: s.state, pending: s.pending, at: Date.now() });
    });
    await a.sync!.awaitInSync();

    const started = Date.now();
    await a.entity('customer').bulkInsert(
      Array.from({ length: TOTAL }, (_, n) => ({
        code: `FAULT${String(n).padStart(6, '0')}`,
        name: `客户 ${n} <script>`,
        type: n % 2 ? 'b2b' : 'consumer',
        organisation: 'sh',
        remark: 'x'.repeat(n % 40),
      })),
    );
    const inserted = Date.now();

    // Kill once the server holds some of them (polling fast: a busy server answers late, and the
    // client learns what was sent only at the end of a push cycle, so its pending count cannot tell).
    await eventually(async () => assert.ok((await serverCount(first)) > 1000, 'the server holds a part'), 90000, 50);
    const killed = Date.now();
    await first.kill();
    const persisted = await persistedCustomers();
    assert.ok(persisted > 0 && persisted < TOTAL, `killed part-way: ${persisted} of ${TOTAL} persisted`);

    // Meanwhile the user sees that the server is gone, and that nothing is lost.
    await eventually(() => assert.equal(a.sync!.status.state, 'offline', 'status shows offline'), 10000);
    assert.match(a.sync!.status.lastError?.en ?? '', /cannot be reached/);
    assert.match(a.sync!.status.lastError?.['zh-CN'] ?? '', /无法连接/);
    assert.equal(await a.entity('customer').count(), TOTAL, 'every record is still on the client');

    const restarting = Date.now();
    const second = await startServer(port);
    const restarted = Date.now();
    await eventually(async () => {
      assert.equal(
        a.sync!.status.state,
        'idle',
        `status back to idle (${a.sync!.status.state}, ${a.sync!.status.pending} pending, server ${await serverCount(second)}; ` +
          `${seen.map((s) => `${s.state}@${s.at - restarted}ms`).join(' → ')})`,
      );
      assert.equal(a.sync!.status.pending, 0, `nothing pending (${a.sync!.status.pending})`);
      assert.equal(await serverCount(second), TOTAL + 1, 'the server holds every customer');
    }, 90000);
    const recovered = Date.now();
    sub.unsubscribe();

    const b = await client(second, 'b');
    await b.sync!.awaitInSync();
    await eventually(async () => assert.equal(await b.entity('customer').count(), TOTAL, 'B pulled all'), 90000);
    const pulled = Date.now();

    const onServer = await serverCustomers(second);
    const onA = await a.entity<Record<string, unknown>>('customer').find();
    const onB = await b.entity<Record<string, unknown>>('customer').find();
    assert.deepEqual([onServer.length, onA.length, onB.length], [TOTAL, TOTAL, TOTAL]);
    const sum = contentChecksum(onA);
    assert.equal(contentChecksum(onServer), sum, 'server and A hold the same content');
    assert.equal(contentChecksum(onB), sum, 'B holds the same content');
    assert.deepEqual(await a.conflicts!.list(), [], 'a repeated push is not a conflict');
    assert.deepEqual(await b.conflicts!.list(), []);

    // What the user saw: syncing; from the kill until the restart only "offline" (never a false
    // "in sync", nor an "error": a server starting up answers 503, which reads as offline too); then
    // syncing again, and in sync at the end.
    const states = seen.map((s) => s.state);
    const trace = seen.map((s) => `${s.state}@${s.at - started}ms`).join(' → ');
    assert.ok(states.indexOf('syncing') >= 0, `syncing before the fault (${trace})`);
    const down = seen.findIndex((s) => s.state === 'offline' && s.at >= killed);
    assert.ok(down >= 0, `offline after the kill (${trace})`);
    assert.ok(
      seen.slice(down).every((s) => s.at >= restarting || s.state === 'offline'),
      `only offline while the server is down (${trace})`,
    );
    assert.ok(states.slice(down).includes('syncing'), `syncing again after the restart (${trace})`);
    assert.ok(!states.slice(down).includes('error'), `no error shown for a server that is down (${trace})`);
    assert.equal(states.at(-1), 'idle', `idle at the end (${trace})`);
    console.log(
      `10k local insert ${inserted - started} ms; killed after ${killed - inserted} ms with ${persisted} persisted; ` +
        `recovered ${recovered - restarted} ms after restart; fresh client pulled ${TOTAL} in ${pulled - recovered} ms; ` +
        `states: ${trace}`,
    );
  });
});
