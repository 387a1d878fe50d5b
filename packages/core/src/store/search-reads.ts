/**
 * Quick-search reads answered from the entity's `SearchColumn`: the column says which records'
 * search text matches, those records (a thousand at most) are read by primary key and checked
 * against the whole query by RxDB's own matcher, then sorted and cut by its comparator — the same
 * answer the storage gives, without reading every record of the entity. `undefined` where the
 * column cannot answer (too many matches to read one by one, a condition it does not know, the
 * column switched off or failing to build): the caller reads the storage as before.
 */
import {
  getQueryMatcher,
  getSortComparator,
  normalizeMangoQuery,
  type MangoQuery,
  type RxChangeEvent,
  type RxCollection,
  type RxDocumentData,
} from 'rxdb';
import { filter, from, Observable, switchMap } from 'rxjs';
import type { PhysicalRecord } from './physical.js';
import { pause } from './bulk-steps.js';
import { prepared, readable } from './read-once.js';
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

/** How long a live search answer waits after a change before it is worked out again (changes in between join it). */
const LIVE_PAUSE_MS = 200;

/** After a failed build, searches read the storage for this long before the column is tried again. */
const RETRY_MS = 60_000;

/**
 * `read` now, and again after each burst of `changes`: one read at a time, each answer emitted
 * when its read is done, and one more read when changes arrived while a read ran. So a steady
 * stream of changes (an import, a sync pull) still gets an answer after every read, however long
 * a read takes, and reads never pile up.
 */
export function rerunOnChange<T>(changes: Observable<unknown>, read: () => Promise<T>, pauseMs = LIVE_PAUSE_MS) {
  return new Observable<T>((subscriber) => {
    let running = false;
    let dirty = false;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (closed) return;
      if (running || timer) {
        dirty = true;
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, pauseMs);
    };
    const run = async () => {
      running = true;
      dirty = false;
      try {
        subscriber.next(await read());
      } catch (error) {
        subscriber.error(error);
        return;
      } finally {
        running = false;
      }
      if (dirty) schedule();
    };
    const subscription = changes.subscribe(schedule);
    void run();
    return () => {
      closed = true;
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  });
}

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
  private failedAt = -Infinity;

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
        new SearchColumn(this.collection, this.entity, { after: (after, limit) => this.after(after, limit), pause }),
      (error: unknown) => {
        this.building = undefined; // the next search tries again
        throw error;
      },
    );
    const column = await this.building;
    try {
      await column.build();
    } catch (error) {
      this.failedAt = Date.now();
      throw error;
    }
    this.column = column;
  }

  /** The entity's live records after `from` (by `u`, then primary key), `limit` at most: index-covered reads. */
  private async after(from: { u: string; pk: string } | undefined, limit: number): Promise<Doc[]> {
    const schema = this.collection.schema.jsonSchema;
    const read = async (selector: Record<string, unknown>, size: number) =>
      (
        await this.collection.storageInstance.query(
          prepared(
            schema,
            {
              selector: { e: this.entity, t: 0, ...selector } as never,
              sort: [{ u: 'asc' }, { pk: 'asc' }],
              index: ['e', 't', 'u', 'pk'],
              limit: size,
            },
            false,
          ),
        )
      ).documents;
    if (!from) return read({}, limit);
    const same = await read({ u: from.u, pk: { $gt: from.pk } }, limit);
    return same.length >= limit ? same : [...same, ...(await read({ u: { $gt: from.u } }, limit - same.length))];
  }

  /** Whether the column answers `search`, once built; `false` when it cannot (the storage answers). */
  private async usable(search: SearchQuery): Promise<boolean> {
    if (!this.enabled || !searchTest(search.words)) return false;
    if (!this.column && Date.now() - this.failedAt < RETRY_MS) return false;
    try {
      await this.ready();
    } catch {
      return false; // tried again by a search after RETRY_MS
    }
    return true;
  }

  /** The primary keys of the live records whose search text passes `search`'s words, or `undefined`. */
  private async candidates(search: SearchQuery): Promise<string[] | undefined> {
    if (!(await this.usable(search))) return undefined;
    // RxDB's waits before reads first, so the column has every write they waited for.
    await readable(this.collection);
    return this.column!.matching(searchTest(search.words)!);
  }

  /** The records among `pks` that `mango` finds, in its order, `skip` and `limit` applied; too many: `undefined`. */
  private async documents(pks: string[], mango: MangoQuery<PhysicalRecord>): Promise<Doc[] | undefined> {
    if (pks.length > SEARCH_CANDIDATES) return undefined;
    const schema = this.collection.schema.jsonSchema;
    const { selector, sort, skip = 0, limit } = mango;
    const query = normalizeMangoQuery(schema, { selector, ...(sort ? { sort } : {}) });
    const docs = pks.length ? await this.collection.storageInstance.findDocumentsById(pks, false) : [];
    const matcher = getQueryMatcher(schema, query);
    const found = docs.filter((doc) => matcher(doc)).sort(getSortComparator(schema, query));
    return found.slice(skip, limit === undefined ? undefined : skip + limit);
  }

  /** The documents `search` finds (in its order, `skip` and `limit` applied), or `undefined`. */
  async find(search: SearchQuery): Promise<Doc[] | undefined> {
    const pks = await this.candidates(search);
    return pks && this.documents(pks, search.mango);
  }

  /**
   * How many records `search` finds, or `undefined`. A search with no other condition is counted
   * in the column alone, however many records match: its test is the storage's, word for word.
   */
  async count(search: SearchQuery): Promise<number | undefined> {
    const pks = await this.candidates(search);
    if (!pks || !search.filtered) return pks?.length;
    return (await this.documents(pks, { selector: search.mango.selector }))?.length;
  }

  /**
   * A live answer: `read` now and again after changes to the entity's records (`rerunOnChange`),
   * once the column is built; `fallback` (RxDB's live query) when the column cannot answer.
   */
  live<T>(search: SearchQuery, read: () => Promise<T>, fallback: () => Observable<T>): Observable<T> {
    const ofEntity = (event: RxChangeEvent<PhysicalRecord>) =>
      (event.documentData ?? event.previousDocumentData)?.e === this.entity;
    return from(this.usable(search)).pipe(
      switchMap((usable) => (usable ? rerunOnChange(this.collection.$.pipe(filter(ofEntity)), read) : fallback())),
    );
  }
}
