import type {
  DexieSettings,
  DexieStorageInternals,
  PreparedQuery,
  RxStorage,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
  getRxStorageDexie,
} from 'rxdb/plugins/storage-dexie';

type Internals = Awaited<DexieStorageInternals>;

/**
 * RxDB's Dexie storage serves `skip` by reading and deserialising every document before it: page
 * 1,000 of a 100k list read 100k documents. When the index covers both the selector and the sort,
 * this query skips with the native `IDBCursor.advance`, which walks index entries without reading
 * values, and then reads only `limit` documents. Every other query goes to RxDB unchanged.
 */
async function skipWithCursor<T>(state: Internals, prepared: PreparedQuery<T>): Promise<RxStorageQueryResult<T>> {
  const { query, queryPlan } = prepared;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const dexie = state.dexieDb as unknown as {
    _options: { IDBKeyRange: unknown };
    transaction: (...args: unknown[]) => Promise<void>;
  };
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, dexie._options.IDBKeyRange);
  } catch (error) {
    if ((error as Error).name === 'DataError') return { documents: [] };
    throw error;
  }
  const documents: RxStorageQueryResult<T>['documents'] = [];
  await dexie.transaction('r', state.dexieTable, async (tx: { idbtrans: IDBTransaction }) => {
    const store = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
    const name = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
    // A key cursor walks index entries only; values are read for the page alone.
    const request = store.index(name).openKeyCursor(range);
    const keys: IDBValidKey[] = [];
    let skipped = false;
    await new Promise<void>((resolve, reject) => {
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        if (!skipped && skip > 0) {
          skipped = true;
          cursor.advance(skip);
          return;
        }
        skipped = true;
        keys.push(cursor.primaryKey);
        if (keys.length >= limit) resolve();
        else cursor.continue();
      };
    });
    const values = await Promise.all(
      keys.map(
        (key) =>
          new Promise<unknown>((resolve, reject) => {
            const get = store.get(key);
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          }),
      ),
    );
    for (const value of values) documents.push(fromDexieToStorage<T>(state.booleanIndexes, value));
  });
  return { documents };
}

/**
 * RxDB's Dexie storage with fast deep pages (see `skipWithCursor`); Kehu's default in the browser.
 * Pass it explicitly to keep the speed-up when giving Dexie settings of your own.
 */
export function getKehuDexieStorage(settings: DexieSettings = {}): RxStorage<Internals, DexieSettings> {
  const base = getRxStorageDexie(settings);
  return {
    name: base.name,
    rxdbVersion: base.rxdbVersion,
    async createStorageInstance(params) {
      const instance = (await base.createStorageInstance(params)) as unknown as RxStorageInstance<
        unknown,
        Internals,
        DexieSettings
      >;
      const query = instance.query.bind(instance);
      instance.query = async (prepared: PreparedQuery<unknown>) => {
        const plan = prepared.queryPlan;
        if (!(prepared.query.skip && plan.selectorSatisfiedByIndex && plan.sortSatisfiedByIndex))
          return query(prepared);
        return skipWithCursor(await (instance.internals as unknown as Promise<Internals>), prepared);
      };
      return instance as never;
    },
  };
}
