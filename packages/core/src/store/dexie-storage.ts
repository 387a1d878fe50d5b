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
  dexieReplaceIfStartsWithPipeRevert,
  getKeyRangeByQueryPlan,
  getRxStorageDexie,
} from 'rxdb/plugins/storage-dexie';
import { getChangedDocumentsSinceQuery, getProperty, prepareQuery, setProperty } from 'rxdb';
import type { Table } from 'dexie';
import { markOwned } from './read-once.js';
import { pageKeys, rangeName, SkipMarks } from './skip-marks.js';

type Internals = Awaited<DexieStorageInternals>;

/** The key range of a query plan's index; `null` when no key can match (IndexedDB's DataError). */
function planRange(state: Internals, queryPlan: PreparedQuery<unknown>['queryPlan']): IDBKeyRange | null {
  const dexie = state.dexieDb as unknown as { _options: { IDBKeyRange: unknown } };
  try {
    return getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, dexie._options.IDBKeyRange);
  } catch (error) {
    if ((error as Error).name === 'DataError') return null;
    throw error;
  }
}

/**
 * A value as RxDB's `fromDexieToStorageField` returns it (keys Dexie stored as `__x` back to `|x`),
 * changed in place: the value is IndexedDB's fresh copy, so RxDB's deep copy of every document
 * (about as costly as the read itself for a page of 50) is not needed. An object with such a key is
 * rebuilt, as RxDB does, so its keys keep their order. It runs on every key of every document read,
 * so each key costs one `indexOf` (a stored `__` anywhere, then the exact test) and no array of keys.
 */
function revertPipes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = revertPipes(item);
    }
    return value;
  }
  const object = value as Record<string, unknown>;
  let renamed = false;
  // IndexedDB's copies are plain objects: `for…in` sees their own keys, in order.
  for (const key in object) {
    const item = object[key];
    if (item !== null && typeof item === 'object') object[key] = revertPipes(item);
    if (!renamed && key.indexOf('__') >= 0 && (key.startsWith('__') || key.includes('.__'))) renamed = true;
  }
  if (!renamed) return object;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) out[dexieReplaceIfStartsWithPipeRevert(key)] = object[key];
  return out;
}

/** Names RxDB's `setProperty` treats as paths or refuses: such boolean indexes keep its helpers. */
const plainPath = (path: string) => !/[.[\\]/.test(path) && !['__proto__', 'prototype', 'constructor'].includes(path);

/**
 * RxDB's `fromDexieToStorage` (booleans of indexed fields stored as '1'/'0') on a fresh value, in
 * place. A top-level boolean such as `_deleted` is set directly (RxDB's `setProperty` parses the
 * path for every document).
 */
function fromDexie<T>(booleanIndexes: string[], value: unknown): RxStorageQueryResult<T>['documents'][number] {
  if (!value) return value as never;
  const doc = revertPipes(value) as Record<string, unknown>;
  for (const path of booleanIndexes) {
    if (plainPath(path)) doc[path] = doc[path] === '1';
    else setProperty(doc, path, getProperty(doc, path) === '1');
  }
  return markOwned(doc) as never;
}

/** Dexie's name for a query plan's compound index. */
const indexName = (queryPlan: PreparedQuery<unknown>['queryPlan']) =>
  `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;

/**
 * RxDB's Dexie storage serves `skip` by reading and deserialising every document before it: page
 * 1,000 of a 100k list read 100k documents. When the index covers both the selector and the sort,
 * this query skips with the native `IDBCursor.advance`, which walks index entries without reading
 * values, from the nearest point an earlier walk of the same range noted (`SkipMarks`), and then
 * reads only `limit` documents. Every other query goes to RxDB unchanged.
 */
async function skipWithCursor<T>(
  state: Internals,
  prepared: PreparedQuery<T>,
  marks: SkipMarks,
): Promise<RxStorageQueryResult<T>> {
  const { query, queryPlan } = prepared;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const dexie = state.dexieDb as unknown as {
    transaction: (...args: unknown[]) => Promise<void>;
    _options: { IDBKeyRange: typeof IDBKeyRange };
  };
  const range = planRange(state, queryPlan);
  if (!range) return { documents: [] };
  const name = indexName(queryPlan);
  const noted = rangeName(name, range);
  const documents: RxStorageQueryResult<T>['documents'] = [];
  await marks.inTurn(noted, () =>
    dexie.transaction('r', state.dexieTable, async (tx: { idbtrans: IDBTransaction }) => {
      const store = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
      // Notes are looked up inside the transaction: a write begun before it is counted in `marks`.
      const notes = marks.of(noted);
      const keys = await pageKeys(store.index(name), range, dexie._options.IDBKeyRange, skip, limit, notes);
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
      for (const value of values) documents.push(fromDexie<T>(state.booleanIndexes, value));
    }),
  );
  return { documents };
}

/**
 * RxDB's Dexie storage reads a page from the top with a value cursor, one request per document. When
 * the index covers both the selector and the sort, the first `limit` documents are one native
 * `IDBIndex.getAll(range, limit)` instead: the same documents in the same order (index key, then
 * primary key), in a single request, as raw Dexie's `limit(n).toArray()` reads them.
 */
async function firstWithGetAll<T>(state: Internals, prepared: PreparedQuery<T>): Promise<RxStorageQueryResult<T>> {
  const { query, queryPlan } = prepared;
  const dexie = state.dexieDb as unknown as { backendDB(): IDBDatabase };
  const range = planRange(state, queryPlan);
  if (!range) return { documents: [] };
  // A native read-only transaction of one request: Dexie's transaction wrapper (its promise zones)
  // cost as much as the read itself here. IndexedDB orders it after the writes already queued.
  const store = dexie.backendDB().transaction(DEXIE_DOCS_TABLE_NAME, 'readonly').objectStore(DEXIE_DOCS_TABLE_NAME);
  const request = store.index(indexName(queryPlan)).getAll(range, query.limit as number);
  const values = await new Promise<unknown[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return { documents: values.map((value) => fromDexie<T>(state.booleanIndexes, value)) };
}

/** Index entries one step of a count walks: a few milliseconds of IndexedDB's backend. */
export const COUNT_STEP = 2000;

/**
 * `index.count(range)` in steps of `step` entries, so the reads of other transactions (a list's
 * first page, a form opening its record) are served between the steps instead of after the whole
 * walk: IndexedDB's backend runs one request at a time, and one count over 100,000 entries held
 * every other read of the database back for ~0.4 s. A key cursor advances `step` entries per
 * request; what is left after the last full step (fewer than `step` entries, after its key) is one
 * small count. Only for an index whose keys are unique, as every index RxDB makes is (it ends with
 * the primary key): entries sharing the last key would not be counted.
 * Requests are made from the previous one's success, so the transaction stays active throughout.
 */
export function steppedCount(
  index: IDBIndex,
  range: IDBKeyRange | null,
  keyRange: typeof IDBKeyRange,
  step = COUNT_STEP,
): Promise<number> {
  if (!Number.isInteger(step) || step < 1)
    throw new RangeError(`steppedCount: step must be a whole number ≥ 1, not ${step}`);
  return new Promise<number>((resolve, reject) => {
    let counted = 0;
    let last: IDBValidKey | undefined;
    const request = index.openKeyCursor(range);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      // A throw in here would abort the transaction with no request left to say so: reject instead.
      try {
        const cursor = request.result;
        if (cursor) {
          counted = last === undefined ? 1 : counted + step;
          last = cursor.key;
          cursor.advance(step);
          return;
        }
        if (last === undefined) return resolve(0);
        let after: IDBKeyRange;
        try {
          after = afterKey(range, last, keyRange);
        } catch (error) {
          // The last key stepped on is the range's closed upper bound (an empty range is a DataError).
          if ((error as Error).name === 'DataError') return resolve(counted);
          throw error;
        }
        const rest = index.count(after);
        rest.onerror = () => reject(rest.error);
        rest.onsuccess = () => resolve(counted + rest.result);
      } catch (error) {
        reject(error as Error);
      }
    };
  });
}

/** The part of `range` after `key` (exclusive), with the range's own upper bound. */
function afterKey(range: IDBKeyRange | null, key: IDBValidKey, keyRange: typeof IDBKeyRange): IDBKeyRange {
  if (!range || range.upper === undefined) return keyRange.lowerBound(key, true);
  return keyRange.bound(key, range.upper, true, range.upperOpen);
}

/**
 * The entity a count counts whole, when its selector is exactly the live records of one entity
 * (`e`, `t: 0` and RxDB's own `_deleted: false`, as `repository.count()` without options asks).
 */
function wholeEntity(selector: Record<string, unknown>): string | undefined {
  const value = (condition: unknown) =>
    condition !== null && typeof condition === 'object' && Object.keys(condition).length === 1 && '$eq' in condition
      ? (condition as { $eq: unknown }).$eq
      : condition;
  const keys = Object.keys(selector);
  if (keys.length !== 3 || value(selector.t) !== 0 || value(selector._deleted) !== false) return undefined;
  const entity = value(selector.e);
  return typeof entity === 'string' && !entity.includes('|') ? entity : undefined;
}

/** Names of the two indexes `countWhole` reads; RxDB puts `_deleted` first and the primary key last. */
const byPrimaryKey = '[_deleted+pk]';
const byUpdate = '[_deleted+e+t+u+pk]';

/**
 * Counts an entity's live records without the planner's pick: RxDB counts on the last of the
 * equally rated `[_deleted+e+t+…+pk]` indexes (a slot's inverted key in front of the primary key:
 * the longest keys, 1.6× raw Dexie at 100k). Here every stored record of the entity is counted on
 * the shortest index, `[_deleted+pk]` over the `entity|` keys, less its removed records (`t: 1`,
 * usually few) on `[_deleted+e+t+u+pk]`, both in one read transaction. `undefined` when the
 * store lacks either index (another collection), so RxDB counts as before.
 */
async function countWhole(state: Internals, entity: string): Promise<number | undefined> {
  const dexie = state.dexieDb as unknown as {
    _options: { IDBKeyRange: typeof IDBKeyRange };
    transaction: (...args: unknown[]) => Promise<void>;
  };
  // The IDBKeyRange of the IndexedDB Dexie was given (fake-indexeddb in Node tests).
  const range = dexie._options.IDBKeyRange;
  let count: number | undefined;
  await dexie.transaction('r', state.dexieTable, async (tx: { idbtrans: IDBTransaction }) => {
    const store = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
    if (!store.indexNames.contains(byPrimaryKey) || !store.indexNames.contains(byUpdate)) return;
    // '0' is Dexie's form of `_deleted: false`; 'entity}' is the first key after every 'entity|…'.
    const [stored, removed] = await Promise.all([
      steppedCount(
        store.index(byPrimaryKey),
        range.bound(['0', `${entity}|`], ['0', `${entity}}`], false, true),
        range,
      ),
      // `[]` sorts after every string: the upper bound takes every key of removed records.
      steppedCount(store.index(byUpdate), range.bound(['0', entity, 1], ['0', entity, 1, []]), range),
    ]);
    count = stored - removed;
  });
  return count;
}

/**
 * A count whose selector the plan's index covers, as RxDB's `dexieCount` counts it (the plan's key
 * range on its index) but in steps (`steppedCount`), in a native read-only transaction.
 */
function countByPlan(state: Internals, prepared: PreparedQuery<unknown>): Promise<number> {
  const range = planRange(state, prepared.queryPlan);
  if (!range) return Promise.resolve(0);
  const dexie = state.dexieDb as unknown as { backendDB(): IDBDatabase; _options: { IDBKeyRange: typeof IDBKeyRange } };
  const store = dexie.backendDB().transaction(DEXIE_DOCS_TABLE_NAME, 'readonly').objectStore(DEXIE_DOCS_TABLE_NAME);
  return steppedCount(store.index(indexName(prepared.queryPlan)), range, dexie._options.IDBKeyRange);
}

const lookupsChecked = new WeakSet<object>();

/**
 * RxDB reads every id it is about to write (its conflict check, inside the write transaction) and
 * every id a caller looks up, one IndexedDB get per id, through the table's `bulkGet`. For a batch
 * of new ids — a bulk insert, an import — the ids usually span a key range that holds no document
 * at all (ids made in order, a fresh import): one step of a key cursor over that range, in the
 * same transaction, says so, and the gets are skipped. Otherwise the gets run as before.
 */
function checkRangeBeforeLookups(state: Internals): void {
  const table = state.dexieTable as unknown as Pick<Table<unknown, string>, 'bulkGet' | 'where'>;
  if (lookupsChecked.has(table)) return;
  lookupsChecked.add(table);
  const bulkGet = table.bulkGet.bind(table);
  table.bulkGet = (keys: string[]) => {
    if (keys.length < 2) return bulkGet(keys);
    let [low, high] = [keys[0], keys[0]];
    for (const key of keys) {
      if (key < low) low = key;
      if (key > high) high = key;
    }
    // A Dexie promise chain, so both reads join the caller's transaction.
    return table
      .where(':id')
      .between(low, high, true, true)
      .limit(1)
      .primaryKeys()
      .then((stored) => (stored.length ? bulkGet(keys) : keys.map(() => undefined)));
  };
}

type Checkpoint = { id: string; lwt: number };

/**
 * RxDB's `getChangedDocumentsSince` (what replication pushes, and what builds a search column):
 * documents after `checkpoint` in `[_meta.lwt+pk]` order, deleted ones too. RxDB runs it as a query
 * whose `$or` the index cannot cover, so every document went through its query matcher and a deep
 * copy, one cursor request each; here it is one native `getAll` of the index range after the
 * checkpoint's key, which is the same set in the same order. `undefined` when the index is missing.
 */
async function changedSince(
  state: Internals,
  primaryPath: string,
  limit: number,
  checkpoint: Checkpoint | undefined,
): Promise<unknown[] | undefined> {
  const dexie = state.dexieDb as unknown as { backendDB(): IDBDatabase; _options: { IDBKeyRange: typeof IDBKeyRange } };
  const store = dexie.backendDB().transaction(DEXIE_DOCS_TABLE_NAME, 'readonly').objectStore(DEXIE_DOCS_TABLE_NAME);
  const name = `[_meta.lwt+${dexieReplaceIfStartsWithPipe(primaryPath)}]`;
  if (!store.indexNames.contains(name)) return undefined;
  const range = checkpoint ? dexie._options.IDBKeyRange.lowerBound([checkpoint.lwt, checkpoint.id], true) : undefined;
  const request = store.index(name).getAll(range, limit);
  const values = await new Promise<unknown[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return values.map((value) => fromDexie<unknown>(state.booleanIndexes, value));
}

/** `getChangedDocumentsSince`'s answer: the documents and the checkpoint after the last of them. */
function sinceAnswer(documents: unknown[], primaryPath: string, checkpoint: Checkpoint | undefined) {
  const last = documents[documents.length - 1] as { _meta: { lwt: number } } & Record<string, unknown>;
  return {
    documents: documents as RxStorageQueryResult<unknown>['documents'],
    checkpoint: last ? { id: String(last[primaryPath]), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
  };
}

/**
 * Notes for deep pages (`SkipMarks`) that `instance` keeps true: its writes run with notes off and
 * forget them, and so does every change its change stream reports (another tab's writes included,
 * as RxDB's multi-instance support merges them in). Stops listening when the instance closes.
 */
function watchedMarks(instance: RxStorageInstance<unknown, Internals, DexieSettings>): SkipMarks {
  const marks = new SkipMarks();
  const bulkWrite = instance.bulkWrite.bind(instance);
  instance.bulkWrite = (writes, context) => marks.whileWriting(() => bulkWrite(writes, context));
  const cleanup = instance.cleanup.bind(instance);
  instance.cleanup = (minimumDeletedTime) => marks.whileWriting(() => cleanup(minimumDeletedTime));
  const changes = instance.changeStream().subscribe(() => marks.forget());
  const close = instance.close.bind(instance);
  instance.close = () => {
    changes.unsubscribe();
    return close();
  };
  const remove = instance.remove.bind(instance);
  instance.remove = () => {
    changes.unsubscribe();
    return marks.whileWriting(remove);
  };
  return marks;
}

/** Whether Dexie's connection is open (another tab's upgrade closes it underneath). */
const isOpen = (state: Internals) => (state.dexieDb as unknown as { isOpen(): boolean }).isOpen();

/**
 * RxDB's Dexie storage with fast first and deep pages (see `firstWithGetAll`, `skipWithCursor`), fast whole counts (see
 * `countWhole`), counts that let other reads through (see `steppedCount`) and writes and lookups of new ids that skip reading them one by one (see
 * `checkRangeBeforeLookups`); Kehu's default in the browser.
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
      const internals = () => instance.internals as unknown as Promise<Internals>;
      const marks = watchedMarks(instance);
      const query = instance.query.bind(instance);
      instance.query = async (prepared: PreparedQuery<unknown>) => {
        const plan = prepared.queryPlan;
        if (!(plan.selectorSatisfiedByIndex && plan.sortSatisfiedByIndex)) return query(prepared);
        if (prepared.query.skip) return skipWithCursor(await internals(), prepared, marks);
        // `getAll(range, 0)` would read every document: a limit of 0 (or none) stays with RxDB.
        const limit = prepared.query.limit;
        if (typeof limit === 'number' && limit >= 1) {
          const state = await internals();
          // Closed underneath (another tab's upgrade): RxDB's own path reopens or reports it.
          if (isOpen(state)) return firstWithGetAll(state, prepared);
        }
        return query(prepared);
      };
      const primaryPath = (instance as unknown as { primaryPath: string }).primaryPath;
      instance.getChangedDocumentsSince = async (limit, checkpoint) => {
        const state = await internals();
        const native = isOpen(state) ? await changedSince(state, primaryPath, limit, checkpoint) : undefined;
        // Otherwise RxDB's own query (its Dexie storage has no method of its own for this).
        const documents =
          native ??
          (
            await instance.query(
              prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance, limit, checkpoint)),
            )
          ).documents;
        return sinceAnswer(documents, primaryPath, checkpoint) as never;
      };
      // Patched as soon as the database is open, ahead of any write waiting for it; an open that
      // fails is reported by the instance's own calls.
      internals().then(checkRangeBeforeLookups, () => undefined);
      const count = instance.count.bind(instance);
      instance.count = async (prepared: PreparedQuery<unknown>) => {
        const entity = wholeEntity(prepared.query.selector as Record<string, unknown>);
        const whole = entity === undefined ? undefined : await countWhole(await internals(), entity);
        if (whole !== undefined) return { count: whole, mode: 'fast' };
        if (prepared.queryPlan.selectorSatisfiedByIndex) {
          const state = await internals();
          if (isOpen(state)) return { count: await countByPlan(state, prepared), mode: 'fast' };
        }
        return count(prepared);
      };
      return instance as never;
    },
  };
}
