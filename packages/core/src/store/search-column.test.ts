import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, filter, type Observable } from 'rxjs';
import { shippedStore } from '../test-support/shipped-store.js';
import { plainSearch } from './query.js';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { rerunOnChange, searchTest } from './search-reads.js';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getKehuDexieStorage } from './dexie-storage.js';
import type { FindOptions, Store, StoreOptions } from './types.js';

const SIZE = 1200;
const surnames = ['张', '王', '李', '赵', '刘'];
const given = ['伟', '芳', '娜', '强', '磊', '军', '洋', '勇'];

/** Customers whose names share words in many proportions: 张 in a fifth, 建国 in a seventh, 伟 in an eighth. */
const customers = Array.from({ length: SIZE }, (_, i) => ({
  id: `c${String(i).padStart(4, '0')}`,
  name: `${surnames[i % 5]}${given[i % 8]}${i % 7 === 0 ? '建国' : ''}`,
  type: (i % 4 ? 'consumer' : 'b2b') as 'consumer' | 'b2b',
  importance: (['vip', 'important', 'normal'] as const)[i % 3],
  mobile: `138${String((i * 7919) % 100_000_000).padStart(8, '0')}`,
  remark: `备注 ${(i * 31) % 97}`,
}));

/** The searches compared: rare and common words, several words, filters, sorts, pages, and the whole-value rule. */
const searches: FindOptions[] = [
  { search: '张' },
  { search: '张伟' },
  { search: '建国' },
  { search: '张 建国' },
  { search: '赵娜建国 ' },
  { search: 'zzz' },
  { search: '138' },
  { search: '138', limit: 20, skip: 600 },
  { search: '张', selector: { importance: 'vip' } },
  { search: '138', selector: { importance: 'vip' } },
  { search: '张', sort: { field: 'name', direction: 'asc' }, skip: 5, limit: 7 },
  { search: '伟', sort: { field: 'updatedAt', direction: 'desc' }, limit: 10 },
  { search: '李', sort: { field: 'remark', direction: 'desc' }, skip: 3, limit: 12 },
  { search: customers[77].mobile },
  { search: customers[77].mobile.slice(-4) },
  { search: customers[77].mobile, [plainSearch]: true } as FindOptions,
  { search: customers[77].mobile.slice(-4), [plainSearch]: true } as FindOptions,
  { search: `刘 ${customers[78].mobile}`, [plainSearch]: true } as FindOptions,
];

const ids = (records: { id: string }[]) => records.map((r) => r.id);

/** Two stores of the same customers: one reads the storage for every search, one its search column. */
async function pair(storage?: () => StoreOptions['storage']): Promise<{ plain: Store; column: Store }> {
  const [plain, column] = await Promise.all([
    shippedStore('search-plain', [], { searchInMemory: false, ...(storage ? { storage: storage() } : {}) }),
    shippedStore('search-column', [], storage ? { storage: storage() } : {}),
  ]);
  for (const store of [plain, column]) await store.entity('customer').bulkInsert(customers);
  await column.entity('customer').searchReady();
  return { plain, column };
}

/** The same change in both stores. */
const customersOf = (store: Store) => store.entity('customer');

async function both(stores: Store[], change: (customers: ReturnType<typeof customersOf>) => Promise<unknown>) {
  for (const store of stores) await change(customersOf(store));
}

async function assertSameAnswers(plain: Store, column: Store, when: string) {
  for (const options of searches) {
    const what = `${when}: ${JSON.stringify(options)}${(options as Record<symbol, unknown>)[plainSearch] ? ' (whole values)' : ''}`;
    const [expected, got] = await Promise.all([
      plain.entity('customer').find(options),
      column.entity('customer').find(options),
    ]);
    assert.deepEqual(ids(got), ids(expected), `find ${what}`);
    const count = { search: options.search, selector: options.selector, ...options } as FindOptions;
    delete count.skip;
    delete count.limit;
    assert.equal(
      await column.entity('customer').count(count),
      await plain.entity('customer').count(count),
      `count ${what}`,
    );
  }
}

/** The next value `source` emits that passes `accept`. */
const next = <T>(source: Observable<T>, accept: (value: T) => boolean) => firstValueFrom(source.pipe(filter(accept)));

describe('quick search from the search column', () => {
  for (const [name, storage] of [
    ['memory', undefined],
    ["Kehu's Dexie storage", () => getKehuDexieStorage({ indexedDB, IDBKeyRange })],
  ] as const)
    it(`answers every search as the storage does, and still after inserts, edits and removals (${name})`, async () => {
      const { plain, column } = await pair(storage);
      try {
        await assertSameAnswers(plain, column, 'as stored');
        const stores = [plain, column];
        await both(stores, (repo) =>
          repo.bulkInsert([
            { id: 'n1', name: '张建国', type: 'consumer' },
            { id: 'n2', name: '欧阳娜', type: 'b2b', mobile: '13900001111' },
          ]),
        );
        await both(stores, (repo) => repo.patch('c0000', { name: '孙悟空' }));
        await both(stores, (repo) => repo.remove('c0005'));
        await both(stores, (repo) => repo.bulkUpsert([{ id: 'c0010', name: '张三丰', type: 'consumer' }]));
        await assertSameAnswers(plain, column, 'after writes');
        assert.deepEqual(ids(await column.entity('customer').find({ search: '孙悟空' })), ['c0000']);
        assert.deepEqual(ids(await column.entity('customer').find({ search: '欧阳 1111' })), ['n2']);
      } finally {
        await Promise.all([plain.close(), column.close()]);
      }
    });

  it('keeps live searches and counts current as records change', async () => {
    const { plain, column } = await pair();
    try {
      const repo = column.entity('customer');
      const found$ = repo.find$({ search: '建国', sort: { field: 'name', direction: 'asc' }, limit: 500 });
      const count$ = repo.count$({ search: '建国' });
      const before = await plain.entity('customer').count({ search: '建国' });
      assert.equal(await firstValueFrom(count$), before);
      assert.equal((await firstValueFrom(found$)).length, before);
      const grown = next(count$, (n) => n === before + 1);
      const listed = next(found$, (records) => ids(records).includes('n3'));
      await repo.insert({ id: 'n3', name: '陈建国', type: 'consumer' });
      assert.equal(await grown, before + 1);
      assert.equal((await listed).length, before + 1);
      const shrunk = next(count$, (n) => n === before);
      await repo.patch('n3', { name: '陈国' });
      assert.equal(await shrunk, before);
    } finally {
      await Promise.all([plain.close(), column.close()]);
    }
  });

  it('answers from the column, not by scanning the storage, once it is built', async () => {
    const base = getRxStorageMemory();
    let scans = 0;
    // The memory storage, counting the queries that test search text (a scan of the entity's records).
    const storage = {
      ...base,
      async createStorageInstance(params: Parameters<typeof base.createStorageInstance>[0]) {
        const instance = await base.createStorageInstance(params);
        const query = instance.query.bind(instance);
        instance.query = (prepared) => {
          if (JSON.stringify(prepared.query.selector).includes('$regex')) scans++;
          return query(prepared);
        };
        return instance;
      },
    } as typeof base;
    const store = await shippedStore('search-scans', [], { storage });
    try {
      const repo = store.entity('customer');
      await repo.bulkInsert(customers.slice(0, 300));
      await repo.searchReady();
      assert.deepEqual(ids(await repo.find({ search: '建国', limit: 5 })), [
        'c0000',
        'c0007',
        'c0014',
        'c0021',
        'c0028',
      ]);
      assert.equal(await repo.count({ search: 'zzz' }), 0);
      assert.equal(await repo.count({ search: '张', selector: { importance: 'vip' } }), 20);
      assert.equal(scans, 0, 'no search read the storage');
      assert.equal((await repo.find({ search: '138', limit: 3 })).length, 3);
      assert.equal(scans, 0, 'under 1,000 matches: read by id');
    } finally {
      await store.close();
    }
  });

  it('holds every live record after a build of several steps with writes in between', async () => {
    const store = await shippedStore('search-build', []);
    try {
      const repo = store.entity('customer');
      // Two bulk inserts: thousands of records share each updatedAt, so the build's steps go by id.
      const many = Array.from({ length: 4300 }, (_, i) => ({ ...customers[i % SIZE], id: `m${i}` }));
      await repo.bulkInsert(many.slice(0, 2500));
      await repo.bulkInsert(many.slice(2500));
      const building = repo.searchReady();
      for (let i = 0; i < 30; i++) await repo.patch(`m${i * 97}`, { name: `改名${i}` });
      for (let i = 0; i < 10; i++) await repo.remove(`m${i * 131 + 1}`);
      await building;
      assert.equal(await repo.count({ search: '138' }), await repo.count(), 'every live record, once');
      assert.equal(await repo.count({ search: '改名' }), 30);
      assert.equal(await repo.count({ search: customers[(131 + 1) % SIZE].mobile }), 3, 'removed records are gone');
    } finally {
      await store.close();
    }
  });

  it('is not built when the store is opened with searchInMemory: false', async () => {
    const store = await shippedStore('search-off', [], { searchInMemory: false });
    try {
      await store.entity('customer').bulkInsert(customers.slice(0, 20));
      await store.entity('customer').searchReady();
      assert.equal(await store.entity('customer').count({ search: '张' }), 4);
    } finally {
      await store.close();
    }
  });
});

describe('rerunOnChange', () => {
  it('answers after every read while changes keep coming, one read at a time, the last change included', async () => {
    const changes = new Subject<number>();
    let version = 0;
    let running = 0;
    let most = 0;
    const answers: number[] = [];
    const read = async () => {
      running++;
      most = Math.max(most, running);
      const seen = version;
      await new Promise((resolve) => setTimeout(resolve, 40)); // a read slower than the changes
      running--;
      return seen;
    };
    const subscription = rerunOnChange(changes, read, 5).subscribe((answer) => answers.push(answer));
    for (let i = 1; i <= 30; i++) {
      version = i;
      changes.next(i);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const during = answers.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    subscription.unsubscribe();
    assert.ok(during >= 4, `answers kept coming while changes did (${during} in 300 ms)`);
    assert.equal(most, 1, 'never two reads at once');
    assert.equal(answers.at(-1), 30, 'the last change is in the last answer');
  });
});

describe('rerunOnChange, once unsubscribed', () => {
  it('starts no more reads', async () => {
    const changes = new Subject<number>();
    let reads = 0;
    const read = async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return reads;
    };
    const subscription = rerunOnChange(changes, read, 5).subscribe();
    changes.next(1); // during the first read: would ask for one more
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(reads, 1);
  });
});

describe('searchTest', () => {
  it("tests text as RxDB's $regex conditions do, and declines conditions it does not know", () => {
    const test = searchTest([{ s: { $regex: 'a' } }, { $or: [{ s: { $regex: '^x' } }, { s: { $regex: 'y$' } }] }]);
    assert.ok(test);
    assert.equal(test('xa'), true);
    assert.equal(test('ay'), true);
    assert.equal(test('za'), false, 'the $or fails');
    assert.equal(test('xy'), false, 'the first word is missing');
    assert.equal(searchTest([{ s: { $regex: 'a', $options: 'i' } }]), undefined);
    assert.equal(searchTest([{ d: { $regex: 'a' } }]), undefined);
    assert.equal(searchTest([]), undefined);
  });
});
