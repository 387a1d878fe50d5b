import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRxDatabase, getChangedDocumentsSinceQuery, prepareQuery, type RxCollection, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getKehuDexieStorage, steppedCount } from './dexie-storage.js';
import { prepared } from './read-once.js';
import { numberedDatabase } from '../test-support/indexed-db.js';
import type { PhysicalRecord } from './physical.js';

/** A collection with a boolean index (stored by Dexie as '1'/'0'), so both of RxDB's conversions run. */
const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 40 },
    flag: { type: 'boolean' },
  },
  required: ['id', 'name', 'flag'],
  indexes: [['flag', 'name']],
} as const;

/** Keys Dexie cannot store as they are (`|x` becomes `__x`), at every depth, in arrays too. */
const documents = [
  { id: 'a', name: 'a', flag: true, '|pipe': 1, plain: { '|x': { __y: [{ '|z': 2, w: 3 }] } }, 'dot.|ted': 4 },
  { id: 'b', name: 'b', flag: true, __under: 'kept?', list: [[{ '|deep': true }]] },
  { id: 'c', name: 'c', flag: false, note: '|value|' },
  { id: 'd', name: 'd', flag: true },
];

let counter = 0;
async function open(storage: RxStorage<unknown, unknown>) {
  const database = await createRxDatabase({ name: `dexie-storage-${Date.now()}-${counter++}`, storage });
  const { docs } = await database.addCollections({ docs: { schema } });
  await docs.bulkInsert(documents);
  return { database, docs: docs as unknown as RxCollection<PhysicalRecord> };
}

/** What a storage answers, without the fields each database stamps for itself. */
async function answer(docs: RxCollection<PhysicalRecord>, options: { skip?: number; limit?: number }) {
  const query = prepared(
    docs.schema.jsonSchema,
    { selector: { flag: true } as never, sort: [{ name: 'asc' } as never], ...options },
    false,
  );
  const { documents: found } = await docs.storageInstance.query(query);
  const own = found as unknown as Record<string, unknown>[];
  return JSON.stringify(own.map(({ _meta, _rev, ...rest }) => (void _meta, void _rev, rest)));
}

describe("Kehu's Dexie storage reads documents as RxDB's Dexie storage does", () => {
  it('turns stored keys and booleans back on its first-page, deep-page and RxDB paths, and counts a boolean index as RxDB does', async () => {
    const kehu = await open(getKehuDexieStorage({ indexedDB, IDBKeyRange }));
    const rxdb = await open(getRxStorageDexie({ indexedDB, IDBKeyRange }));
    try {
      for (const options of [{ limit: 10 }, { skip: 1, limit: 2 }, {}]) {
        const expected = await answer(rxdb.docs, options);
        assert.equal(await answer(kehu.docs, options), expected, JSON.stringify(options));
      }
      // Counts on the boolean index (stored as '1'/'0'): Kehu's stepped count of the plan's range.
      for (const flag of [true, false]) {
        const query = prepared(kehu.docs.schema.jsonSchema, { selector: { flag } as never }, true);
        assert.equal(query.queryPlan.selectorSatisfiedByIndex, true);
        const counted = await kehu.docs.storageInstance.count(query);
        assert.deepEqual(counted, { count: flag ? 3 : 1, mode: 'fast' }, `flag ${flag}`);
        assert.equal(counted.count, (await rxdb.docs.storageInstance.count(query)).count, `flag ${flag}`);
      }
      const [first] = JSON.parse(await answer(kehu.docs, { limit: 1 })) as Record<string, unknown>[];
      assert.deepEqual(first.plain, { '|x': { '|y': [{ '|z': 2, w: 3 }] } }, 'nested keys, as RxDB reverts them');
      assert.equal(first.flag, true);
      assert.equal(first._deleted, false);
    } finally {
      await kehu.database.close();
      await rxdb.database.close();
    }
  });
});

describe('steppedCount', () => {
  it('counts what one count request counts, for every step size and range shape', async () => {
    for (const size of [0, 1, 7, 12]) {
      const db = await numberedDatabase(indexedDB, `stepped-${counter++}`, size);
      const ranges: [string, IDBKeyRange | null][] = [
        ['everything', null],
        ['one kind', IDBKeyRange.bound(['a'], ['a', []])],
        ['from a key on', IDBKeyRange.lowerBound(['b', 'd000004'])],
        ['up to a key, open', IDBKeyRange.bound(['b'], ['b', 'd000008'], false, true)],
        ['up to a key, closed', IDBKeyRange.bound(['b'], ['b', 'd000008'])],
      ];
      for (const [shape, range] of ranges) {
        const index = () => db.transaction('docs', 'readonly').objectStore('docs').index('[kind+id]');
        const expected = await new Promise<number>((resolve) => {
          const request = index().count(range ?? undefined);
          request.onsuccess = () => resolve(request.result);
        });
        for (const step of [1, 2, 3, 4, 5, 7, 100]) {
          assert.equal(
            await steppedCount(index(), range, IDBKeyRange, step),
            expected,
            `${size} entries, ${shape}, step ${step}`,
          );
        }
      }
      db.close();
    }
  });

  it('refuses a step that is not a whole number of one or more', async () => {
    const db = await numberedDatabase(indexedDB, `stepped-${counter++}`, 3);
    const index = db.transaction('docs', 'readonly').objectStore('docs').index('[kind+id]');
    for (const step of [0, 2.5, -1]) assert.throws(() => steppedCount(index, null, IDBKeyRange, step), RangeError);
    db.close();
  });
});

describe('deep pages of the same range, with writes between them', () => {
  it("answer what RxDB's own storage answers after inserts before the page, removals and updates", async () => {
    const names = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${prefix}${i}`,
        name: `${prefix}${String(i).padStart(4, '0')}`,
        flag: true,
      }));
    const databases = await Promise.all(
      [getKehuDexieStorage({ indexedDB, IDBKeyRange }), getRxStorageDexie({ indexedDB, IDBKeyRange })].map(
        async (storage) => {
          const { database, docs } = await open(storage);
          await docs.bulkInsert(names('m', 300) as never);
          return { database, docs };
        },
      ),
    );
    const [kehu, rxdb] = databases;
    /** Both storages' pages at `skips`, asked for together (as a list asks for the pages in view). */
    const pages = async (skips: number[], step: string) => {
      const answers = await Promise.all(skips.map((skip) => answer(kehu.docs, { skip, limit: 7 })));
      for (const [i, skip] of skips.entries())
        assert.equal(answers[i], await answer(rxdb.docs, { skip, limit: 7 }), `${step}: skip ${skip}`);
    };
    /** The same change in both databases. */
    const both = (change: (docs: RxCollection<PhysicalRecord>) => Promise<unknown>) =>
      Promise.all(databases.map(({ docs }) => change(docs)));
    try {
      await pages([250, 257, 120, 299, 303], 'first walks');
      await both((docs) => docs.bulkInsert(names('a', 9) as never));
      await pages([250, 257, 120], 'after inserts before the page');
      await both((docs) => docs.find({ selector: { name: { $lt: 'm0100' } } as never }).remove());
      await pages([150, 157, 20], 'after removals');
      await both((docs) =>
        docs
          .findOne({ selector: { id: 'm200' } as never })
          .exec()
          .then((doc) => doc!.incrementalPatch({ flag: false } as never)),
      );
      await pages([150, 157, 20, 199], 'after an update moves a record out of the range');
    } finally {
      await kehu.database.close();
      await rxdb.database.close();
    }
  });
});

describe('changes since a checkpoint', () => {
  it("are the documents RxDB's own query finds, in its order, deleted ones included, for every page size", async () => {
    const kehu = await open(getKehuDexieStorage({ indexedDB, IDBKeyRange }));
    try {
      await kehu.docs.bulkInsert(
        ['e', 'f', 'g', 'h'].map((id) => ({ id, name: id, flag: id < 'g', '|p': id })) as never,
      );
      await (await kehu.docs.findOne('b').exec())!.remove();
      await (await kehu.docs.findOne('c').exec())!.incrementalPatch({ name: 'c2' } as never);
      const instance = kehu.docs.storageInstance;
      type Checkpoint = { id: string; lwt: number } | undefined;
      const viaQuery = async (limit: number, checkpoint: Checkpoint) => {
        const query = prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance, limit, checkpoint));
        return (await instance.query(query)).documents;
      };
      for (const limit of [1, 3, 100]) {
        let checkpoint: Checkpoint;
        const seen: string[] = [];
        for (let page = 0; page < 20; page++) {
          const answer = await instance.getChangedDocumentsSince!(limit, checkpoint);
          assert.equal(
            JSON.stringify(answer.documents),
            JSON.stringify(await viaQuery(limit, checkpoint)),
            `limit ${limit}, page ${page}`,
          );
          if (!answer.documents.length) break;
          seen.push(...answer.documents.map((doc) => (doc as unknown as { id: string }).id));
          checkpoint = answer.checkpoint as Checkpoint;
        }
        assert.deepEqual(
          [...seen].sort(),
          ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
          `every document once, limit ${limit}`,
        );
        assert.equal(seen.at(-1), 'c', 'the last change last');
      }
    } finally {
      await kehu.database.close();
    }
  });
});
