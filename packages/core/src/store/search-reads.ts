/**
 * Quick-search reads answered from the entity's `SearchColumn`: the column says which records'
 * search text matches, those records (a thousand at most) are read by primary key and checked
 * against the whole query by RxDB's own matcher, then sorted and cut by its comparator — the same
 * answer the storage gives, without reading every record of the entity. `undefined` where the
 * column cannot answer (too many matches to read one by one, a condition it does not know, the
 * column switched off or failing to build): the caller reads the storage as before.
 */
import {
  getChangedDocumentsSince,
  getQueryMatcher,
  getSortComparator,
  normalizeMangoQuery,
  type MangoQuery,
  type RxChangeEvent,
  type RxCollection,
  type RxDocumentData,
} from 'rxdb';
import { defer, filter, from, startWith, switchMap, throttleTime, asyncScheduler, type Observable } from 'rxjs';
import type { PhysicalRecord } from './physical.js';
import { readable } from './read-once.js';
import { pause } from './bulk-steps.js';
import type { SearchColumn } from './search-column.js';

type Mango = Record<string, unknown>;

/**
 * A test of a record's search text, compiled from the quick search's Mango conditions (`$regex` on
 * `s`, `$or`/`$and` of those: what `query.ts` makes), with RxDB's meaning (`new RegExp(pattern)`).
 * `undefined` for any other condition: the caller then reads the storage as before.
 */
export function searchTest(conditions: Mango[]): ((text: string) => boolean) | undefined {
  const compile = (condition: Mango): ((text: string) => boolean) | undefined => {
    const keys = Object.keys(condition);
    if (keys.length !== 1) return undefined;
    const [key] = keys;
    const value = condition[key];
    if (key === '$or' || key === '$and') {
      if (!Array.isArray(value)) return undefined;
      const parts = value.map((part) => compile(part as Mango));
      if (parts.some((part) => !part)) return undefined;
      const tests = parts as ((text: string) => boolean)[];
      return key === '$or' ? (text) => tests.some((t) => t(text)) : (text) => tests.every((t) => t(text));
    }
    if (key !== 's' || value === null || typeof value !== 'object') return undefined;
    const regex = value as { $regex?: unknown };
    if (Object.keys(regex).length !== 1 || typeof regex.$regex !== 'string') return undefined;
    const pattern = new RegExp(regex.$regex);
    return (text) => pattern.test(text);
  };
  const tests = conditions.map(compile);
  if (!tests.length || tests.some((t) => !t)) return undefined;
  return (text) => tests.every((t) => t!(text));
}

/** Matching records read one by one at most; with more, the index walk finds a page sooner. */
export const SEARCH_CANDIDATES = 1000;

/** How often a live search answer is worked out again while its entity keeps changing. */
const LIVE_THROTTLE_MS = 200;

type Collection = RxCollection<PhysicalRecord>;
type Doc = RxDocumentData<PhysicalRecord>;

/** A query of one entity with a quick search, as the repository builds it. */
export interface SearchQuery {
  mango: MangoQuery<PhysicalRecord>;
  /** The conditions on the search text, one per word (`searchConditions`). */
  words: Record<string, unknown>[];
  /** Whether the query has conditions besides the entity, its live records and the search. */
  filtered: boolean;
}

/**
 * The quick searches of one entity, answered from its search column where it can: the column is
 * built on the entity's first search (which waits for it: one pass over the collection, shorter
 * than the one scan the storage would make for that search), then kept current.
 */
export class SearchReads {
  private column: SearchColumn | undefined;
  private building: Promise<SearchColumn> | undefined;

  constructor(
    private collection: Collection,
    private entity: string,
    /** `StoreOptions.searchInMemory`: without it, every search reads the storage. */
    private enabled: boolean,
  ) {}

  /** Builds the column now; resolves once searches are answered from it (at once when disabled). */
  async ready(): Promise<void> {
    if (!this.enabled) return;
    // The column's module comes with the first search: hosts that never search do not download it.
    this.building ??= import('./search-column.js').then(
      ({ SearchColumn }) =>
        new SearchColumn(this.collection, this.entity, {
          changedSince: (storage, limit, checkpoint) => getChangedDocumentsSince(storage, limit, checkpoint),
          pause,
        }),
      (error: unknown) => {
        this.building = undefined; // the next search tries again
        throw error;
      },
    );
    const column = await this.building;
    await column.build();
    this.column = column;
  }

  /** Whether the column answers `search`, once built; `false` when it cannot (the storage answers). */
  private async usable(search: SearchQuery): Promise<SearchColumn | undefined> {
    if (!this.enabled || !searchTest(search.words)) return undefined;
    try {
      await this.ready();
    } catch {
      return undefined; // a failed build is tried again by the next search
    }
    return this.column;
  }

  /** The documents `search` finds (in its order, `skip` and `limit` applied), or `undefined`. */
  async find(search: SearchQuery): Promise<Doc[] | undefined> {
    const column = await this.usable(search);
    const pks = column?.matching(searchTest(search.words)!);
    if (!pks || pks.length > SEARCH_CANDIDATES) return undefined;
    const schema = this.collection.schema.jsonSchema;
    const { selector, sort, skip = 0, limit } = search.mango;
    const query = normalizeMangoQuery(schema, { selector, ...(sort ? { sort } : {}) });
    await readable(this.collection);
    const docs = pks.length ? await this.collection.storageInstance.findDocumentsById(pks, false) : [];
    const matcher = getQueryMatcher(schema, query);
    const found = docs.filter((doc) => matcher(doc)).sort(getSortComparator(schema, query));
    return found.slice(skip, limit === undefined ? undefined : skip + limit);
  }

  /**
   * How many records `search` finds, or `undefined`. A search with no other condition is counted
   * in the column alone, however many records match: its test is the storage's, word for word.
   */
  async count(search: SearchQuery): Promise<number | undefined> {
    const column = await this.usable(search);
    if (column && !search.filtered) return column.matching(searchTest(search.words)!).length;
    return (await this.find({ ...search, mango: { selector: search.mango.selector } }))?.length;
  }

  /**
   * A live answer: `read` now and whenever a record of the entity changes (at most every
   * `LIVE_THROTTLE_MS`, the last change always included), once the column is built; `fallback`
   * (RxDB's live query) when the column cannot answer this search.
   */
  live<T>(search: SearchQuery, read: () => Promise<T>, fallback: () => Observable<T>): Observable<T> {
    const ofEntity = (event: RxChangeEvent<PhysicalRecord>) =>
      (event.documentData ?? event.previousDocumentData)?.e === this.entity;
    return from(this.usable(search)).pipe(
      switchMap((column) =>
        column
          ? this.collection.$.pipe(
              filter(ofEntity),
              throttleTime(LIVE_THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }),
              startWith(undefined),
              switchMap(() => defer(() => from(read()))),
            )
          : fallback(),
      ),
    );
  }
}
