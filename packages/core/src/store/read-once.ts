import { normalizeMangoQuery, prepareQuery, type MangoQuery, type RxCollection, type RxDocumentData } from 'rxdb';
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

/** The record of a stored document, for a caller who may change it. */
const recordOf = (document: RxDocumentData<PhysicalRecord>): KehuRecord =>
  owned.has(document) ? document.d : structuredClone(document.d);

type Collection = RxCollection<PhysicalRecord>;

/**
 * The query as RxDB's own `RxQuery` prepares it for the storage: normalised (the primary key last
 * in the sort, so the order is total), removed documents excluded, its index planned.
 */
function prepared(collection: Collection, mango: MangoQuery<PhysicalRecord>, count: boolean) {
  const schema = collection.schema.jsonSchema;
  const query = normalizeMangoQuery(schema, mango, count);
  (query.selector as Record<string, unknown>)._deleted = { $eq: false };
  if (query.index) query.index.unshift('_deleted');
  return prepareQuery(schema, query);
}

/** RxDB's own wait before reads (its pipeline plugin registers one); none in a plain Kehu store. */
async function readable(collection: Collection): Promise<void> {
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
    return docs.map((doc) => structuredClone(doc._data.d));
  }
  const query = prepared(collection, mango, false);
  await readable(collection);
  return (await collection.storageInstance.query(query)).documents.map(recordOf);
}

/** `queryOnce` for a count: the storage's count, without an `RxQuery`. */
export async function countOnce(collection: Collection, mango: MangoQuery<PhysicalRecord>): Promise<number> {
  const query = prepared(collection, mango, true);
  await readable(collection);
  const { count, mode } = await collection.storageInstance.count(query);
  // A database that forbids slow counts: RxDB's own count says so, with its error.
  if (mode === 'slow' && !collection.database.allowSlowCount) return collection.count(mango).exec();
  return count;
}
