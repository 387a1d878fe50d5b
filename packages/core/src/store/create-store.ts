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
import { bindChangeLog, ChangeLog, changesSchema, type ChangeDoc } from '../audit/change-log.js';
import type { ChangeEntry } from '../audit/types.js';
import type { Observable } from 'rxjs';
import { savedViewEntity } from '../views/saved-view.js';
import { importEntities } from '../import/import-entities.js';
import { referrersOf } from './in-use.js';
import { LazyAttachments } from './attachments-lazy.js';
import type { Attachments } from './attachments.types.js';
import type { PermittedRepository } from '../permissions/permitted-repository.js';
import type { EntityPolicy } from '../permissions/policy.js';
import type { Permissions } from '../permissions/store-permissions.js';
import type { redactHistory } from '../permissions/redact.js';
import { defer, map, of, switchMap } from 'rxjs';
import type { Locale } from '../i18n/locale.js';
import { conflictEntity } from '../sync/conflict-entity.js';
import { syncSetup } from '../sync/store-hook.js';
import type { StoreConflicts, StoreSync } from '../sync/types.js';

const isEntity = (value: JsonSchema | Entity): value is Entity => typeof (value as Entity).validate === 'function';

type StorePermissions = Permissions & { policy(entity: Entity): EntityPolicy | undefined };

/** What a store without `permissions` answers: everything allowed (as `storePermissions` without a configuration). */
const unrestricted: StorePermissions = {
  enforced: false,
  policy: () => undefined,
  can: () => true,
  field: () => 'write',
  scope: () => 'all',
  assert: () => undefined,
};

/** The enforcing parts, loaded only by stores opened with `permissions` (most hosts configure none). */
interface PermissionKit {
  PermittedRepository: typeof PermittedRepository;
  redactHistory: typeof redactHistory;
}

/** Dexie (IndexedDB, with fast deep pages) where the platform has IndexedDB, memory elsewhere (Node, tests). */
export function defaultStorage(): RxStorage<unknown, unknown> {
  return 'indexedDB' in globalThis ? getKehuDexieStorage() : getRxStorageMemory();
}

/** The storage with sensitive fields sealed; refuses a short password and sensitive fields that are indexed. */
async function encryptedStorage(
  storage: RxStorage<unknown, unknown>,
  entities: ReadonlyMap<string, Entity>,
  password: string,
  name: string,
  locale: Locale,
): Promise<{ storage: RxStorage<unknown, unknown>; token: (word: string) => Promise<string> }> {
  if (typeof password !== 'string' || password.length < 8) {
    throw new KehuError(
      'weak-password',
      {
        en: 'The encryption password must have at least 8 characters.',
        'zh-CN': '加密密码至少需要 8 个字符。',
      },
      locale,
    );
  }
  for (const entity of entities.values()) {
    const exposed = [...entity.indexes, ...entity.unique].filter((f) => entity.field(f)?.sensitive);
    if (exposed.length) {
      throw new KehuSchemaError(
        entity.source,
        exposed.map((field) => ({
          pointer: '/x-kehu/indexes',
          message: {
            en: `"${field}" is sensitive and encrypted, so it cannot be indexed or unique (its index would hold it in clear text)`,
            'zh-CN': `「${field}」是加密的敏感字段，不能建索引或设为唯一（索引会以明文保存）`,
          },
        })),
        locale,
      );
    }
  }
  // Loaded only here: stores without encryption do not download the sealing code.
  const { deriveKeys, searchToken, encryptedFieldsStorage } = await import('../encryption/encrypting.js');
  const keys = await deriveKeys(password, name);
  return {
    storage: encryptedFieldsStorage(storage, entities, keys, locale),
    token: (word: string) => searchToken(keys.hmac, word),
  };
}

/** The live store: entities, their repositories, and what opening did to stored data. */
class KehuStore implements Store {
  private repositories = new Map<string, Repository>();
  /** Files attached to records; set once by `createStore`. */
  attachments!: Attachments;
  /** Set once by `createStore` (sync/store-hook.ts). */
  conflicts?: StoreConflicts;
  sync?: StoreSync & { close(): Promise<void> };
  /** Hands out naming-series codes; the sync gives it blocks reserved on the server (decision 0012). */
  readonly series: NamingSeries;
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
    readonly permissions: StorePermissions,
    /** Set when `permissions` enforces a configuration. */
    private kit: PermissionKit | undefined,
    /** In an encrypted store, the search token of a word (see encryption/seal.ts). */
    searchToken?: (word: string) => Promise<string>,
    /** Whether quick searches may use an in-memory search column (`StoreOptions.searchInMemory`). */
    searchInMemory = true,
  ) {
    const series = (this.series = new NamingSeries(meta, collection));
    bindChangeLog(this, changeLog);
    for (const entity of entities.values()) {
      const repository = new EntityRepository(
        entity,
        collection,
        series,
        this.locale,
        changeLog,
        referrersOf(entity.name, entities.values()),
        searchToken,
        searchInMemory,
      );
      const policy = permissions.policy(entity);
      this.repositories.set(
        entity.name,
        policy && kit ? new kit.PermittedRepository(repository, policy, this.locale) : repository,
      );
    }
  }

  /**
   * Under permissions: checks the user may query the entity and reach the record (live or deleted);
   * the history then shows only fields the user may see. `undefined` when nothing is enforced.
   */
  private async historyAccess(entity: string, id: string) {
    const policy = this.permissions.policy(this.entities.get(entity)!);
    if (!policy) return undefined;
    this.permissions.assert(entity, 'query');
    const reached = await (this.repositories.get(entity) as PermittedRepository).reaches(id);
    return reached ? policy : 'unreachable';
  }

  get user() {
    return this.changeLog.user;
  }

  async history(entity: string, id: string): Promise<ChangeEntry[]> {
    this.repository(entity);
    const access = await this.historyAccess(entity, id);
    if (access === 'unreachable') return [];
    const entries = await this.changeLog.history(entity, id);
    return access ? this.kit!.redactHistory(entries, access) : entries;
  }

  history$(entity: string, id: string): Observable<ChangeEntry[]> {
    this.repository(entity);
    if (!this.permissions.enforced) return this.changeLog.history$(entity, id);
    this.permissions.assert(entity, 'query');
    return defer(() => this.historyAccess(entity, id)).pipe(
      switchMap((access) =>
        access === 'unreachable' || !access
          ? of([])
          : this.changeLog.history$(entity, id).pipe(map((entries) => this.kit!.redactHistory(entries, access))),
      ),
    );
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
    await this.sync?.close();
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
  for (const e of importEntities) if (!entities.has(e.name)) entities.set(e.name, e);
  if (!entities.has(conflictEntity.name)) entities.set(conflictEntity.name, conflictEntity);
  for (const entity of entities.values()) {
    const problems = referenceProblems(entity, entities);
    if (problems.length) throw new KehuSchemaError(entity.source, problems, locale);
  }
  const name = options.name ?? 'kehu';
  let storage = options.storage ?? defaultStorage();
  let token: ((word: string) => Promise<string>) | undefined;
  if (options.encryption) {
    ({ storage, token } = await encryptedStorage(storage, entities, options.encryption.password, name, locale));
  }
  const database = await createRxDatabase({
    name,
    storage,
    multiInstance: 'indexedDB' in globalThis,
    eventReduce: true,
    allowSlowCount: true,
    closeDuplicates: true,
  });
  const sync = syncSetup(entities, options.migrations);
  const collections = await database.addCollections({
    records: { schema: recordsSchema, conflictHandler: sync.conflictHandler },
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
  let permissions = unrestricted;
  let kit: PermissionKit | undefined;
  if (options.permissions) {
    const { permissionProblems, storePermissions, PermittedRepository, redactHistory } =
      await import('../permissions/enforce.js');
    const problems = permissionProblems(options.permissions, entities, options.user);
    if (!options.user)
      problems.push({
        en: 'permissions need a user (createStore({ user }))',
        'zh-CN': '启用权限时必须指定用户（createStore({ user })）',
      });
    if (problems.length) {
      throw new KehuError(
        'invalid-permissions',
        {
          en: `The permission configuration cannot be used:\n${problems.map((p) => `  ${p.en}`).join('\n')}`,
          'zh-CN': `权限配置无法使用：\n${problems.map((p) => `  ${p['zh-CN']}`).join('\n')}`,
        },
        locale,
      );
    }
    permissions = storePermissions(entities, locale, options.permissions, options.user);
    kit = { PermittedRepository, redactHistory };
  }
  // Audit entries carry who wrote, not their roles.
  const user = options.user
    ? { id: options.user.id, ...(options.user.name ? { name: options.user.name } : {}) }
    : undefined;
  const store = new KehuStore(
    name,
    locale,
    entities,
    database,
    records,
    meta,
    reports,
    new ChangeLog(changes, records, locale, user),
    permissions,
    kit,
    token,
    options.searchInMemory !== false,
  );
  store.attachments = new LazyAttachments(database, store, options.attachments, user);
  Object.assign(
    store,
    await sync.attach(store, database, records, options.replication, { series: store.series, meta }),
  );
  return store;
}
