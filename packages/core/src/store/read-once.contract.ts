import type { RxStorage } from 'rxdb';
import { firstValueFrom } from 'rxjs';
import type { FindOptions } from './types.js';
import { createStore } from './create-store.js';
import { deepEqual, equal } from '../test-support/check.js';
import type { ContractFixtures } from './store.contract.js';

type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => Promise<void>) => void;

/**
 * One-shot `find()` and `count()` read straight from the storage (`read-once.ts`), while `find$()`
 * and `count$()` go through RxDB's live queries: both must answer the same, see every write that
 * has returned, and hand out records the caller may change. Runs wherever the store contract runs.
 */
export function readOnceContract(
  label: string,
  storage: () => RxStorage<unknown, unknown>,
  fixtures: ContractFixtures,
  describe: Suite,
  it: Test,
): void {
  let counter = 0;
  const open = () =>
    createStore({
      entities: [fixtures.order],
      storage: storage(),
      name: `read-once-${Date.now()}-${counter++}`,
      locale: 'en',
    });
  const order = (n: number) => ({
    plate: `京A${String(10000 + n)}`,
    status: n % 3 ? 'open' : 'done',
    openedOn: `2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
    amount: (n * 37) % 100,
    items: [{ task: `task ${n}`, hours: 1 }],
  });

  describe(`one-shot reads (${label})`, () => {
    it('sees each write that has returned, also after the same query ran before it', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const first = await repo.insert(order(1));
      deepEqual(
        (await repo.find()).map((r) => r.id),
        [first.id],
      );
      const second = await repo.insert(order(2));
      equal((await repo.find()).length, 2, 'the insert just made');
      equal(await repo.count(), 2);
      await repo.patch(first.id, { plate: '京B12345' });
      equal((await repo.find({ selector: { id: first.id } }))[0]?.plate, '京B12345', 'by id');
      equal((await repo.find({ sort: { field: 'plate', direction: 'desc' } }))[0]?.plate, '京B12345', 'by query');
      await repo.remove(second.id);
      deepEqual(
        (await repo.find()).map((r) => r.id),
        [first.id],
        'removed records are left out',
      );
      equal(await repo.count(), 1);
      equal(await repo.count({ selector: { status: 'done' } }), 0);
      await repo.restore(second.id);
      equal(await repo.count(), 2, 'restored');
      await store.close();
    });

    it('answers in the same order and shape as the live query, for every kind of query', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      await repo.bulkInsert(Array.from({ length: 30 }, (_, i) => order(i + 1)));
      const queries: FindOptions[] = [
        {},
        { sort: { field: 'number', direction: 'desc' }, limit: 7 },
        { sort: { field: 'number', direction: 'asc' }, skip: 5, limit: 4 },
        { sort: { field: 'updatedAt', direction: 'desc' }, limit: 10 },
        // Not indexed: sorted in memory after the read.
        { sort: { field: 'amount', direction: 'desc' }, skip: 2, limit: 6 },
        { selector: { status: 'done' }, sort: { field: 'number', direction: 'asc' } },
        { selector: { amount: { $gte: 50 } }, limit: 5 },
        { search: 'a1001' },
      ];
      for (const options of queries) {
        const once = await repo.find(options);
        const live = await firstValueFrom(repo.find$(options));
        // The JSON text: the same records, in the same order, with their keys in the same order.
        equal(JSON.stringify(once), JSON.stringify(live), JSON.stringify(options));
        equal(
          await repo.count(options),
          await firstValueFrom(repo.count$(options)),
          `count ${JSON.stringify(options)}`,
        );
      }
      await store.close();
    });

    it('hands out records the caller may change without changing the store', async () => {
      const store = await open();
      const repo = store.entity('maintenance-order');
      const saved = await repo.insert(order(3));
      for (const options of [{}, { selector: { id: saved.id } }, { limit: 1 }] as FindOptions[]) {
        const [found] = await repo.find(options);
        found.plate = 'changed';
        (found.items as { task: string }[])[0].task = 'changed';
      }
      const live = await firstValueFrom(repo.find$());
      live[0].plate = 'changed';
      deepEqual(await repo.find(), [saved]);
      deepEqual(await repo.get(saved.id), saved);
      await store.close();
    });
  });
}
