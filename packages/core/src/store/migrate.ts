import type { RxCollection } from 'rxdb';
import type { Entity } from '../entity/types.js';
import { withDefaults } from './checks.js';
import { toPhysical, type PhysicalRecord } from './physical.js';
import type { MetaDoc } from './series-counter.js';
import type { KehuRecord, Migration } from './types.js';

/** What opening the store did to one entity's stored records. */
export interface MigrationReport {
  entity: string;
  from: number;
  to: number;
  /** Records rewritten (new version or new index layout). */
  records: number;
  /** Ids of records that are kept but no longer valid under the new schema: fix them, none is dropped. */
  invalid: string[];
  /** Set when the stored data was written by a newer schema version than this one; nothing is changed. */
  newer?: boolean;
}

/** What decides whether stored records must be rewritten: the version and the index/search layout. */
export function layoutOf(entity: Entity) {
  // `searchFormat` 2: sensitive search fields after a mark (physical.ts); records of format 1 are re-indexed.
  return { version: entity.version, indexes: entity.indexes, search: entity.search, searchFormat: 2 };
}

/**
 * A record of an older version brought to the entity's version: the migrations run step by step
 * from the record's own `_v` (or `from` when it has none), then new fields get their schema defaults.
 * Fields the migrations do not touch are kept, known to the schema or not. A record of a newer
 * version is returned unchanged.
 */
export async function upgradeRecord(
  entity: Entity,
  stored: Record<string, unknown>,
  migrations: Record<number, Migration> = {},
  from = entity.version,
): Promise<Record<string, unknown>> {
  let record = structuredClone(stored);
  // Written by a newer version: kept exactly as it is, never downgraded (decision 0013).
  if (Number(record._v ?? 0) > entity.version) return record;
  for (let v = Number(record._v ?? from) + 1; v <= entity.version; v++) {
    if (migrations[v]) record = await migrations[v](record);
  }
  return { ...withDefaults(entity, record), _v: entity.version };
}

/**
 * Brings an entity's stored records to its current version and index layout, in batches of 500:
 * every record is kept (invalid ones are reported, never dropped), migrations run step by step
 * from each record's own `_v`, and new fields get their schema defaults.
 */
export async function migrateEntity(
  entity: Entity,
  records: RxCollection<PhysicalRecord>,
  meta: RxCollection<MetaDoc>,
  migrations: Record<number, Migration> = {},
): Promise<MigrationReport | undefined> {
  const id = `entity|${entity.name}`;
  const layout = layoutOf(entity);
  const stored = await meta.findOne(id).exec();
  const previous = stored?._data.value as ReturnType<typeof layoutOf> | undefined;
  if (previous && JSON.stringify(previous) === JSON.stringify(layout)) return undefined;
  const from = previous?.version ?? entity.version;
  if (previous && previous.version > entity.version) {
    return { entity: entity.name, from, to: entity.version, records: 0, invalid: [], newer: true };
  }
  const report: MigrationReport = { entity: entity.name, from, to: entity.version, records: 0, invalid: [] };
  if (previous) {
    let last = '';
    for (;;) {
      const docs = await records
        .find({ selector: { e: entity.name, pk: { $gt: last } }, sort: [{ pk: 'asc' }], limit: 500 })
        .exec();
      if (!docs.length) break;
      last = docs[docs.length - 1].primary;
      const batch: PhysicalRecord[] = [];
      for (const doc of docs) {
        const record = await upgradeRecord(entity, doc._data.d, migrations, from);
        const newer = Number(record._v ?? 0) > entity.version;
        if (!newer && entity.validate(record).length) report.invalid.push(String(record.id));
        batch.push(toPhysical(entity, record as KehuRecord, doc._data.t === 1));
      }
      await records.bulkUpsert(batch);
      report.records += batch.length;
    }
  }
  await meta.upsert({ id, value: layout });
  return previous ? report : undefined;
}
