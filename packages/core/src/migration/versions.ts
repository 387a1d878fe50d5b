/**
 * Records of mixed entity versions across clients (docs/decisions/0013-mixed-schema-versions.md):
 * every record carries the version that wrote it (`_v`); a client upgrades older records it
 * receives, keeps newer ones exactly as they are and read-only, and never loses a field.
 */
import type { WithDeleted } from 'rxdb';
import type { Entity } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { upgradeRecord } from '../store/migrate.js';
import { toPhysical, type PhysicalRecord } from '../store/physical.js';
import type { KehuRecord, Migration } from '../store/types.js';
import { sameValue } from '../sync/merge.js';

/** Migrations per entity and target version, as `createStore({ migrations })` takes them. */
export type StoreMigrations = Record<string, Record<number, Migration>>;

const versionOf = (record: { _v?: unknown } | undefined) => Number(record?._v ?? 0);

/** True when `record` was written by a newer version of `entity` than this client knows. */
export function isNewer(entity: Entity, record: { _v?: unknown }): boolean {
  return versionOf(record) > entity.version;
}

/**
 * The error for a write to a record a newer version wrote: this client would drop or downgrade
 * what it does not understand, so the record is read-only here until the app is updated.
 */
export function newerVersionError(entity: Entity, record: { id?: unknown; _v?: unknown }, locale: Locale): KehuError {
  const label = entity.label;
  return new KehuError(
    'newer-version',
    {
      en: `This ${label.en.toLowerCase()} (${String(record.id)}) was saved by a newer version of the application (version ${versionOf(record)}; this one knows version ${entity.version}), so it is read-only here and nothing was saved. Update the application to change it.`,
      'zh-CN': `该${label['zh-CN']}（${String(record.id)}）由更新版本的应用保存（版本 ${versionOf(record)}，本应用为版本 ${entity.version}），在此只读，本次未保存。请更新应用后再修改。`,
    },
    locale,
  );
}

/**
 * A record document as this client stores it: an older record is upgraded with the migrations,
 * a newer one is left as it is, and either way the index slots are laid out with this client's
 * entity (the sender's layout may differ). Unknown entities pass unchanged.
 */
export async function localDocument(
  entities: ReadonlyMap<string, Entity>,
  migrations: StoreMigrations,
  doc: WithDeleted<PhysicalRecord>,
): Promise<WithDeleted<PhysicalRecord>> {
  const entity = entities.get(doc.e);
  if (!entity || !doc.d || doc._deleted) return doc;
  const record =
    versionOf(doc.d) < entity.version
      ? ((await upgradeRecord(entity, doc.d, migrations[entity.name])) as KehuRecord)
      : doc.d;
  return { ...doc, ...toPhysical(entity, record, doc.t === 1) };
}

/**
 * Whether two record documents are the same write, for the replication's conflict check: the
 * index slots are derived (each client lays them out itself) so only the record and its removal
 * count; of two versions of one write (one upgraded by `localDocument`), the stamp says it.
 */
export function sameWrite(a: WithDeleted<PhysicalRecord>, b: WithDeleted<PhysicalRecord>): boolean {
  if (Boolean(a._deleted) !== Boolean(b._deleted)) return false;
  if (a._deleted) return true;
  if (a.t !== b.t) return false;
  if (!a.d || !b.d) return sameValue(a.d, b.d);
  if (versionOf(a.d) === versionOf(b.d)) return sameValue(a.d, b.d);
  return a.d.id === b.d.id && a.d.updatedAt === b.d.updatedAt;
}
