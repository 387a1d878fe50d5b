import type { Store } from '../store/types.js';
import { assertFullAccess, storeCollections } from './access.js';
import { sealBackup, type BackupContent } from './format.js';

/**
 * A full backup of the store as one JSON text (UTF-8; see `BackupFile`): every entity's records,
 * soft-deleted ones too, saved views, the audit trail, attachments with their content, and the
 * naming-series counters, with a SHA-256 checksum. Under permissions the user needs `export` on
 * every entity, all rows and all fields. Save it as a `.json` file; `restoreBackup` reads it.
 */
export async function backupStore(store: Store): Promise<string> {
  assertFullAccess(store, store.entities.keys(), 'backup');
  const raw = await storeCollections(store);
  const content: BackupContent = { entities: {}, changes: [], files: [], series: {} };
  for (const [name, entity] of store.entities) {
    // Live records through the repository (the public read path); deleted ones only exist raw.
    const records = await store.entity(name).find({ sort: { field: 'id', direction: 'asc' } });
    const removed = await raw.records.find({ selector: { e: name, t: 1 }, sort: [{ pk: 'asc' }] }).exec();
    content.entities[name] = {
      version: entity.version,
      records,
      removed: removed.map((doc) => structuredClone(doc._data.d)),
    };
  }
  const changes = await raw.changes.find({ sort: [{ id: 'asc' }] }).exec();
  content.changes = changes.map((doc) => strip(doc._data));
  // Complete files and their chunks; half-written ones (`pending`) are not data yet.
  const files = await raw.files.find({ selector: { kind: { $in: ['file', 'chunk'] } }, sort: [{ id: 'asc' }] }).exec();
  content.files = files.map((doc) => strip(doc._data));
  const meta = await raw.meta.find({ sort: [{ id: 'asc' }] }).exec();
  for (const doc of meta)
    if (doc._data.id.startsWith('series|')) content.series[doc._data.id] = Number(doc._data.value.next);
  return sealBackup(content, store.name, store.locale);
}

/** A stored document without RxDB's own fields (`_rev`, `_meta`, `_deleted`, `_attachments`). */
function strip<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = structuredClone(value);
  return out as T;
}
