import type { RxCollection, RxDocument } from 'rxdb';
import { combineLatest, from, map, of, switchMap, timer, type Observable } from 'rxjs';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { PhysicalRecord } from '../store/physical.js';
import { primaryKey } from '../store/physical.js';
import type { ChangeAuthor, ChangeEntry, FieldChange, MergeDetail } from './types.js';
import { groupCreates, groupPrefix, holds, type GroupFields } from './created-groups.js';

/**
 * A stored change entry: `k` is `entity|recordId`, the key its history is read by — or, for the
 * `create` entry of many records of one bulk write, `entity|~c|createdAt|lastId` with their `ids`
 * (`created-groups.ts`).
 */
export interface ChangeDoc extends GroupFields {
  id: string;
  k: string;
  e: string;
  r: string;
  a: ChangeEntry['action'];
  at: string;
  v: string;
  u?: ChangeAuthor;
  c: FieldChange[];
  /** Merge detail of `merge`/`unmerge` entries; optional and undeclared in the schema (as `ids`), so existing databases open unchanged. */
  m?: MergeDetail;
}

/** The RxDB schema of the append-only `changes` collection. */
export const changesSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 80 },
    k: { type: 'string', maxLength: 140 },
    e: { type: 'string' },
    r: { type: 'string' },
    a: { type: 'string' },
    at: { type: 'string' },
    v: { type: 'string' },
    u: { type: 'object' },
    c: { type: 'array' },
  },
  required: ['id', 'k', 'e', 'r', 'a', 'at', 'v', 'c'],
  indexes: [['k', 'id']],
} as const;

/**
 * What a write tells the log: the entry without the stamps the log adds. Creates that give the
 * record's `createdAt` may share one entry with the other creates of the same append.
 */
export type ChangeDraft = Pick<ChangeEntry, 'entity' | 'recordId' | 'action' | 'changes' | 'version' | 'merge'> & {
  createdAt?: string;
};

let sequence = 0;

/** How long a live history waits before it believes a record write has no entry coming. */
const gapDelay = 1000;

/**
 * Ids sort in write order: the ISO time, then a per-process counter (two writes in one millisecond),
 * then a random tail so two tabs writing in the same millisecond do not collide.
 */
function entryId(at: string): string {
  sequence = (sequence + 1) % 36 ** 6;
  const random = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `${at}~${sequence.toString(36).padStart(6, '0')}~${random}`;
}

export const toEntry = (doc: ChangeDoc): ChangeEntry => {
  const entry: ChangeEntry = {
    id: doc.id,
    entity: doc.e,
    recordId: doc.r,
    action: doc.a,
    at: doc.at,
    changes: structuredClone(doc.c),
    version: doc.v,
  };
  if (doc.u) entry.user = { ...doc.u };
  if (doc.m) entry.merge = structuredClone(doc.m);
  return entry;
};

/** The `create` entry a group entry holds for one of its records. */
const groupEntry = (doc: ChangeDoc, recordId: string): ChangeEntry => ({
  ...toEntry({ ...doc, c: [], ids: undefined }),
  id: `${doc.id}~${recordId}`,
  recordId,
});

/**
 * The audit log: appends entries for the repositories' writes and reads a record's history. It has
 * no update or delete: see docs/decisions/0004-audit-trail.md for what it guarantees.
 */
export class ChangeLog {
  constructor(
    /** The entries; read by backups (`changeLogOf`), never written outside `append` and a restore. */
    readonly changes: RxCollection<ChangeDoc>,
    readonly records: RxCollection<PhysicalRecord>,
    private locale: Locale,
    readonly user?: ChangeAuthor,
  ) {}

  /**
   * Appends an entry per draft — the creates of many records of one moment as one group entry — in
   * one bulk write. Throws `audit-failed` (naming the records that were saved without their
   * entries) when storage refuses, so the gap is never silent.
   */
  async append(drafts: ChangeDraft[]): Promise<void> {
    if (!drafts.length) return;
    const at = new Date().toISOString();
    const user = this.user ? { ...this.user } : undefined;
    const entry = (d: ChangeDraft, k: string, r: string): ChangeDoc => {
      const doc: ChangeDoc = { id: entryId(at), k, e: d.entity, r, a: d.action, at, v: d.version, c: d.changes };
      if (user) doc.u = user;
      if (d.merge) doc.m = d.merge;
      return doc;
    };
    const { groups, single } = groupCreates(drafts);
    const docs: ChangeDoc[] = [
      ...groups.map(({ key, drafts: members }) => ({
        ...entry(members[0], key, ''),
        ids: members.map((m) => m.recordId),
      })),
      ...single.map((d) => entry(d, primaryKey(d.entity, d.recordId), d.recordId)),
    ];
    let failed: unknown;
    try {
      const result = await this.changes.bulkInsert(docs);
      if (result.error.length) failed = result.error[0];
    } catch (error) {
      failed = error;
    }
    if (failed) {
      const ids = drafts.map((d) => d.recordId);
      const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` (+${ids.length - 5})` : '');
      const error = new KehuError(
        'audit-failed',
        {
          en: `Saved ${drafts[0].entity} ${shown}, but its change history could not be written; the history will show the change as unrecorded.`,
          'zh-CN': `已保存${drafts[0].entity}「${shown}」，但未能写入变更记录；历史中将显示为未记录的修改。`,
        },
        this.locale,
      );
      error.cause = failed;
      throw error;
    }
  }

  private query(entity: string, id: string) {
    return this.changes.find({ selector: { k: primaryKey(entity, id) }, sort: [{ k: 'asc' }, { id: 'asc' }] });
  }

  /**
   * The groups of creates of `entity` at `createdAt` that may hold `id`: those whose last id is at
   * or after it, nearest first (`limit` 1: the one that holds it when groups do not interleave).
   */
  private groups(entity: string, id: string, createdAt: string, limit?: number) {
    const prefix = groupPrefix(entity, createdAt);
    return this.changes.find({
      selector: { k: { $gte: prefix + id, $lt: `${prefix}\uffff` } },
      sort: [{ k: 'asc' }, { id: 'asc' }],
      ...(limit ? { limit } : {}),
    });
  }

  /**
   * The `create` entry of a record created by a bulk write, from its group: `nearest` when it holds
   * the record (groups that do not interleave), else whichever group of that moment does.
   */
  private async fromGroup(
    entity: string,
    id: string,
    createdAt: string,
    nearest: RxDocument<ChangeDoc> | undefined,
  ): Promise<ChangeEntry | undefined> {
    if (!nearest) return undefined;
    const group = holds(nearest._data, id)
      ? nearest
      : (await this.groups(entity, id, createdAt).exec()).find((d) => holds(d._data, id));
    return group && groupEntry(group._data, id);
  }

  /** Live `fromGroup` for a record created at `createdAt`: a group is written just after its records. */
  private createdInGroup$(entity: string, id: string, createdAt: unknown): Observable<ChangeEntry | undefined> {
    if (typeof createdAt !== 'string') return of(undefined);
    return this.groups(entity, id, createdAt, 1).$.pipe(
      switchMap(([nearest]) => from(this.fromGroup(entity, id, createdAt, nearest))),
    );
  }

  /** The record's change entries, newest first (headed by an `unrecorded` marker when one is missing). */
  async history(entity: string, id: string): Promise<ChangeEntry[]> {
    const [docs, record] = await Promise.all([
      this.query(entity, id).exec(),
      this.records.findOne(primaryKey(entity, id)).exec(),
    ]);
    const entries = docs.map((d) => toEntry(d._data));
    // A record without its own create entry may be one of a bulk write's group.
    const createdAt = record?._data.d.createdAt;
    if (record && typeof createdAt === 'string' && !entries.some((e) => e.action === 'create')) {
      const [nearest] = await this.groups(entity, id, createdAt, 1).exec();
      const created = await this.fromGroup(entity, id, createdAt, nearest);
      if (created) entries.unshift(created);
    }
    return withGap(entries, record?._data, entity, id);
  }

  /**
   * Live `history`: emits now and after every change to the record or its entries. Between a record
   * write and its entry write the record is briefly ahead of its log; a gap is only reported once
   * it has lasted a second, so live views do not flash "unrecorded" on every save.
   */
  history$(entity: string, id: string): Observable<ChangeEntry[]> {
    const record$ = this.records.findOne(primaryKey(entity, id)).$;
    return combineLatest([this.query(entity, id).$, record$]).pipe(
      // A record's group is watched only while it has no create entry of its own (bulk-written).
      switchMap(([docs, record]) => {
        const entries = docs.map((d) => toEntry(d._data));
        if (!record || entries.some((e) => e.action === 'create'))
          return of(withGap(entries, record?._data, entity, id));
        return this.createdInGroup$(entity, id, record._data.d.createdAt).pipe(
          map((created) => withGap(created ? [created, ...entries] : entries, record._data, entity, id)),
        );
      }),
      switchMap((entries) =>
        entries[0]?.action === 'unrecorded' ? timer(gapDelay).pipe(map(() => entries)) : of(entries),
      ),
    );
  }
}

/** Newest first; a record whose `updatedAt` no entry produced gets a synthetic `unrecorded` head. */
function withGap(
  entries: ChangeEntry[],
  record: PhysicalRecord | undefined,
  entity: string,
  recordId: string,
): ChangeEntry[] {
  entries.reverse();
  const updatedAt = record?.d.updatedAt;
  if (updatedAt && entries[0]?.version !== updatedAt) {
    entries.unshift({
      id: `unrecorded~${updatedAt}`,
      entity,
      recordId,
      action: 'unrecorded',
      at: updatedAt,
      changes: [],
      version: updatedAt,
    });
  }
  return entries;
}

// The log of each open store, for services that write beside the repositories (merge, restore).
const logs = new WeakMap<object, ChangeLog>();

/** Ties a store to its log; called once by `createStore`. */
export function bindChangeLog(store: object, log: ChangeLog): void {
  logs.set(store, log);
}

/**
 * The log of a store made by `createStore` (undefined for other `Store` implementations). Internal:
 * for merges (which append `merge` entries) and backups (which read and restore the whole log).
 */
export function changeLogOf(store: object): ChangeLog | undefined {
  return logs.get(store);
}
