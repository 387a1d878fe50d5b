import { describe, it } from 'node:test';
import { deepEqual, equal, ok, rejects } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { firstValueFrom, filter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
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

  it('logs every record of a bulk insert, in batches', async () => {
    const store = await open();
    const customers = store.entity('customer');
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `c${i}`, name: `客户${i}`, type: 'consumer' as const }));
    equal(await customers.bulkInsert(rows, { batchSize: 1000 }), 2500);
    deepEqual(actions(await store.history('customer', 'c2499')), ['create']);
    deepEqual(actions(await store.history('customer', 'c0')), ['create']);
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
