import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/types.js';
import type { KehuError } from '../errors/errors.js';
import { demoUser } from './test-server.js';
import { syncTestBed } from './test-bed.js';
import type { SyncConflicts } from './conflicts.js';
import { eventually } from './test-checks.js';

// Naming-series codes across clients (decision 0012), against the real sync server process.

const bed = syncTestBed('codes');
const { close } = bed;
const client = (name: string, codeBlock: number) => bed.client(name, { replication: { batchSize: 500, codeBlock } });

const year = new Date().getFullYear();
const counterId = `series|customer|KH${year}|`;
const codeOf = (r: { code?: unknown }) => String(r.code);

/** Customers named `<tag>…`, as the store holds them. */
const tagged = async (store: Store, tag: string) =>
  (await store.entity<{ name: string; code: string }>('customer').find()).filter((c) => c.name.startsWith(tag));

const newCustomer = (store: Store, name: string) =>
  store.entity('customer').insert({ name, type: 'consumer', organisation: 'sh' });

describe('naming-series codes across clients', () => {
  it('reserves no codes for a user who cannot create records', async () => {
    const a = await client('admin.wang', 5);
    await a.sync!.awaitInSync();
    const before = await bed.server.request('GET', `kehu-series/${encodeURIComponent(counterId)}`);
    assert.equal(before.status, 200, 'a user who creates customers reserved a block');
    const auditor = await client('auditor.zhao', 5);
    await auditor.sync!.awaitInSync();
    const after = await bed.server.request('GET', `kehu-series/${encodeURIComponent(counterId)}`);
    assert.equal(after.json.next, before.json.next, 'the auditor took no block');
    await close(a, auditor);
  });

  it('two clients numbering customers at the same time never hand out one code', async () => {
    const [a, b] = [await client('admin.wang', 5), await client('manager.li', 5)];
    await Promise.all([a.sync!.awaitInSync(), b.sync!.awaitInSync()]);
    // 25 each, all at once: both clients run out of their blocks of 5 and reserve again, racing
    // for the same counter document on the server (the losers get a 409 and read again).
    const made = await Promise.all(
      Array.from({ length: 25 }, (_, i) => [newCustomer(a, `race-A${i}`), newCustomer(b, `race-B${i}`)]).flat(),
    );
    const codes = made.map(codeOf);
    assert.equal(new Set(codes).size, 50, `50 distinct codes, got ${codes.sort().join(' ')}`);
    for (const code of codes) assert.match(code, new RegExp(`^KH${year}\\d{5}$`));
    await Promise.all([a.sync!.awaitInSync(), b.sync!.awaitInSync()]);
    for (const store of [a, b]) {
      await eventually(async () => assert.equal((await tagged(store, 'race-')).length, 50, 'both hold all 50'));
      assert.deepEqual(await store.conflicts!.list(), [], 'no duplicate surfaced');
    }
    const counter = await bed.server.request('GET', `kehu-series/${encodeURIComponent(counterId)}`);
    assert.equal(counter.status, 200);
    const highest = Math.max(...codes.map((c) => Number(c.slice(-5))));
    assert.ok(counter.json.next > highest, 'the server counter is past every code handed out');
    await close(a, b);
  });

  it('an offline client numbers from its reserved block, then refuses in both languages until it reconnects', async () => {
    const [a, b] = [await client('admin.wang', 6), await client('manager.li', 6)];
    await Promise.all([a.sync!.awaitInSync(), b.sync!.awaitInSync()]);
    await b.sync!.stop();
    const offline = [];
    for (let i = 0; i < 6; i++) offline.push(await newCustomer(b, `off-B${i}`));
    const online = await Promise.all(Array.from({ length: 10 }, (_, i) => newCustomer(a, `off-A${i}`)));
    const refused = await newCustomer(b, 'off-B-late').then(
      () => assert.fail('a seventh customer offline has no code'),
      (error: KehuError) => error,
    );
    assert.equal(refused.code, 'codes-offline');
    assert.match(refused.message, /reserved.*Reconnect and save again, or enter the code by hand/);
    assert.match(refused.messageIn('zh-CN'), /预留的客户档案编号已用完.*恢复连接后重新保存，或手动填写客户编码/);
    assert.equal((await tagged(b, 'off-B-late')).length, 0, 'nothing was saved');
    // A code typed by hand is still accepted offline.
    await b
      .entity('customer')
      .insert({ code: `HAND-${Date.now()}`, name: 'off-B-hand', type: 'consumer', organisation: 'sh' });

    await b.sync!.start();
    const late = await newCustomer(b, 'off-B-late');
    await Promise.all([a.sync!.awaitInSync(), b.sync!.awaitInSync()]);
    const codes = [...offline, ...online, late].map(codeOf);
    assert.equal(new Set(codes).size, codes.length, `distinct: ${codes.sort().join(' ')}`);
    for (const store of [a, b]) {
      await eventually(async () => assert.equal((await tagged(store, 'off-')).length, 18, 'both hold all 18'));
      const stored = (await tagged(store, 'off-')).map(codeOf);
      assert.equal(new Set(stored).size, 18, 'no two stored customers share a code');
      await (store.conflicts as SyncConflicts).settled();
      assert.deepEqual(await store.conflicts!.list(), []);
    }
    await close(a, b);
  });

  it('two records that still end up with one code are surfaced as a duplicate on both clients', async () => {
    const [a, b] = [await client('admin.wang', 5), await client('manager.li', 5)];
    await Promise.all([a.sync!.stop(), b.sync!.stop()]);
    const code = `DUP-${Date.now()}`;
    const x = await a.entity('customer').insert({ code, name: 'dup-A', type: 'consumer', organisation: 'sh' });
    const y = await b.entity('customer').insert({ code, name: 'dup-B', type: 'consumer', organisation: 'sh' });
    await a.sync!.start();
    await a.sync!.awaitInSync();
    await b.sync!.start();
    await b.sync!.awaitInSync();
    await a.sync!.awaitInSync();
    for (const store of [a, b]) {
      await eventually(async () => {
        await (store.conflicts as SyncConflicts).settled();
        const [conflict] = await store.conflicts!.list();
        assert.ok(conflict, 'a duplicate conflict');
        assert.equal(conflict.kind, 'duplicate');
        assert.equal(conflict.entity, 'customer');
        assert.deepEqual(conflict.fields, [{ field: 'code', server: JSON.stringify(code) }]);
        assert.ok(conflict.reason?.includes(x.id) && conflict.reason.includes(y.id), 'names both records');
        assert.match(conflict.reason ?? '', /give one of them a new code/);
        assert.match(conflict.reason ?? '', /请为其中一条改用新的/);
      });
      assert.equal((await tagged(store, 'dup-')).length, 2, 'both records are kept');
    }
    // The user renames one and closes the conflict.
    await b.entity('customer').patch(y.id, { code: `${code}-2` });
    const [conflict] = await b.conflicts!.list();
    await b.conflicts!.resolve(conflict.id, {});
    assert.deepEqual(await b.conflicts!.list(), []);
    await close(a, b);
  });

  it('the server moves a counter only forward and keeps it', async () => {
    const id = encodeURIComponent(`series|customer|ZZ${year}|`);
    const created = await bed.server.request('PUT', `kehu-series/${id}`, { next: 10 }, demoUser('sales.chen'));
    assert.equal(created.status, 201);
    const back = await bed.server.request(
      'PUT',
      `kehu-series/${id}`,
      { _rev: created.json.rev, next: 5 },
      demoUser('sales.chen'),
    );
    assert.equal(back.status, 403);
    assert.match(back.json.reason, /only moves forward/);
    assert.match(back.json.reason, /只能递增/);
    const stale = await bed.server.request('PUT', `kehu-series/${id}`, { next: 20 }, demoUser('sales.chen'));
    assert.equal(stale.status, 409, 'a write without the current _rev loses (MVCC)');
    const gone = await bed.server.request(
      'DELETE',
      `kehu-series/${id}?rev=${created.json.rev}`,
      undefined,
      demoUser('sales.chen'),
    );
    assert.equal(gone.status, 403);
    const junk = await bed.server.request('PUT', 'kehu-series/other', { next: 1 }, demoUser('sales.chen'));
    assert.equal(junk.status, 403);
    const anonymous = await fetch(`${bed.server.url}kehu-series/${id}`, { method: 'PUT', body: '{"next":99}' });
    assert.ok([401, 403].includes(anonymous.status), 'anonymous writes are refused');
  });
});
