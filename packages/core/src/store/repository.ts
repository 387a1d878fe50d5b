import type { MangoQuery, RxCollection, RxDocument } from 'rxdb';
import { distinctUntilChanged, from, map, switchMap, type Observable } from 'rxjs';
import type { Entity } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { assertUnique, assertValid, withDefaults, withoutUndefined } from './checks.js';
import { newId } from './ids.js';
import type { NamingSeries } from './series-counter.js';
import { primaryKey, toPhysical, type PhysicalRecord } from './physical.js';
import { baseSelector, physicalSort, recordComparator, searchConditions, searchWords, sortSpecs } from './query.js';
import type { CountOptions, FindOptions, KehuRecord, Repository } from './types.js';
import { changedElsewhereError, notFoundError, storageError } from './storage-error.js';
import { withComputed } from '../formula/computed.js';
import type { ChangeLog } from '../audit/change-log.js';
import { diffRecords } from '../audit/diff.js';
import type { ChangeEntry, FieldChange } from '../audit/types.js';
import { assertNotInUse, type Referrer } from './in-use.js';
import { assertNotLocked } from './locked.js';
import { normalizeRecord } from '../normalize/record.js';
import { isNewer, newerVersionError } from '../migration/versions.js';
import { assertDistinctIds, assertValidInSteps, pause, writeInParts } from './bulk-steps.js';
import { copyRecord, countOnce, queryOnce } from './read-once.js';
import { inTurn } from './in-turn.js';
import { SearchReads, type SearchQuery } from './search-reads.js';

type Doc = RxDocument<PhysicalRecord>;

/** Field names a selector constrains, through `$and`/`$or`/`$nor`. */
function selectorKeys(selector: Record<string, unknown> | undefined): string[] {
  return Object.entries(selector ?? {}).flatMap(([key, value]) =>
    key.startsWith('$') && Array.isArray(value)
      ? value.flatMap((part) => selectorKeys(part as Record<string, unknown>))
      : [key],
  );
}
type Input = Record<string, unknown> & { id?: string };

const toRecord = (doc: Doc): KehuRecord => copyRecord(doc._data.d);

/** The repository of one entity over the generic collection. One write path: stamp, validate, check unique, write. */
export class EntityRepository implements Repository {
  private queue = new Map<string, Promise<void>>();
  /** Quick searches, answered from the entity's in-memory search column where it can. */
  private searches: SearchReads;

  constructor(
    readonly entity: Entity,
    private collection: RxCollection<PhysicalRecord>,
    private series: NamingSeries,
    private locale: Locale,
    /** Where every write appends its change entry (docs/decisions/0004-audit-trail.md). */
    private audit?: ChangeLog,
    /** Fields of any entity that point at this one, checked before a record is deleted. */
    private referrers: Referrer[] = [],
    /** In an encrypted store: the keyed-hash token of a search word, matching a whole sensitive value. */
    private searchToken?: (word: string) => Promise<string>,
    /** Whether quick searches may use the in-memory search column (`StoreOptions.searchInMemory`). */
    searchInMemory = true,
  ) {
    // Not in an encrypted store: building the column would open every record's sealed fields.
    this.searches = new SearchReads(collection, entity.name, searchInMemory && !searchToken);
  }

  /**
   * In an encrypted store sensitive values are stored sealed, so a condition or sort on one would
   * silently match nothing: refused instead, pointing to the quick search.
   */
  private assertQueryable(options: FindOptions): void {
    if (!this.searchToken) return;
    const sorts = options.sort ? (Array.isArray(options.sort) ? options.sort : [options.sort]) : [];
    const fields = [...selectorKeys(options.selector), ...sorts.map((s) => s.field)];
    const field = fields.map((key) => this.entity.field(key)).find((f) => f?.sensitive);
    if (!field) return;
    throw new KehuError(
      'encrypted-field',
      {
        en: `${field.label.en} is encrypted, so lists cannot be filtered or sorted by it; find a record by its whole ${field.label.en.toLowerCase()} with the quick search.`,
        'zh-CN': `「${field.label['zh-CN']}」已加密，不能按它筛选或排序；可在快速搜索中输入完整的${field.label['zh-CN']}查找记录。`,
      },
      this.locale,
    );
  }

  /** Tokens of the search words, when the store is encrypted and there is a search. */
  private async tokens(search: string | undefined): Promise<Map<string, string> | undefined> {
    const words = searchWords(search);
    if (!this.searchToken || !words.length) return undefined;
    return new Map(await Promise.all(words.map(async (w) => [w, await this.searchToken!(w)] as [string, string])));
  }

  /** `build` with the search tokens: at once without encryption, after hashing with it. */
  private withTokens<T>(
    search: string | undefined,
    build: (tokens?: Map<string, string>) => Observable<T>,
  ): Observable<T> {
    if (!this.searchToken || !searchWords(search).length) return build();
    return from(this.tokens(search)).pipe(switchMap(build));
  }

  /** Appends the change entry of a write that has just succeeded. */
  private async log(action: ChangeEntry['action'], record: KehuRecord, changes: FieldChange[] = []): Promise<void> {
    await this.audit?.append([
      { entity: this.entity.name, recordId: record.id, action, changes, version: record.updatedAt },
    ]);
  }

  private async doc(id: string): Promise<Doc | null> {
    return this.collection.findOne(primaryKey(this.entity.name, id)).exec();
  }

  /** The stored record whether live or removed, for the permission layer's checks; never redacted. */
  async raw(id: string): Promise<{ record: KehuRecord; removed: boolean } | null> {
    const doc = await this.doc(id);
    return doc ? { record: toRecord(doc), removed: doc._data.t !== 0 } : null;
  }

  /** `raw` for many ids at once (one storage read), keyed by id. */
  async rawMany(ids: string[]): Promise<Map<string, { record: KehuRecord; removed: boolean }>> {
    const found = await this.collection.findByIds(ids.map((id) => primaryKey(this.entity.name, id))).exec();
    const out = new Map<string, { record: KehuRecord; removed: boolean }>();
    for (const doc of found.values()) out.set(doc._data.d.id, { record: toRecord(doc), removed: doc._data.t !== 0 });
    return out;
  }

  async get(id: string): Promise<KehuRecord | null> {
    const doc = await this.doc(id);
    return doc && doc._data.t === 0 ? toRecord(doc) : null;
  }

  /** The collection query for `options`, and what turns its records (in storage order) into the answer. */
  private query(options: FindOptions, tokens?: Map<string, string>) {
    this.assertQueryable(options);
    const sort = sortSpecs(this.entity, options);
    const physical = physicalSort(this.entity, sort);
    const selector = baseSelector(this.entity, options, false, tokens);
    if (physical) {
      const mango: MangoQuery<PhysicalRecord> = { selector, sort: physical, limit: options.limit, skip: options.skip };
      return { mango, finish: (records: KehuRecord[]) => records };
    }
    // No index for this sort: read the matches and sort them here (documented; fine for small sets).
    const compare = recordComparator(sort);
    const start = options.skip ?? 0;
    const end = options.limit === undefined ? undefined : start + options.limit;
    return { mango: { selector }, finish: (records: KehuRecord[]) => records.sort(compare).slice(start, end) };
  }

  /** The quick search of `options` as `SearchReads` takes it; `undefined` without one. */
  private searchQuery(
    options: CountOptions,
    mango: MangoQuery<PhysicalRecord>,
    tokens?: Map<string, string>,
  ): SearchQuery | undefined {
    if (!searchWords(options.search).length) return undefined;
    return { mango, words: searchConditions(options, tokens), filtered: selectorKeys(options.selector).length > 0 };
  }

  searchReady(): Promise<void> {
    return this.searches.ready();
  }

  /** The records a query finds through the search column, or `undefined` when it cannot answer. */
  private async searched(search: SearchQuery | undefined): Promise<KehuRecord[] | undefined> {
    const docs = search && (await this.searches.find(search));
    return docs?.map((doc) => copyRecord(doc.d));
  }

  /** One read, straight from the storage: no live query is kept (see `queryOnce`). */
  async find(options: FindOptions = {}): Promise<KehuRecord[]> {
    const tokens = await this.tokens(options.search);
    const { mango, finish } = this.query(options, tokens);
    const search = this.searchQuery(options, mango, tokens);
    return finish((await this.searched(search)) ?? (await queryOnce(this.collection, mango)));
  }

  find$(options: FindOptions = {}): Observable<KehuRecord[]> {
    return this.withTokens(options.search, (tokens) => {
      const { mango, finish } = this.query(options, tokens);
      const live = () => this.collection.find(mango).$.pipe(map((docs) => finish(docs.map(toRecord))));
      const search = this.searchQuery(options, mango, tokens);
      if (!search) return live();
      const read = async () => finish((await this.searched(search)) ?? (await queryOnce(this.collection, mango)));
      return this.searches.live(search, read, live);
    });
  }

  async count(options: CountOptions = {}): Promise<number> {
    this.assertQueryable(options);
    const tokens = await this.tokens(options.search);
    const mango = { selector: baseSelector(this.entity, options, false, tokens) };
    const search = this.searchQuery(options, mango, tokens);
    return (search && (await this.searches.count(search))) ?? countOnce(this.collection, mango);
  }

  count$(options: CountOptions = {}): Observable<number> {
    return this.withTokens(options.search, (tokens) => {
      const mango = { selector: baseSelector(this.entity, options, false, tokens) };
      const live = () => this.collection.count(mango).$;
      const search = this.searchQuery(options, mango, tokens);
      if (!search) return live();
      const read = async () => (await this.searches.count(search)) ?? countOnce(this.collection, mango);
      return this.searches.live(search, read, live).pipe(distinctUntilChanged());
    });
  }

  watch(options: FindOptions, listener: (records: KehuRecord[]) => void): () => void {
    const subscription = this.find$(options).subscribe(listener);
    return () => subscription.unsubscribe();
  }

  /** Stamps system fields and fills defaults; does not assign series codes. */
  private prepare(data: Input, now: string): KehuRecord {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new KehuError(
        'invalid-input',
        {
          en: `A ${this.entity.name} record must be an object.`,
          'zh-CN': `${this.entity.label['zh-CN']}记录必须是对象。`,
        },
        this.locale,
      );
    }
    // Computed fields are recomputed on every write, so imported data cannot carry a wrong total.
    const record = withoutUndefined(
      withComputed(this.entity, withDefaults(this.entity, normalizeRecord(this.entity, data))),
    );
    return {
      ...record,
      id: typeof data.id === 'string' && data.id ? data.id : newId(),
      createdAt: typeof data.createdAt === 'string' ? data.createdAt : now,
      updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : now,
      _v: this.entity.version,
    };
  }

  /**
   * A replacement that leaves out the naming-series code keeps the record's code rather than taking
   * the next one: a customer's code is printed on documents and must not change by omission.
   */
  private withKeptCode(record: KehuRecord, existing: KehuRecord): KehuRecord {
    const field = this.entity.namingSeries?.field;
    const absent = (value: unknown) => value === undefined || value === '';
    if (field && absent(record[field]) && !absent(existing[field])) record[field] = existing[field];
    return record;
  }

  private async checked(records: KehuRecord[], bulk: boolean): Promise<void> {
    assertValid(this.entity, records, this.locale, bulk);
    await assertUnique(this.entity, this.collection, records, this.locale, bulk);
  }

  async insert(data: Input): Promise<KehuRecord> {
    const record = this.prepare(data, new Date().toISOString());
    await this.series.assign(this.entity, [record]);
    await this.checked([record], false);
    try {
      await this.collection.insert(toPhysical(this.entity, record));
    } catch (error) {
      throw storageError(error, this.entity, 'insert', record.id, this.locale);
    }
    await this.log('create', record);
    return structuredClone(record);
  }

  upsert(data: Input): Promise<KehuRecord> {
    return data.id ? this.serial(data.id, () => this.upsertOne(data)) : this.insert(data);
  }

  private async upsertOne(data: Input): Promise<KehuRecord> {
    const existing = data.id ? await this.doc(data.id) : null;
    if (!existing) return this.insert(data);
    this.assertKnownVersion(existing);
    const now = new Date().toISOString();
    const record = this.withKeptCode(
      { ...this.prepare(data, now), createdAt: existing._data.d.createdAt, updatedAt: now },
      existing._data.d,
    );
    await this.series.assign(this.entity, [record]);
    await this.checked([record], false);
    const removed = existing._data.t !== 0;
    const changes = diffRecords(existing._data.d, record);
    // Replacing a record by itself changes nothing: no write, no entry, `updatedAt` kept.
    if (!changes.length && !removed) return structuredClone(existing._data.d);
    if (!removed) assertNotLocked(this.entity, existing._data.d, 'update', this.locale);
    await this.write(existing, record, false);
    await this.log(removed ? 'restore' : 'update', record, changes);
    return structuredClone(record);
  }

  patch(id: string, changes: Record<string, unknown>): Promise<KehuRecord> {
    return this.serial(id, () => this.patchOne(id, changes));
  }

  private async patchOne(id: string, changes: Record<string, unknown>): Promise<KehuRecord> {
    const doc = await this.doc(id);
    if (!doc || doc._data.t !== 0) throw this.notFound(id);
    this.assertKnownVersion(doc);
    const current = doc._data.d;
    const record = withoutUndefined(
      withComputed(this.entity, {
        ...current,
        ...normalizeRecord(this.entity, changes),
        id,
        createdAt: current.createdAt,
        updatedAt: new Date().toISOString(),
        _v: this.entity.version,
      }),
    ) as KehuRecord;
    await this.checked([record], false);
    const diff = diffRecords(current, record);
    // A patch that changes nothing writes nothing (no entry, `updatedAt` kept), so a history never
    // fills with empty edits from forms saved unchanged.
    if (!diff.length) return structuredClone(current);
    assertNotLocked(this.entity, current, 'update', this.locale);
    await this.write(doc, record, false);
    await this.log('update', record, diff);
    return structuredClone(record);
  }

  remove(id: string): Promise<void> {
    return this.serial(id, () => this.removeOne(id));
  }

  private async removeOne(id: string): Promise<void> {
    const doc = await this.doc(id);
    if (!doc || doc._data.t !== 0) throw this.notFound(id);
    this.assertKnownVersion(doc);
    assertNotLocked(this.entity, doc._data.d, 'remove', this.locale);
    if (this.entity.protectInUse) await assertNotInUse(this.entity, id, this.referrers, this.collection, this.locale);
    const record = { ...doc._data.d, updatedAt: new Date().toISOString() };
    await this.write(doc, record, true);
    await this.log('remove', record);
  }

  restore(id: string): Promise<KehuRecord> {
    return this.serial(id, () => this.restoreOne(id));
  }

  private async restoreOne(id: string): Promise<KehuRecord> {
    const doc = await this.doc(id);
    if (!doc) throw this.notFound(id);
    // Restoring a live record is a no-op: nothing to write or to log.
    if (doc._data.t === 0) return structuredClone(doc._data.d);
    this.assertKnownVersion(doc);
    const record = { ...doc._data.d, updatedAt: new Date().toISOString() };
    await assertUnique(this.entity, this.collection, [record], this.locale, false);
    await this.write(doc, record, false);
    await this.log('restore', record);
    return structuredClone(record);
  }

  async bulkInsert(data: Input[], options: { batchSize?: number } = {}): Promise<number> {
    const now = new Date().toISOString();
    const records = data.map((d) => this.prepare(d, now));
    await this.series.assign(this.entity, records);
    await this.checked(records, true);
    assertDistinctIds(data, this.locale);
    // Generated ids are new by construction; only ids the caller chose can collide.
    await this.assertNewIds(records.filter((_, i) => typeof data[i]?.id === 'string' && data[i].id));
    const size = options.batchSize ?? 1000;
    // Batches keep RxDB's per-write timestamps apart (one giant write makes later migrations quadratic).
    // One bulk write of entries per batch of records, right after it; it runs while the next batch of
    // records is written (IndexedDB overlaps the two stores), and every one is awaited before returning.
    let logged: Promise<void> = Promise.resolve();
    for (let i = 0; i < records.length; i += size) {
      const slice = records.slice(i, i + size);
      const batch = slice.map((r) => toPhysical(this.entity, r));
      const result = await this.collection.bulkInsert(batch);
      const failed = new Set(result.error.map((e) => e.documentId));
      const written = failed.size ? slice.filter((r) => !failed.has(primaryKey(this.entity.name, r.id))) : slice;
      await logged;
      logged = this.audit
        ? this.audit.append(
            written.map((r) => ({
              entity: this.entity.name,
              recordId: r.id,
              action: 'create',
              changes: [],
              version: r.updatedAt,
              // Lets the creates of this batch share one entry (audit/created-groups.ts).
              createdAt: r.createdAt,
            })),
          )
        : Promise.resolve();
      logged.catch(() => undefined); // awaited above or below; this only keeps a failure from going unhandled
      if (result.error.length) {
        // Another writer took an id between the check and this batch: what was written stays
        // (and is in the audit trail); the error names the record that was not.
        await logged;
        const id = result.error[0].documentId.slice(this.entity.name.length + 1);
        throw storageError(result.error[0], this.entity, 'insert', id, this.locale);
      }
    }
    await logged;
    return records.length;
  }

  async bulkUpsert(
    data: Input[],
    options: { dryRun?: boolean; writeSize?: number } = {},
  ): Promise<{ inserted: number; updated: number; unchanged: number }> {
    assertDistinctIds(data, this.locale);
    const now = new Date().toISOString();
    const ids = data.map((d) => (typeof d?.id === 'string' && d.id ? d.id : newId()));
    const found = await this.collection.findByIds(ids.map((id) => primaryKey(this.entity.name, id))).exec();
    // With `writeSize`, records are also stamped and validated that many at a time, pausing between.
    const step = options.writeSize && options.writeSize > 0 ? options.writeSize : data.length;
    const rows: { record: KehuRecord; existing: Doc | undefined }[] = [];
    for (let i = 0; i < data.length; i++) {
      if (i && i % step === 0) await pause();
      const existing = found.get(primaryKey(this.entity.name, ids[i]));
      const record = this.prepare({ ...data[i], id: ids[i] }, now);
      if (existing)
        this.withKeptCode(
          Object.assign(record, { createdAt: existing._data.d.createdAt, updatedAt: now }),
          existing._data.d,
        );
      rows.push({ record, existing });
    }
    if (!options.dryRun)
      await this.series.assign(
        this.entity,
        rows.map((r) => r.record),
      );
    await assertValidInSteps(
      this.entity,
      rows.map((r) => r.record),
      step,
      this.locale,
    );
    await assertUnique(
      this.entity,
      this.collection,
      rows.map((r) => r.record),
      this.locale,
      true,
    );
    const changed = rows
      .map((r) => ({ ...r, changes: r.existing ? diffRecords(r.existing._data.d, r.record) : [] }))
      .filter((r) => !r.existing || r.changes.length || r.existing._data.t !== 0);
    const counts = {
      inserted: changed.filter((r) => !r.existing).length,
      updated: changed.filter((r) => r.existing).length,
      unchanged: rows.length - changed.length,
    };
    const newer = changed.find((r) => r.existing && isNewer(this.entity, r.existing._data.d));
    if (newer) throw newerVersionError(this.entity, newer.existing!._data.d, this.locale);
    if (options.dryRun || !changed.length) return counts;
    // One storage write for the whole batch; with `writeSize`, writes of that many records with a
    // pause for the page between them: the storage's synchronous put loop is the page's longest task
    // in an import. The checks above and the change entries below still cover the whole call, once.
    const size = options.writeSize && options.writeSize > 0 ? options.writeSize : changed.length;
    const { written, error } = await writeInParts(this.collection, this.entity, changed, size);
    await this.audit?.append(
      written.map((r) => ({
        entity: this.entity.name,
        recordId: r.record.id,
        action: !r.existing ? 'create' : r.existing._data.t !== 0 ? 'restore' : 'update',
        changes: r.changes,
        version: r.record.updatedAt,
        ...(r.existing ? {} : { createdAt: r.record.createdAt }),
      })),
    );
    if (error) {
      throw storageError(
        error,
        this.entity,
        'update',
        error.documentId.slice(this.entity.name.length + 1),
        this.locale,
      );
    }
    return counts;
  }

  private async assertNewIds(records: KehuRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += 1000) {
      const keys = records.slice(i, i + 1000).map((r) => primaryKey(this.entity.name, r.id));
      const found = await this.collection.findByIds(keys).exec();
      const first = found.values().next().value as Doc | undefined;
      if (first) throw storageError({ code: 'CONFLICT' }, this.entity, 'insert', first._data.d.id, this.locale);
    }
  }

  /**
   * Writes to one record run one after another in this tab, so each one reads what the one before
   * wrote (two elements saving the same record at once both keep their change).
   */
  private serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    return inTurn(this.queue, id, work);
  }

  /**
   * Replaces the stored record with `record`, unless someone else (another tab, a replication)
   * changed it since it was read as `doc`: then nothing is written and the caller hears so, rather
   * than one of the two edits vanishing.
   */
  private async write(doc: Doc, record: KehuRecord, removed: boolean): Promise<void> {
    this.assertKnownVersion(doc);
    const next = toPhysical(this.entity, record, removed);
    const read = doc._data.d.updatedAt;
    let stale = false;
    try {
      await doc.incrementalModify((latest) => {
        if (latest.d.updatedAt !== read) {
          stale = true;
          return latest;
        }
        return next;
      });
    } catch (error) {
      throw storageError(error, this.entity, 'update', record.id, this.locale);
    }
    if (stale) throw changedElsewhereError(this.entity, record.id, this.locale);
  }

  /** A newer version wrote the record: this client would drop or downgrade what it does not know (decision 0013). */
  private assertKnownVersion(doc: Doc): void {
    if (isNewer(this.entity, doc._data.d)) throw newerVersionError(this.entity, doc._data.d, this.locale);
  }

  notFound(id: string): KehuError {
    return notFoundError(this.entity, id, this.locale);
  }
}
