import type { RxStorage } from 'rxdb';
import { firstValueFrom, filter } from 'rxjs';
import type { JsonSchema } from '../entity/types.js';
import type { KehuValidationError, KehuError } from '../errors/errors.js';
import { createStore } from './create-store.js';
import { deepEqual, equal, ok, rejects } from '../test-support/check.js';

type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => Promise<void>) => void;

export interface ContractFixtures {
  /** The non-shipped fixture entity (maintenance-order.schema.json). */
  order: JsonSchema;
  /** A plain draft-07 schema without x-kehu hints (plain-contact.schema.json). */
  contact: JsonSchema;
}

/**
 * The store contract: what every storage must do the same. Runs in Node against the memory and
 * Dexie (fake-indexeddb) storages and in Chromium against Dexie on real IndexedDB.
 */
export function storeContract(
  label: string,
  storage: () => RxStorage<unknown, unknown>,
  fixtures: ContractFixtures,
  describe: Suite,
  it: Test,
): void {
  let counter = 0;
  const open = (
    entities: JsonSchema[] = [fixtures.order, fixtures.contact],
    name = `contract-${Date.now()}-${counter++}`,
    extra = {},
  ) => createStore({ entities, storage: storage(), name, locale: 'en', ...extra });
  const order = (n: number, more: Record<string, unknown> = {}) => ({
    plate: `京A${String(10000 + n)}`,
    status: 'open',
    openedOn: `2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
    amount: n * 10,
    ...more,
  });

  describe(`store contract (${label})`, () => {
    it('inserts a record with an id, timestamps and the next naming-series code, and reads it back', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const saved = await repo.insert(order(1));
      ok(saved.id, 'id generated');
      ok(/^WX\d{4}0001$/.test(String(saved.number)), `series code ${saved.number}`);
      equal(saved.createdAt, saved.updatedAt);
      const again = await repo.get(saved.id);
      deepEqual(again, saved);
      const next = await repo.insert(order(2));
      ok(String(next.number).endsWith('0002'), `second code ${next.number}`);
      await store.close();
    });

    it('rejects an invalid record with per-field messages in both locales and stores nothing', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const error = await rejects<KehuValidationError>(
        repo.insert({ plate: 'nonsense', status: 'lost', amount: -5, items: [{ task: 'oil', hours: 0 }] }),
        'KehuValidationError',
      );
      const paths = error.issues.map((i) => i.path.join('.')).sort();
      deepEqual(paths, ['amount', 'items.0.hours', 'openedOn', 'plate', 'status']);
      const openedOn = error.issues.find((i) => i.path[0] === 'openedOn')!;
      ok(openedOn.message.en.includes('Opened on'), openedOn.message.en);
      ok(openedOn.message['zh-CN'].includes('开单日期'), openedOn.message['zh-CN']);
      ok(error.message.includes('not saved'), error.message);
      equal(await repo.count(), 0);
      await store.close();
    });

    it('refuses a second record with the same unique value', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      await repo.insert(order(1, { number: 'WX-1' }));
      const error = await rejects<KehuValidationError>(
        repo.insert(order(2, { number: 'WX-1' })),
        'KehuValidationError',
      );
      equal(error.issues[0].keyword, 'unique');
      ok(error.issues[0].message['zh-CN'].includes('工单号'), error.issues[0].message['zh-CN']);
      equal(await repo.count(), 1);
      await store.close();
    });

    it('finds by selector, sorts both ways on indexed and other fields, pages and searches', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      await repo.bulkInsert(
        Array.from({ length: 30 }, (_, i) =>
          order(i, { status: i % 3 === 0 ? 'done' : 'open', items: [{ task: `task ${i}`, hours: 1 }] }),
        ),
      );
      equal(await repo.count(), 30);
      equal(await repo.count({ selector: { status: 'done' } }), 10);
      const desc = await repo.find({ sort: { field: 'amount', direction: 'desc' }, limit: 3 });
      deepEqual(
        desc.map((r) => r.amount),
        [290, 280, 270],
      );
      const asc = await repo.find({ sort: { field: 'amount', direction: 'asc' }, skip: 2, limit: 2 });
      deepEqual(
        asc.map((r) => r.amount),
        [20, 30],
      );
      const ranged = await repo.find({
        selector: { amount: { $gte: 100, $lt: 130 } },
        sort: { field: 'amount', direction: 'asc' },
      });
      deepEqual(
        ranged.map((r) => r.amount),
        [100, 110, 120],
      );
      const unindexed = await repo.find({ selector: { 'items.0.task': 'task 7' } });
      equal(unindexed.length, 1);
      const byPlate = await repo.find({ search: '京a10012' });
      deepEqual(
        byPlate.map((r) => r.amount),
        [120],
      );
      const byId = await repo.find({
        selector: { id: { $in: [desc[0].id, desc[1].id] } },
        sort: { field: 'amount', direction: 'asc' },
      });
      deepEqual(
        byId.map((r) => r.amount),
        [280, 290],
      );
      await store.close();
    });

    it('serves deep pages in order, both ways, and with a selector', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      await repo.bulkInsert(
        Array.from({ length: 400 }, (_, i) => order(i, { status: i % 2 ? 'open' : 'done' })),
        { batchSize: 150 },
      );
      const asc = await repo.find({ sort: { field: 'amount', direction: 'asc' }, skip: 350, limit: 3 });
      deepEqual(
        asc.map((r) => r.amount),
        [3500, 3510, 3520],
      );
      const desc = await repo.find({ sort: { field: 'amount', direction: 'desc' }, skip: 390, limit: 20 });
      deepEqual(
        desc.map((r) => r.amount),
        [90, 80, 70, 60, 50, 40, 30, 20, 10, 0],
      );
      const done = await repo.find({
        selector: { status: 'done' },
        sort: { field: 'amount', direction: 'asc' },
        skip: 150,
        limit: 2,
      });
      deepEqual(
        done.map((r) => r.amount),
        [3000, 3020],
      );
      equal((await repo.find({ sort: { field: 'amount', direction: 'asc' }, skip: 400, limit: 5 })).length, 0);
      await store.close();
    });

    it('patches valid changes and refuses invalid ones, leaving the record as it was', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const saved = await repo.insert(order(1));
      const patched = await repo.patch(saved.id, { status: 'done', amount: 99.5 });
      equal(patched.status, 'done');
      equal(patched.createdAt, saved.createdAt);
      await rejects(repo.patch(saved.id, { openedOn: 'yesterday' }), 'KehuValidationError');
      equal((await repo.get(saved.id))!.openedOn, saved.openedOn);
      await rejects<KehuError>(repo.patch('nope', { status: 'done' }), 'KehuError');
      await store.close();
    });

    it('removes softly and restores', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const saved = await repo.insert(order(1));
      await repo.remove(saved.id);
      equal(await repo.get(saved.id), null);
      equal(await repo.count(), 0);
      const back = await repo.restore(saved.id);
      equal(back.plate, saved.plate);
      equal(await repo.count(), 1);
      await store.close();
    });

    it('counts an entity whole without its removed records or records of entities named like it', async () => {
      const plain = (id: string) =>
        ({ $id: id, type: 'object', properties: { name: { type: 'string' } } }) as JsonSchema;
      // 'thing-a' and 'thing-ab' share a prefix; 'thing' sorts before both.
      const store = await open([plain('thing'), plain('thing-a'), plain('thing-ab')]);
      const [thing, a, ab] = ['thing', 'thing-a', 'thing-ab'].map((name) => store.entity(name));
      await a.bulkInsert(Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, name: `a${i}` })));
      await ab.bulkInsert(Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, name: `ab${i}` })));
      await thing.insert({ name: 'first' });
      await a.remove('a3');
      await a.remove('a7');
      equal(await a.count(), 10);
      equal(await ab.count(), 5);
      equal(await thing.count(), 1);
      const live = a.count$();
      const restored = firstValueFrom(live.pipe(filter((n) => n === 11)));
      equal(await firstValueFrom(live), 10);
      await a.restore('a3');
      equal(await restored, 11);
      equal(await a.count(), 11);
      equal(await a.count({ selector: { name: 'a3' } }), 1);
      equal(await store.entity('thing-ab').count({ search: 'ab4' }), 1);
      await store.close();
    });

    it('refuses a bulk insert that repeats a stored id, even a removed one, and takes ids around stored ones', async () => {
      const store = await open([{ $id: 'thing', type: 'object', properties: { name: { type: 'string' } } }]);
      const repo = store.entity('thing');
      await repo.bulkInsert([
        { id: 'b2', name: 'two' },
        { id: 'b4', name: 'four' },
        { id: 'b8', name: 'eight' },
      ]);
      await repo.remove('b8');
      // Between stored ids, none of them stored.
      equal(await repo.bulkInsert([{ id: 'b1' }, { id: 'b3' }, { id: 'b5' }]), 3);
      const error = await rejects<KehuError>(repo.bulkInsert([{ id: 'b6' }, { id: 'b4' }]), 'KehuError');
      ok(error.message.includes('"b4" already exists'), error.message);
      const removed = await rejects<KehuError>(repo.bulkInsert([{ id: 'b7' }, { id: 'b8' }]), 'KehuError');
      ok(removed.message.includes('"b8" already exists'), removed.message);
      equal(await repo.count(), 5);
      deepEqual(
        await repo.bulkUpsert([
          { id: 'b9', name: 'nine' },
          { id: 'b1', name: 'one' },
        ]),
        {
          inserted: 1,
          updated: 1,
          unchanged: 0,
        },
      );
      equal((await repo.get('b1'))?.name, 'one');
      await store.close();
    });

    it('writes nothing from a bulk insert with one bad row, and names the row', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const rows = Array.from({ length: 50 }, (_, i) => order(i));
      rows[37] = { ...rows[37], openedOn: '2024-02-30x' };
      const error = await rejects<KehuValidationError>(repo.bulkInsert(rows, { batchSize: 10 }), 'KehuValidationError');
      equal(error.issues[0].row, 37);
      ok(error.message.includes('row 38'), error.message);
      equal(await repo.count(), 0);
      await store.close();
    });

    it('keeps both of two changes made to one record at the same time', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const saved = await repo.insert(order(1));
      await Promise.all([repo.patch(saved.id, { status: 'done' }), repo.patch(saved.id, { amount: 77 })]);
      const after = (await repo.get(saved.id))!;
      equal(after.status, 'done');
      equal(after.amount, 77);
      await store.close();
    });

    it('refuses a bulk insert whose rows repeat an id, naming both rows, and writes nothing', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const rows = [order(1, { id: 'x1' }), order(2, { id: 'x2' }), order(3, { id: 'x1' }), order(4, { id: 'x3' })];
      const error = await rejects<KehuError>(repo.bulkInsert(rows, { batchSize: 2 }), 'KehuError');
      equal(error.code, 'duplicate-id');
      ok(error.message.includes('Rows 1 and 3'), error.message);
      equal(await repo.count(), 0);
      await store.close();
    });

    it('upserts by id', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const first = await repo.upsert({ id: 'fixed-1', ...order(1) });
      const second = await repo.upsert({ id: 'fixed-1', ...order(1), status: 'done', number: first.number });
      equal(second.status, 'done');
      equal(second.createdAt, first.createdAt);
      equal(await repo.count(), 1);
      await store.close();
    });

    it('keeps the naming-series code of a record replaced without one', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const first = await repo.upsert({ id: 'fixed-1', ...order(1) });
      const { number: _number, ...withoutCode } = first;
      equal((await repo.upsert({ ...withoutCode, status: 'done' })).number, first.number);
      deepEqual(await repo.bulkUpsert([{ ...withoutCode, status: 'open' }]), { inserted: 0, updated: 1, unchanged: 0 });
      const after = (await repo.get('fixed-1'))!;
      equal(after.number, first.number);
      equal(after.status, 'open');
      // A new record still takes the next code.
      ok(String((await repo.upsert({ id: 'fixed-2', ...order(2) })).number).endsWith('0002'));
      await store.close();
    });

    it('emits live results when another write changes them', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const seen = firstValueFrom(
        repo.find$({ selector: { status: 'done' } }).pipe(filter((rows) => rows.length === 1)),
      );
      await repo.insert(order(1));
      await repo.insert(order(2, { status: 'done' }));
      equal((await seen)[0].amount, 20);
      await store.close();
    });

    it('works with a plain draft-07 schema without Kehu hints', async () => {
      const store = await open();
      const repo = store.entity('plain-contact');
      const entity = repo.entity;
      equal(entity.titleField, 'fullName');
      equal(entity.field('fullName')!.label.en, 'Full name');
      equal(entity.field('newsletter')!.label.en, 'Newsletter');
      const saved = await repo.insert({ fullName: 'Li Lei', email: 'li@example.com', phone: '+86 138', tags: ['vip'] });
      ok(saved.id);
      const error = await rejects<KehuValidationError>(
        repo.insert({ fullName: 'x', phone: 'abc' }),
        'KehuValidationError',
      );
      equal(error.issues[0].path[0], 'phone');
      equal((await repo.find({ sort: { field: 'fullName', direction: 'desc' } }))[0].fullName, 'Li Lei');
      await store.close();
    });

    it('finds long indexed values exactly, though index keys are cut short', async () => {
      const store = await open();
      const repo = store.entity('plain-contact');
      const prefix = '上海市浦东新区张江高科技园区碧波路690号'.repeat(3);
      await repo.bulkInsert([{ fullName: `${prefix}甲` }, { fullName: `${prefix}乙` }, { fullName: '李雷' }]);
      deepEqual(
        (await repo.find({ selector: { fullName: `${prefix}乙` } })).map((r) => r.fullName),
        [`${prefix}乙`],
      );
      equal(await repo.count({ selector: { fullName: { $gte: prefix, $lte: `${prefix}甲` } } }), 2);
      equal(await repo.count({ selector: { fullName: '李雷' } }), 1);
      await store.close();
    });

    it('names the known entities when asked for an unknown one', async () => {
      const store = await open();
      const error = await rejects<KehuError>(
        Promise.resolve().then(() => store.entity('maintenance-ordr')),
        'KehuError',
      );
      ok(error.message.includes('did you mean "maintenance-order"'), error.message);
      await store.close();
    });

    it('holds more entities than RxDB has collections', async () => {
      const many = Array.from(
        { length: 20 },
        (_, i) => ({ $id: `thing-${i}`, type: 'object', properties: { name: { type: 'string' } } }) as JsonSchema,
      );
      const store = await open(many);
      for (let i = 0; i < 20; i++) await store.entity(`thing-${i}`).insert({ name: `n${i}` });
      equal(await store.entity('thing-19').count(), 1);
      equal((await store.entity('thing-3').find())[0].name, 'n3');
      await store.close();
    });

    it('keeps every record across a version bump with a migration', async () => {
      const name = `contract-migrate-${Date.now()}-${counter++}`;
      const v0 = {
        $id: 'pet',
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
      } as JsonSchema;
      const first = await open([v0], name);
      await first.entity('pet').bulkInsert(Array.from({ length: 1200 }, (_, i) => ({ name: `pet ${i}` })));
      await first.close();
      const v1 = {
        $id: 'pet',
        type: 'object',
        'x-kehu': { version: 1, indexes: ['nickname'] },
        properties: {
          name: { type: 'string' },
          nickname: { type: 'string', maxLength: 20 },
          legs: { type: 'integer', default: 4 },
        },
        required: ['name', 'nickname', 'legs'],
      } as JsonSchema;
      const migrations = {
        pet: { 1: (r: Record<string, unknown>) => ({ ...r, nickname: String(r.name).toUpperCase() }) },
      };
      const second = await open([v1], name, { migrations });
      const report = second.migrations.find((m) => m.entity === 'pet');
      ok(report, 'a migration report for pet');
      equal(report.from, 0);
      equal(report.records, 1200);
      equal(report.invalid.length, 0);
      const repo = second.entity('pet');
      equal(await repo.count(), 1200);
      const top = await repo.find({ sort: { field: 'nickname', direction: 'desc' }, limit: 1 });
      equal(top[0].nickname, 'PET 999');
      equal(top[0].legs, 4);
      equal(top[0]._v, 1);
      await second.close();
    });
  });
}
