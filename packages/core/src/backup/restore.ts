import type { ChangeDoc } from '../audit/change-log.js';
import type { Entity } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { FileDoc } from '../store/attachments-schema.js';
import { primaryKey, toPhysical } from '../store/physical.js';
import type { KehuRecord, Store } from '../store/types.js';
import { assertFullAccess, storeCollections, type StoreCollections } from './access.js';
import { openBackup, type BackupFile } from './format.js';

/** What happened (or, in a dry run, would happen) to one entity's records. */
export interface RestoreEntityReport {
  /** Not in the store before. */
  added: number;
  /** In the store already, exactly as in the backup. */
  unchanged: number;
  /** In the store with other values or state; the backup's version replaces it. */
  replaced: number;
  /** Not restored, with the reasons in both locales. */
  rejected: { id: string; reasons: LocalizedText[] }[];
}

export interface RestoreReport {
  dryRun: boolean;
  /** The backup's store name and time. */
  source: { store: string; createdAt: string };
  entities: Record<string, RestoreEntityReport>;
  /** Change entries and attachment documents added (the rest were there already). */
  changes: { added: number; unchanged: number };
  files: { added: number; unchanged: number };
}

export interface RestoreOptions {
  /** Check and report only; write nothing. */
  dryRun?: boolean;
}

type Row = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const BATCH = 500;

/**
 * Restores a backup (`backupFile`'s Blob, or `backupStore`'s text or its bytes) into this store,
 * empty or not. The file is checked first (complete, Kehu's format, matching checksum): a damaged file is refused with a
 * localised `backup-damaged` error and nothing is written. Records keep their ids, timestamps and
 * deleted state; a record already in the store is replaced by the backup's. Records that do not
 * validate against this store's schema, were written by another schema version, belong to an
 * unknown entity or would take a unique value another record holds are rejected, with reasons.
 * History entries and attachments are added where missing. `dryRun` reports without writing.
 */
export async function restoreBackup(
  store: Store,
  file: string | Uint8Array | Blob,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const backup = await openBackup(file, store.locale);
  assertFullAccess(store, Object.keys(backup.content.entities), 'restore');
  const raw = await storeCollections(store);
  const report: RestoreReport = {
    dryRun: !!options.dryRun,
    source: { store: backup.store, createdAt: backup.createdAt },
    entities: {},
    changes: { added: 0, unchanged: 0 },
    files: { added: 0, unchanged: 0 },
  };
  const accepted = new Set<string>();
  const writes: { entity: Entity; record: KehuRecord; removed: boolean }[] = [];
  for (const [name, part] of Object.entries(backup.content.entities)) {
    const entry: RestoreEntityReport = { added: 0, unchanged: 0, replaced: 0, rejected: [] };
    report.entities[name] = entry;
    const entity = store.entities.get(name);
    const incoming = [
      ...part.records.map((record) => ({ record, removed: false })),
      ...part.removed.map((record) => ({ record, removed: true })),
    ];
    if (!entity) {
      const reason = {
        en: `The store has no entity "${name}".`,
        'zh-CN': `当前存储中没有实体「${name}」。`,
      };
      for (const { record } of incoming) entry.rejected.push({ id: String(record?.id), reasons: [reason] });
      continue;
    }
    const existing = await currentRecords(raw, name);
    const taken = uniqueHolders(entity, existing, incoming);
    for (const { record, removed } of incoming) {
      const reasons = problems(entity, record, removed, part.version, taken);
      if (reasons.length) {
        entry.rejected.push({ id: String(record?.id), reasons });
        continue;
      }
      accepted.add(primaryKey(name, record.id));
      const before = existing.get(record.id);
      if (!before) entry.added++;
      else if (before.removed === removed && same(before.record, record)) {
        entry.unchanged++;
        continue;
      } else entry.replaced++;
      writes.push({ entity, record, removed });
    }
  }
  const changes = await missing(
    raw.changes,
    // A group entry (the creates of a bulk write) comes back with any of its records.
    backup.content.changes.filter(
      (c) => accepted.has(c.k) || (Array.isArray(c.ids) && c.ids.some((id) => accepted.has(primaryKey(c.e, id)))),
    ),
    report.changes,
  );
  const files = await missing(raw.files, backup.content.files, report.files);
  if (options.dryRun) return report;
  for (let i = 0; i < writes.length; i += BATCH)
    await raw.records.bulkUpsert(writes.slice(i, i + BATCH).map((w) => toPhysical(w.entity, w.record, w.removed)));
  for (let i = 0; i < changes.length; i += BATCH) await raw.changes.bulkInsert(changes.slice(i, i + BATCH));
  // Chunks before descriptions: a file is listed only once its content is there.
  const ordered = [...files.filter((f) => f.kind === 'chunk'), ...files.filter((f) => f.kind !== 'chunk')];
  for (let i = 0; i < ordered.length; i += BATCH) await raw.files.bulkInsert(ordered.slice(i, i + BATCH));
  await restoreSeries(raw, backup);
  return report;
}

async function currentRecords(raw: StoreCollections, entity: string) {
  const docs = await raw.records.find({ selector: { e: entity } }).exec();
  return new Map(docs.map((doc) => [doc._data.d.id, { record: doc._data.d, removed: doc._data.t !== 0 }]));
}

/** Who will hold each unique value once the backup is in: the backup's live records, then the store's others. */
function uniqueHolders(
  entity: Entity,
  existing: Map<string, { record: KehuRecord; removed: boolean }>,
  incoming: { record: KehuRecord; removed: boolean }[],
): Map<string, Map<unknown, string>> {
  const holders = new Map<string, Map<unknown, string>>();
  const ids = new Set(incoming.map((i) => i.record?.id));
  for (const field of entity.unique) {
    const map = new Map<unknown, string>();
    for (const [id, { record, removed }] of existing) {
      const value = (record as Row)[field];
      if (!removed && !ids.has(id) && value !== undefined && value !== '') map.set(value, id);
    }
    holders.set(field, map);
  }
  return holders;
}

function problems(
  entity: Entity,
  record: KehuRecord,
  removed: boolean,
  version: number,
  taken: Map<string, Map<unknown, string>>,
): LocalizedText[] {
  if (!record || typeof record !== 'object' || typeof record.id !== 'string' || !record.id)
    return [{ en: 'The record has no id.', 'zh-CN': '记录缺少 ID。' }];
  const recordVersion = record._v ?? version;
  if (recordVersion !== entity.version)
    return [
      {
        en: `Written with schema version ${recordVersion}; this store's ${entity.name} is version ${entity.version}.`,
        'zh-CN': `该记录按结构版本 ${recordVersion} 写入，当前存储的「${entity.label['zh-CN']}」为版本 ${entity.version}。`,
      },
    ];
  const reasons = entity.validate(record).map((issue) => issue.message);
  if (reasons.length || removed) return reasons;
  for (const field of entity.unique) {
    const value = (record as Row)[field];
    if (value === undefined || value === '') continue;
    const holder = taken.get(field)!.get(value);
    if (holder !== undefined && holder !== record.id) {
      const label = entity.field(field)?.label ?? { en: field, 'zh-CN': field };
      reasons.push({
        en: `${label.en}: "${String(value)}" is already used by ${holder}.`,
        'zh-CN': `${label['zh-CN']}：「${String(value)}」已被 ${holder} 使用。`,
      });
    } else taken.get(field)!.set(value, record.id);
  }
  return reasons;
}

/** The documents not yet stored (by id), counting them into `tally`. */
async function missing<T extends ChangeDoc | FileDoc>(
  collection: { findByIds(ids: string[]): { exec(): Promise<Map<string, unknown>> } },
  docs: T[],
  tally: { added: number; unchanged: number },
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const slice = docs.slice(i, i + BATCH);
    const found = await collection.findByIds(slice.map((d) => d.id)).exec();
    for (const doc of slice) if (!found.has(doc.id)) out.push(doc);
  }
  tally.added = out.length;
  tally.unchanged = docs.length - out.length;
  return out;
}

/** Counters never go back: a code the backup handed out is not handed out again. */
async function restoreSeries(raw: StoreCollections, backup: BackupFile): Promise<void> {
  for (const [id, next] of Object.entries(backup.content.series)) {
    if (!Number.isFinite(next)) continue;
    await raw.meta.insertIfNotExists({ id, value: { next } });
    const doc = await raw.meta.findOne(id).exec();
    await doc?.incrementalModify((data) =>
      Number(data.value.next) >= next ? data : { ...data, value: { ...data.value, next } },
    );
  }
}
