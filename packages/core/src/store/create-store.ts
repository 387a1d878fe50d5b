import { createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getKehuDexieStorage } from './dexie-storage.js';
import { defineEntity } from '../entity/define-entity.js';
import { closest } from '../entity/names.js';
import { referenceProblems } from '../entity/references.js';
import type { Entity, JsonSchema } from '../entity/types.js';
import { KehuError, KehuSchemaError } from '../errors/errors.js';
import { migrateEntity, type MigrationReport } from './migrate.js';
import { metaSchema, recordsSchema, type PhysicalRecord } from './physical.js';
import { EntityRepository } from './repository.js';
import { NamingSeries, type MetaDoc } from './series-counter.js';
import type { Repository, Store, StoreOptions } from './types.js';
import { ChangeLog, changesSchema, type ChangeDoc } from '../audit/change-log.js';
import type { ChangeEntry } from '../audit/types.js';
import type { Observable } from 'rxjs';
import { savedViewEntity } from '../views/saved-view.js';
import { referrersOf } from './in-use.js';
import { StoreAttachments } from './attachments.js';
import type { Attachments } from './attachments.types.js';

const isEntity = (value: JsonSchema | Entity): value is Entity => typeof (value as Entity).validate === 'function';

/** Dexie (IndexedDB, with fast deep pages) where the platform has IndexedDB, memory elsewhere (Node, tests). */
export function defaultStorage(): RxStorage<unknown, unknown> {
  return 'indexedDB' in globalThis ? getKehuDexieStorage() : getRxStorageMemory();
}

/** The live store: entities, their repositories, and what opening did to stored data. */
class KehuStore implements Store {
  private repositories = new Map<string, Repository>();
  /** Files attached to records; set once by `createStore`. */
  attachments!: Attachments;
  constructor(
    readonly name: string,
    readonly locale: StoreOptions['locale'] & string,
    readonly entities: ReadonlyMap<string, Entity>,
    private database: { close(): Promise<boolean> },
    collection: RxCollection<PhysicalRecord>,
    meta: RxCollection<MetaDoc>,
    /** One report per entity whose stored records were migrated or re-indexed on open. */
    readonly migrations: MigrationReport[],
    /** The append-only audit log every repository writes to. */
    private changeLog: ChangeLog,
  ) {
    const series = new NamingSeries(meta, collection);
    for (const entity of entities.values())
      this.repositories.set(
        entity.name,
        new EntityRepository(
          entity,
          collection,
          series,
          this.locale,
          changeLog,
          referrersOf(entity.name, entities.values()),
        ),
      );
  }

  get user() {
    return this.changeLog.user;
  }

  history(entity: string, id: string): Promise<ChangeEntry[]> {
    this.repository(entity);
    return this.changeLog.history(entity, id);
  }

  history$(entity: string, id: string): Observable<ChangeEntry[]> {
    this.repository(entity);
    return this.changeLog.history$(entity, id);
  }

  has(name: string): boolean {
    return this.entities.has(name);
  }

  entity<T = Record<string, unknown>>(name: string): Repository<T> {
    return this.repository(name) as unknown as Repository<T>;
  }

  private repository(name: string): Repository {
    const repository = this.repositories.get(name);
    if (!repository) {
      const known = [...this.entities.keys()].join(', ');
      const guess = closest(name, this.entities.keys());
      throw new KehuError(
        'unknown-entity',
        {
          en: `Unknown entity "${name}"${guess ? ` — did you mean "${guess}"?` : ''}. Defined entities: ${known}.`,
          'zh-CN': `未知实体「${name}」${guess ? `——是否应为「${guess}」？` : ''}。已定义的实体：${known}。`,
        },
        this.locale,
      );
    }
    return repository;
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}

/**
 * Opens a store over any RxStorage. All entities share two physical collections, so there is no
 * limit on their number; records of older entity versions are migrated on open, none is lost.
 */
export async function createStore(options: StoreOptions): Promise<Store & { migrations: MigrationReport[] }> {
  const locale = options.locale ?? 'zh-CN';
  const entities = new Map<string, Entity>();
  for (const item of options.entities) {
    const entity = isEntity(item) ? item : defineEntity(item, typeof item.$id === 'string' ? item.$id : 'runtime');
    if (entities.has(entity.name)) {
      throw new KehuError(
        'duplicate-entity',
        {
          en: `Two schemas define the entity "${entity.name}" (${entities.get(entity.name)!.source} and ${entity.source}); rename one.`,
          'zh-CN': `有两个定义都叫「${entity.name}」（${entities.get(entity.name)!.source} 和 ${entity.source}），请重命名其中一个。`,
        },
        locale,
      );
    }
    entities.set(entity.name, entity);
  }
  // Built-in: saved list views are records like any other, so they validate, audit and sync.
  if (!entities.has(savedViewEntity.name)) entities.set(savedViewEntity.name, savedViewEntity);
  for (const entity of entities.values()) {
    const problems = referenceProblems(entity, entities);
    if (problems.length) throw new KehuSchemaError(entity.source, problems, locale);
  }
  const name = options.name ?? 'kehu';
  const database = await createRxDatabase({
    name,
    storage: options.storage ?? defaultStorage(),
    multiInstance: 'indexedDB' in globalThis,
    eventReduce: true,
    allowSlowCount: true,
    closeDuplicates: true,
  });
  const collections = await database.addCollections({
    records: { schema: recordsSchema },
    meta: { schema: metaSchema },
    changes: { schema: changesSchema },
  });
  const records = collections.records as unknown as RxCollection<PhysicalRecord>;
  const meta = collections.meta as unknown as RxCollection<MetaDoc>;
  const reports: MigrationReport[] = [];
  for (const entity of entities.values()) {
    const report = await migrateEntity(entity, records, meta, options.migrations?.[entity.name]);
    if (report) reports.push(report);
  }
  const changes = collections.changes as unknown as RxCollection<ChangeDoc>;
  const user = options.user ? { ...options.user } : undefined;
  const store = new KehuStore(
    name,
    locale,
    entities,
    database,
    records,
    meta,
    reports,
    new ChangeLog(changes, records, locale, user),
  );
  store.attachments = new StoreAttachments(database, store, options.attachments, user);
  return store;
}
