import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/types.js';
import { shippedEntities } from '../test-support/permission-stores.js';
import { newId } from '../store/ids.js';
import { toPhysical } from '../store/physical.js';
import type { KehuRecord } from '../store/types.js';
import { demoUser } from './test-server.js';
import { syncTestBed } from './test-bed.js';
import type { SyncConflicts } from './conflicts.js';
import { eventually, contentChecksum } from './test-checks.js';
import { userDatabaseName } from './urls.js';

const bed = syncTestBed('client');
const { close } = bed;
/** A client syncing as `name`; `enforce` false lets it try what its roles forbid. */
const client = (name: string, enforce = true) =>
  bed.client(name, { replication: { batchSize: 500 }, ...(enforce ? {} : { permissions: false as const }) });

/** A customer created by A and received by B, then both go offline. */
let codes = 0;

async function sharedCustomer(a: Store, b: Store) {
  // An explicit code: naming-series counters are per client (meta does not sync), see the report.
  const code = `SYNC-${++codes}-${Date.now()}`;
  const customer = await a
    .entity('customer')
    .insert({ code, name: '张三', type: 'consumer', remark: 'base', organisation: 'sh' });
  await a.sync!.awaitInSync();
  // (Every assertion inside `eventually` has a message: without one, Node reads the source to word it, which takes seconds under tsx.)
  await eventually(async () => assert.ok(await b.entity('customer').get(customer.id), 'B has the customer'));
  await Promise.all([a.sync!.stop(), b.sync!.stop()]);
  return customer.id;
}

describe('sync through a CouchDB-protocol server', () => {
  it('merges offline edits of different fields on both clients', async () => {
    const [a, b] = [await client('admin.wang'), await client('manager.li')];
    const id = await sharedCustomer(a, b);
    await a.entity('customer').patch(id, { name: '张三丰' });
    await b.entity('customer').patch(id, { phone: '020-87654321' });
    assert.equal(a.sync!.status.state, 'offline');
    assert.equal(a.sync!.status.pending, 1);
    await a.sync!.start();
    await a.sync!.awaitInSync();
    await b.sync!.start();
    await b.sync!.awaitInSync();
    for (const store of [a, b]) {
      await eventually(async () => {
        const record = await store.entity('customer').get(id);
        assert.equal(record?.name, '张三丰');
        assert.equal(record?.phone, '020-87654321');
        assert.equal(record?.remark, 'base');
      });
    }
    assert.deepEqual(await b.conflicts!.list(), []);
    await eventually(() => assert.deepEqual([a.sync!.status.state, a.sync!.status.pending], ['idle', 0]));
    await close(a, b);
  });

  it('keeps the losing edit of the same field as a conflict, resolved by choosing it, with an audit entry', async () => {
    const [a, b] = [await client('admin.wang'), await client('manager.li')];
    const id = await sharedCustomer(a, b);
    await a.entity('customer').patch(id, { remark: 'from A' });
    await b.entity('customer').patch(id, { remark: 'from B <script>' });
    await a.sync!.start();
    await a.sync!.awaitInSync();
    await b.sync!.start();
    await b.sync!.awaitInSync();
    await eventually(async () => assert.equal((await b.entity('customer').get(id))?.remark, 'from A'));
    await (b.conflicts as SyncConflicts).settled();
    const [conflict] = await b.conflicts!.list();
    assert.ok(conflict, 'the client whose edit lost has a conflict');
    assert.deepEqual(
      [conflict.entity, conflict.recordId, conflict.kind, conflict.fields],
      ['customer', id, 'edit', [{ field: 'remark', local: '"from B <script>"', server: '"from A"', base: '"base"' }]],
    );
    assert.deepEqual(await a.conflicts!.list(), []);
    await assert.rejects(b.conflicts!.resolve(conflict.id, { name: 'local' }), { code: 'invalid-choice' });

    const saved = await b.conflicts!.resolve(conflict.id, { remark: 'local' });
    assert.equal(saved.remark, 'from B <script>');
    assert.deepEqual(await b.conflicts!.list(), []);
    assert.equal((await b.conflicts!.list({ all: true }))[0].choices?.remark, 'local');
    const history = await b.history('customer', id);
    const resolution = history.find(
      (e) => e.user?.id === 'manager.li' && e.action === 'update' && e.changes.some((c) => c.to === 'from B <script>'),
    );
    assert.ok(resolution, 'the resolution is in the audit trail');
    await b.sync!.awaitInSync();
    // Both clients end with the chosen value, and A sees B's audit entries through replication.
    await eventually(async () => {
      assert.equal((await a.entity('customer').get(id))?.remark, 'from B <script>');
      const entries = await a.history('customer', id);
      assert.ok(
        entries.some((e) => e.user?.id === 'manager.li' && e.changes.some((c) => c.to === 'from B <script>')),
        'A has B’s audit entry',
      );
    });
    await close(a, b);
  });

  it('refuses a protected field written straight to the server, and reports a refused sync write', async () => {
    const customer = await bed.server.request('POST', 'kehu', {
      _id: 'customer|refuse-1',
      e: 'customer',
      t: 0,
      d: {
        id: 'refuse-1',
        name: '李四',
        type: 'consumer',
        salesRep: 'sales.chen',
        organisation: 'sh',
        creditLimit: 1000,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _v: 0, // customer is at version 0: a higher `_v` would make the record read-only here (decision 0013)
      },
    });
    assert.equal(customer.status, 201);
    // Sales advisers write to their own database (read scope, decision 0007); the record reaches it from the master.
    const own = `${userDatabaseName('sales.chen')}/customer%7Crefuse-1`;
    let current: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- a CouchDB document
    await eventually(async () => {
      const got = await bed.server.request('GET', own, undefined, demoUser('sales.chen'));
      assert.equal(got.status, 200);
      current = got.json;
    });
    const put = await bed.server.request(
      'PUT',
      own,
      { ...current, d: { ...current.d, creditLimit: 999999 } },
      demoUser('sales.chen'),
    );
    assert.equal(put.status, 403);
    assert.equal(put.json.error, 'forbidden');
    assert.match(put.json.reason, /creditLimit/);
    assert.match(put.json.reason, /信用额度/);
    const allowed = await bed.server.request(
      'PUT',
      own,
      { ...current, d: { ...current.d, remark: 'ok' } },
      demoUser('sales.chen'),
    );
    assert.equal(allowed.status, 201, 'a field the role may write passes');
    const preflight = await fetch(`${bed.server.url}kehu/_changes`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8000', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(
      preflight.headers.get('access-control-allow-origin'),
      'http://localhost:8000',
      'the demo origin may sync',
    );
    const created = await bed.server.request('PUT', 'kehu-evil', undefined, demoUser('sales.chen'));
    assert.equal(created.status, 403, 'only the server admin creates databases');

    // A client that does not enforce roles itself: the server refuses, the store says why and keeps the value.
    const c = await client('sales.chen', false);
    await eventually(async () => assert.equal((await c.entity('customer').get('refuse-1'))?.remark, 'ok'));
    await c.entity('customer').patch('refuse-1', { creditLimit: 5 });
    await eventually(async () => assert.match(c.sync!.status.lastError?.en ?? '', /Credit limit \(creditLimit\)/));
    assert.match(c.sync!.status.lastError!['zh-CN'], /信用额度/);
    await (c.conflicts as SyncConflicts).settled();
    await eventually(async () => assert.equal((await c.entity('customer').get('refuse-1'))?.creditLimit, 1000));
    const [refused] = await c.conflicts!.list();
    assert.equal(refused.kind, 'refused');
    assert.deepEqual(refused.fields, [{ field: 'creditLimit', local: '5', server: '1000' }]);
    assert.match(refused.reason ?? '', /creditLimit/);
    await close(c);
  });

  it('replicates 10,000 customers to a fresh client with equal counts and checksums', async () => {
    const customer = shippedEntities.find((e) => e.name === 'customer')!;
    const at = '2026-03-01T08:00:00.000Z';
    for (let batch = 0; batch < 5; batch++) {
      const docs = Array.from({ length: 2000 }, (_, i) => {
        const n = batch * 2000 + i;
        const record = {
          id: newId(),
          code: `BULK${String(n).padStart(6, '0')}`,
          name: `客户 ${n} <b>`,
          type: n % 2 ? 'b2b' : 'consumer',
          organisation: 'sh',
          remark: 'x'.repeat(n % 50),
          createdAt: at,
          updatedAt: at,
          _v: customer.version,
        } as KehuRecord;
        const { pk, ...rest } = toPhysical(customer, record);
        return { _id: pk, ...rest };
      });
      const { status } = await bed.server.request('POST', 'kehu/_bulk_docs', { docs });
      assert.equal(status, 201);
    }
    const { json } = await bed.server.request('GET', 'kehu/_all_docs?include_docs=true');
    const onServer = (json.rows as { doc: { e?: string; t?: number; d: Record<string, unknown> } }[])
      .filter((row) => row.doc.e === 'customer' && row.doc.t === 0)
      .map((row) => row.doc.d);
    assert.ok(onServer.length >= 10000, 'the server holds the seeded customers');

    const started = Date.now();
    const fresh = await client('admin.wang');
    await fresh.sync!.awaitInSync();
    await eventually(async () => assert.equal(await fresh.entity('customer').count(), onServer.length), 30000);
    const elapsed = Date.now() - started;
    console.log(`replicated ${onServer.length} customers to a fresh client in ${elapsed} ms`);
    const local = await fresh.entity<Record<string, unknown>>('customer').find();
    assert.equal(local.length, onServer.length);
    assert.equal(contentChecksum(local), contentChecksum(onServer));
    assert.equal(fresh.sync!.status.pending, 0);
    await close(fresh);
  });
});
