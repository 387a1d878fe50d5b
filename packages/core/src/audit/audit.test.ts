import { describe, it } from 'node:test';
import { deepEqual, equal, ok, rejects } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { firstValueFrom, filter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { toPhysical } from '../store/physical.js';
import { changeLogOf } from './change-log.js';
import type { ChangeEntry } from './types.js';

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
let n = 0;
const open = (user?: { id: string; name?: string }) =>
  createStore({
    name: `audit-${++n}-${Date.now()}`,
    storage: getRxStorageMemory(),
    entities: [schema('customer-class'), schema('customer-level'), schema('customer')],
    user,
  });
const actions = (entries: ChangeEntry[]) => entries.map((e) => e.action);

describe('audit trail', () => {
  it('records who, when and what for insert, patch, remove and restore, newest first', async () => {
    const store = await open({ id: 'u1', name: '张三' });
    const customers = store.entity('customer');
    const before = new Date().toISOString();
    const saved = await customers.insert({ name: '李四', type: 'consumer', importance: 'normal' });
    await customers.patch(saved.id, { importance: 'vip' });
    await customers.remove(saved.id);
    await customers.restore(saved.id);
    const history = await store.history('customer', saved.id);
    deepEqual(actions(history), ['restore', 'remove', 'update', 'create']);
    for (const entry of history) {
      deepEqual(entry.user, { id: 'u1', name: '张三' });
      equal(entry.entity, 'customer');
      equal(entry.recordId, saved.id);
      ok(entry.at >= before && entry.at <= new Date().toISOString(), entry.at);
    }
    deepEqual(history[2].changes, [{ path: ['importance'], from: 'normal', to: 'vip' }]);
    deepEqual(history[0].changes, []);
    equal(store.user?.name, '张三');
    await store.close();
  });

  it('diffs nested objects and child rows of a patch', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({
      name: '王五',
      type: 'b2b',
      bankAccount: { bank: '工商银行', accountNumber: '6222021234567890' },
      contacts: [{ name: '甲' }, { name: '乙' }],
    });
    await customers.patch(saved.id, {
      bankAccount: { bank: '建设银行', accountNumber: '6222021234567890' },
      contacts: [{ name: '乙', title: '经理' }],
    });
    const [update] = await store.history('customer', saved.id);
    deepEqual(update.changes, [
      { path: ['bankAccount', 'bank'], from: '工商银行', to: '建设银行' },
      {
        path: ['contacts'],
        rows: [
          { kind: 'changed', index: 0, changes: [{ path: ['title'], to: '经理' }] },
          { kind: 'removed', index: 0, from: { name: '甲' } },
        ],
      },
    ]);
    equal(update.user, undefined);
    await store.close();
  });

  it('writes nothing for a patch or upsert that changes nothing', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '赵六', type: 'consumer' });
    const same = await customers.patch(saved.id, { name: '赵六' });
    equal(same.updatedAt, saved.updatedAt);
    await customers.upsert({ ...saved });
    await customers.restore(saved.id);
    deepEqual(actions(await store.history('customer', saved.id)), ['create']);
    await store.close();
  });

  it('logs an upsert of an existing record as an update with its diff', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '孙七', type: 'consumer' });
    await customers.upsert({ ...saved, name: '孙七七' });
    const [update] = await store.history('customer', saved.id);
    equal(update.action, 'update');
    deepEqual(update.changes, [{ path: ['name'], from: '孙七', to: '孙七七' }]);
    await store.close();
  });

  it('writes no entry for a refused write', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '周八', type: 'consumer' });
    await rejects(customers.patch(saved.id, { type: 'nonsense' as 'b2b' }));
    deepEqual(actions(await store.history('customer', saved.id)), ['create']);
    await store.close();
  });

  it('gives copies: changing a returned entry does not change the log', async () => {
    const store = await open({ id: 'u1' });
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '吴九', type: 'consumer' });
    await customers.patch(saved.id, { name: '吴十' });
    const first = await store.history('customer', saved.id);
    first[0].changes[0].to = 'forged';
    first[0].user!.id = 'intruder';
    first.pop();
    const again = await store.history('customer', saved.id);
    equal(again.length, 2);
    equal(again[0].changes[0].to, '吴十');
    equal(again[0].user!.id, 'u1');
    // The store offers no way to write, change or drop entries.
    const api = store as unknown as Record<string, unknown>;
    for (const name of ['addChange', 'updateHistory', 'removeHistory', 'changes', 'changeLog'])
      equal(typeof api[name] === 'function', false, name);
    await store.close();
  });

  it('logs every record of a bulk insert, one group entry per batch, with author and version', async () => {
    const store = await open({ id: 'u1', name: '张三' });
    const customers = store.entity('customer');
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `c${i}`, name: `客户${i}`, type: 'consumer' as const }));
    equal(await customers.bulkInsert(rows, { batchSize: 1000 }), 2500);
    equal(await changeLogOf(store)!.changes.count().exec(), 3, 'three entries for three batches, not 2,500');
    for (const id of ['c0', 'c999', 'c1000', 'c1500', 'c2499']) {
      const [created, ...rest] = await store.history('customer', id);
      deepEqual(rest, [], id);
      equal(created.action, 'create', id);
      equal(created.recordId, id);
      deepEqual(created.user, { id: 'u1', name: '张三' });
      equal(created.version, (await customers.get(id))!.updatedAt, 'no unrecorded gap');
    }
    // A later change comes on top of the group's create entry.
    await customers.patch('c1500', { name: '改名' });
    deepEqual(actions(await store.history('customer', 'c1500')), ['update', 'create']);
    await store.close();
  });

  it('finds the create entry of every record when a bulk write is given ids in no order', async () => {
    const store = await open();
    const customers = store.entity('customer');
    // Ids in shuffled order: each batch's group spans nearly the whole id range, so groups interleave.
    const ids = Array.from({ length: 1200 }, (_, i) => `id-${String((i * 7919) % 1200).padStart(4, '0')}`);
    await customers.bulkInsert(
      ids.map((id) => ({ id, name: `客户${id}`, type: 'consumer' })),
      { batchSize: 300 },
    );
    equal(await changeLogOf(store)!.changes.count().exec(), 4);
    for (const id of ['id-0000', 'id-0001', 'id-0599', 'id-1198', 'id-1199', ids[0], ids[299], ids[300]])
      deepEqual(actions(await store.history('customer', id)), ['create'], id);
    // A record with no entry at all, created at the same moment as a group, is not taken for one of it.
    const stray = await customers.get('id-0001');
    const raw = (
      store as unknown as { repositories: Map<string, { collection: { insert(d: unknown): Promise<unknown> } }> }
    ).repositories.get('customer')!.collection;
    await raw.insert({ ...toPhysical(store.entities.get('customer')!, { ...stray!, id: 'id-0500x' }) });
    deepEqual(actions(await store.history('customer', 'id-0500x')), ['unrecorded']);
    await store.close();
  });

  it('groups the creates of a bulk upsert and keeps a diff per updated record', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const { code } = await customers.insert({ id: 'old', name: '旧客户', type: 'consumer' });
    const result = await customers.bulkUpsert([
      { id: 'old', code, name: '旧客户改名', type: 'consumer' },
      ...Array.from({ length: 5 }, (_, i) => ({ id: `new${i}`, name: `新客户${i}`, type: 'consumer' as const })),
    ]);
    deepEqual(result, { inserted: 5, updated: 1, unchanged: 0 });
    // One create of its own (the insert), one update, one group of five creates.
    equal(await changeLogOf(store)!.changes.count().exec(), 3);
    const [update] = await store.history('customer', 'old');
    deepEqual(update.changes, [{ path: ['name'], from: '旧客户', to: '旧客户改名' }]);
    deepEqual(actions(await store.history('customer', 'new4')), ['create']);
    await store.close();
  });

  it('shows a record changed without an entry as unrecorded, not as a silent gap', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '郑一', type: 'consumer' });
    // Simulate a crash between the record write and the entry write: write the record alone.
    const raw = store as unknown as {
      repositories: Map<
        string,
        {
          collection: {
            findOne(k: string): {
              exec(): Promise<{ incrementalPatch(p: unknown): Promise<unknown>; _data: { d: object } }>;
            };
          };
        }
      >;
    };
    const doc = await raw.repositories.get('customer')!.collection.findOne(`customer|${saved.id}`).exec();
    await doc.incrementalPatch({ d: { ...doc._data.d, name: '郑二', updatedAt: '2030-01-01T00:00:00.000Z' } });
    const history = await store.history('customer', saved.id);
    deepEqual(actions(history), ['unrecorded', 'create']);
    equal(history[0].at, '2030-01-01T00:00:00.000Z');
    await store.close();
  });

  it('streams the history of a bulk-created record live, from its group entry', async () => {
    const store = await open();
    const customers = store.entity('customer');
    await customers.bulkInsert([
      { id: 'a', name: '甲', type: 'consumer' },
      { id: 'b', name: '乙', type: 'consumer' },
    ]);
    deepEqual(actions(await firstValueFrom(store.history$('customer', 'b'))), ['create']);
    const updated = firstValueFrom(store.history$('customer', 'b').pipe(filter((h) => h.length === 2)));
    await customers.patch('b', { name: '乙二' });
    deepEqual(actions(await updated), ['update', 'create']);
    await store.close();
  });

  it('streams the history live', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const saved = await customers.insert({ name: '钱二', type: 'consumer' });
    const updated = firstValueFrom(store.history$('customer', saved.id).pipe(filter((h) => h.length === 2)));
    await customers.patch(saved.id, { name: '钱三' });
    deepEqual(actions(await updated), ['update', 'create']);
    await store.close();
  });

  it('refuses the history of an unknown entity by name', async () => {
    const store = await open();
    await rejects(async () => store.history('custmer', 'x'), /customer/);
    await store.close();
  });
});
