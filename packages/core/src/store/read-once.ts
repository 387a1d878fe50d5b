import {
  INDEX_MAX,
  INDEX_MIN,
  normalizeMangoQuery,
  prepareQuery,
  type MangoQuery,
  type PreparedQuery,
  type RxCollection,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import type { KehuRecord } from './types.js';
import type { PhysicalRecord } from './physical.js';

/**
 * Documents a storage has just read into new objects that nothing else holds (Kehu's Dexie storage
 * marks what IndexedDB hands it). A one-shot read may give their record to its caller as is; any
 * other document (RxDB's document cache, the memory storage's own objects, a wrapper's shallow
 * copies) is copied first, so a caller changing a record never changes what a store holds.
 */
const owned = new WeakSet<object>();

/** Marks `document` as a fresh object that only its reader holds (see `owned`). */
export function markOwned<T extends object>(document: T): T {
  owned.add(document);
  return document;
}

/**
 * A deep copy of stored JSON (what every RxDB storage holds, and what Kehu's writes are checked to
 * be: see `plain-data.ts`): objects, arrays and plain values.
 * About three times faster than `structuredClone` for a page of records (100 customers: 0.1–0.3 ms
 * against 0.5–0.8), which a live query pays on every answer. A key named `__proto__` stays an own key.
 */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/** A stored record, copied for a caller who may change it (see `copyJson`). */
export const copyRecord = (record: KehuRecord): KehuRecord => copyJson(record) as KehuRecord;

/** The record of a stored document, for a caller who may change it. */
const recordOf = (document: RxDocumentData<PhysicalRecord>): KehuRecord =>
  owned.has(document) ? document.d : copyRecord(document.d);

type Collection = RxCollection<PhysicalRecord>;

type Schema = RxJsonSchema<RxDocumentData<PhysicalRecord>>;
type Query = PreparedQuery<PhysicalRecord>['query'];
type PlanKey = PreparedQuery<PhysicalRecord>['queryPlan']['startKeys'][number];

/** `{ $eq: value }` with a value of `type`. */
const equals = (condition: unknown, type: string) =>
  condition !== null &&
  typeof condition === 'object' &&
  Object.keys(condition).length === 1 &&
  typeof (condition as { $eq?: unknown }).$eq === type;

/**
 * The plan RxDB's planner makes for the commonest list query, made without it: the live or removed
 * records of one entity (`e`, `t`, `_deleted` each equal to a value and nothing else) in the order
 * of one key, then the primary key. The schema's index `[_deleted, e, t, key, pk]` is then the only
 * one that both starts with every condition and keeps the sort, so it rates highest
 * (`getQueryPlan`'s `rateQueryPlan`), and its plan is those three values then the whole key range.
 * Rating all 17 indexes took about as long as the read itself on a page's first query (the
 * planner's code not yet compiled); the tests hold this plan to RxDB's for every such index.
 * `undefined` for any other query: RxDB plans it over every index.
 */
function plainPlan(schema: Schema, query: Query): PreparedQuery<PhysicalRecord>['queryPlan'] | undefined {
  const selector = query.selector as Record<string, unknown>;
  if (Object.keys(selector).length !== 3) return undefined;
  if (!equals(selector.e, 'string') || !equals(selector.t, 'number') || !equals(selector._deleted, 'boolean'))
    return undefined;
  // `false` for `_deleted` too, as RxDB's planner puts it (its key type leaves booleans out).
  const eq = (key: string) => (selector[key] as { $eq: PlanKey }).$eq;
  const [deleted, e, t] = [eq('_deleted'), eq('e'), eq('t')];
  // RxDB's own bounds would rate differently.
  if (e === INDEX_MAX || t === INDEX_MIN || Number.isNaN(t)) return undefined;
  const sort = query.sort ?? [];
  if (sort.length !== 2) return undefined;
  const [by, last] = sort.map((part) => Object.entries(part));
  if (by.length !== 1 || last.length !== 1 || by[0][1] !== 'asc' || last[0][0] !== 'pk' || last[0][1] !== 'asc')
    return undefined;
  const key = by[0][0];
  const index = (schema.indexes ?? []).find(
    (candidate): candidate is string[] =>
      Array.isArray(candidate) &&
      candidate.length === 5 &&
      candidate[0] === '_deleted' &&
      candidate[1] === 'e' &&
      candidate[2] === 't' &&
      candidate[3] === key &&
      candidate[4] === 'pk',
  );
  if (!index) return undefined;
  return {
    index,
    startKeys: [deleted, e, t, INDEX_MIN, INDEX_MIN],
    endKeys: [deleted, e, t, INDEX_MAX, INDEX_MAX],
    inclusiveEnd: true,
    inclusiveStart: true,
    sortSatisfiedByIndex: true,
    selectorSatisfiedByIndex: true,
  };
}

/**
 * The query as RxDB's own `RxQuery` prepares it for the storage: normalised (the primary key last
 * in the sort, so the order is total), removed documents excluded, its index planned.
 */
export function prepared(
  schema: Schema,
  mango: MangoQuery<PhysicalRecord>,
  count: boolean,
): PreparedQuery<PhysicalRecord> {
  const query = normalizeMangoQuery(schema, mango, count);
  (query.selector as Record<string, unknown>)._deleted = { $eq: false };
  if (query.index) query.index.unshift('_deleted');
  const queryPlan = query.index ? undefined : plainPlan(schema, query);
  return queryPlan ? { query, queryPlan } : prepareQuery(schema, query);
}

/** RxDB's own wait before reads (its pipeline plugin registers one); none in a plain Kehu store. */
export async function readable(collection: Collection): Promise<void> {
  if (collection.awaitBeforeReads.size) await Promise.all([...collection.awaitBeforeReads].map((wait) => wait()));
}

/**
 * The records a one-shot query matches (the caller's own copies, in the query's order), read straight from the collection's storage: RxDB's
 * `find().exec()` also builds an `RxQuery` (cache entry, change-event bookkeeping) and an
 * `RxDocument` per result, which a caller who wants the records once throws away. The storage is
 * the collection's own (with every wrapper: encryption opens sealed fields there), and each read is
 * a new read transaction, so every write that has returned is in the answer. A query by primary key
 * goes through RxDB, whose document cache and `findDocumentsById` answer it without an index walk.
 */
export async function queryOnce(collection: Collection, mango: MangoQuery<PhysicalRecord>): Promise<KehuRecord[]> {
  if (mango.selector && 'pk' in mango.selector) {
    const docs = await collection.find(mango).exec();
    return docs.map((doc) => copyRecord(doc._data.d));
  }
  const query = prepared(collection.schema.jsonSchema, mango, false);
  await readable(collection);
  return (await collection.storageInstance.query(query)).documents.map(recordOf);
}

/** `queryOnce` for a count: the storage's count, without an `RxQuery`. */
export async function countOnce(collection: Collection, mango: MangoQuery<PhysicalRecord>): Promise<number> {
  const query = prepared(collection.schema.jsonSchema, mango, true);
  await readable(collection);
  const { count, mode } = await collection.storageInstance.count(query);
  // A database that forbids slow counts: RxDB's own count says so, with its error.
  if (mode === 'slow' && !collection.database.allowSlowCount) return collection.count(mango).exec();
  return count;
}
