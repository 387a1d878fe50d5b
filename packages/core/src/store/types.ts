import type { Observable } from 'rxjs';
import type { RxStorage } from 'rxdb';
import type { Entity, JsonSchema, SortSpec } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import type { ShippedEntityTypes } from '../generated/entities.js';
import type { ChangeAuthor, ChangeEntry } from '../audit/types.js';
import type { AttachmentLimits, Attachments } from './attachments.types.js';
import type { PermissionConfig, StoreUser } from '../permissions/types.js';
import type { Permissions } from '../permissions/store-permissions.js';
import type { ReplicationOptions, StoreConflicts, StoreSync } from '../sync/types.js';

/**
 * Record types by entity name, so `store.entity('customer')` is a `Repository<Customer>`. Generated
 * for the shipped schemas by `kehu generate`; add your own with declaration merging:
 * `declare module '@kehu/core' { interface KehuEntityTypes { 'maintenance-order': MaintenanceOrder } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so integrators can merge into it
export interface KehuEntityTypes extends ShippedEntityTypes {}

/** Fields every stored record carries besides its entity's own. */
export interface SystemFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Entity schema version the record was written with. */
  _v?: number;
}

/** A record as callers see it. */
export type KehuRecord<T = Record<string, unknown>> = T & SystemFields;

/**
 * A selector over an entity's own fields, Mango-style:
 * `{ status: 'draft', amount: { $gte: 100 }, name: { $regex: '张' } }`.
 * Conditions on indexed fields use the index; others are filtered.
 */
export type Selector = Record<string, unknown>;

export interface FindOptions {
  selector?: Selector;
  /** One field or several; default: the entity's default sort. */
  sort?: SortSpec | SortSpec[];
  limit?: number;
  skip?: number;
  /** Quick search over the entity's search fields: every word must appear in one of them. */
  search?: string;
}

export interface CountOptions {
  selector?: Selector;
  search?: string;
}

/** A typed repository for one entity. */
export interface Repository<T = Record<string, unknown>> {
  readonly entity: Entity;
  get(id: string): Promise<KehuRecord<T> | null>;
  find(options?: FindOptions): Promise<KehuRecord<T>[]>;
  count(options?: CountOptions): Promise<number>;
  /** Validates and inserts; generates `id` and a naming-series code when absent. */
  insert(data: Partial<T> & { id?: string }): Promise<KehuRecord<T>>;
  /** Inserts or replaces the whole record with that id. */
  upsert(data: Partial<T> & { id?: string }): Promise<KehuRecord<T>>;
  /** Changes some fields; the resulting record must be valid. */
  patch(id: string, changes: Partial<T>): Promise<KehuRecord<T>>;
  /** Soft delete; `restore` undoes it. */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<KehuRecord<T>>;
  /** Validates every record first; if one is invalid nothing is written. Written in batches. */
  bulkInsert(data: (Partial<T> & { id?: string })[], options?: { batchSize?: number }): Promise<number>;
  /**
   * Inserts new ids and replaces existing records (restoring removed ones) in one storage bulk write;
   * validates and checks unique fields first (issues carry `row`), and if one record is invalid nothing
   * is written. Unchanged records are not written. `dryRun` checks without writing or taking codes.
   * `writeSize` splits the storage write into writes of that many records (each atomic, not the
   * whole call) with a pause for the page between them, for long imports; checks and change
   * entries still cover the whole call.
   */
  bulkUpsert(
    data: (Partial<T> & { id?: string })[],
    options?: { dryRun?: boolean; writeSize?: number },
  ): Promise<{ inserted: number; updated: number; unchanged: number }>;
  /** Live results: emits now and after every change that affects them. */
  find$(options?: FindOptions): Observable<KehuRecord<T>[]>;
  count$(options?: CountOptions): Observable<number>;
  /** Callback form of `find$` for hosts without RxJS; returns the unsubscribe function. */
  watch(options: FindOptions, listener: (records: KehuRecord<T>[]) => void): () => void;
  /**
   * Builds the entity's in-memory search column now rather than on its first quick search (a host
   * expecting searches in a big entity can warm it up); resolves once searches are answered from
   * it, at once when the store was opened with `searchInMemory: false`.
   */
  searchReady(): Promise<void>;
}

/** Data migration for one version step of an entity: gets the record at version n-1, returns it at n. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface StoreOptions {
  /** Entity schemas (objects as parsed from `*.schema.json`) or already compiled entities. */
  entities: (JsonSchema | Entity)[];
  /** Any RxStorage; default: Dexie (IndexedDB) where IndexedDB exists, memory elsewhere. */
  storage?: RxStorage<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- RxStorage is generic over internals we never touch
  /** Database name; one per store. Default `kehu`. */
  name?: string;
  /** Locale of error messages (`error.message`); issues carry both locales. Default zh-CN. */
  locale?: Locale;
  /** Migrations per entity and target version: `{ customer: { 1: (r) => ({ ...r, level: 'normal' }) } }`. */
  migrations?: Record<string, Record<number, Migration>>;
  /** Who uses the store: stamped on audit entries; with `permissions`, whose roles are enforced. */
  user?: StoreUser;
  /**
   * Roles and what they may do (docs/decisions/0007-permissions.md). When given, every repository
   * enforces the user's roles on reads and writes; without it, the store trusts its caller.
   */
  permissions?: PermissionConfig;
  /**
   * Encrypt sensitive fields (`x-kehu.sensitive`) at rest with AES-GCM, under a key derived from
   * this password (at least 8 characters). Sensitive fields then cannot be indexed, unique, filtered
   * on or found by quick search. Open the store with the same password every time.
   */
  encryption?: { password: string };
  /** What files may be attached to records: size limit, accepted types, chunk size. */
  attachments?: AttachmentLimits;
  /** Replicate with a CouchDB-protocol server (`store.sync`); see packages/core/src/sync/. */
  replication?: ReplicationOptions;
  /**
   * Answer quick searches from an in-memory column of each searched entity's search text, built on
   * its first search and kept current (about 200 bytes a record): a rare word among 100,000
   * customers in tens of milliseconds instead of seconds. `false` keeps memory flat and reads the
   * storage for every search. Default `true`; always off with `encryption` (building the column
   * would open every record's sealed fields). See docs/decisions/0015-search-column.md.
   */
  searchInMemory?: boolean;
}

export interface Store {
  readonly name: string;
  readonly locale: Locale;
  /** Compiled entities by name. */
  readonly entities: ReadonlyMap<string, Entity>;
  /** The repository for an entity; throws a `KehuError` naming the known entities when unknown. */
  entity<K extends keyof KehuEntityTypes>(name: K): Repository<KehuEntityTypes[K]>;
  entity<T = Record<string, unknown>>(name: string): Repository<T>;
  has(name: string): boolean;
  /** Who writes: stamped on every change entry. */
  readonly user?: ChangeAuthor;
  /** A record's change entries (audit log), newest first; read-only, entries are never changed. */
  history(entity: string, id: string): Promise<ChangeEntry[]>;
  /** Live `history`: emits now and after every write to the record. */
  history$(entity: string, id: string): Observable<ChangeEntry[]>;
  /** Files attached to records of any entity (docs/decisions/0003-attachments.md). */
  readonly attachments: Attachments;
  /** What the user may do; elements use it to hide and disable, the repositories enforce it. */
  readonly permissions: Permissions;
  /** The replication, when the store was opened with `replication`. */
  readonly sync?: StoreSync;
  /** Edits a sync could not apply (same fields changed elsewhere, or refused by the server). */
  readonly conflicts?: StoreConflicts;
  close(): Promise<void>;
}
