import type { RxCollection } from 'rxdb';
import { breathe, readPages, type PagedReadOptions } from '../export/paged-read.js';
import type { Store } from '../store/types.js';
import { assertFullAccess, storeCollections } from './access.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupChecksum, type BackupFile } from './format.js';

export type BackupOptions = PagedReadOptions;

const MIME_TYPE = 'application/json';

/**
 * A full backup of the store as one file (UTF-8 JSON; see `BackupFile`): every entity's records,
 * soft-deleted ones too, saved views, the audit trail, attachments with their content, and the
 * naming-series counters, with a SHA-256 checksum. Under permissions the user needs `export` on
 * every entity, all rows and all fields. Save it as a `.json` file; `restoreBackup` reads it.
 *
 * Written as it is read: a page of documents at a time becomes JSON text appended to a Blob (kept
 * by the browser, outside the JS heap where it can), so a store with many records or large
 * attachments is never held as one object or one string. `onProgress` counts documents written of
 * all there are; `signal` cancels (an `AbortError`, and no file). The text is exactly
 * `JSON.stringify` of the `BackupFile`, so the checksum is the one `openBackup` computes.
 */
export async function backupFile(store: Store, options: BackupOptions = {}): Promise<Blob> {
  assertFullAccess(store, store.entities.keys(), 'backup');
  const { signal, onProgress } = options;
  const pageSize = options.pageSize ?? 500;
  signal?.throwIfAborted();
  const raw = await storeCollections(store);
  let total = 0;
  for (const name of store.entities.keys())
    total += (await store.entity(name).count()) + (await raw.records.count({ selector: { e: name, t: 1 } }).exec());
  total += await raw.changes.count().exec();
  const fileSelector = { kind: { $in: ['file', 'chunk'] } };
  total += await raw.files.count({ selector: fileSelector }).exec();
  let done = 0;
  onProgress?.({ done, total });

  let content = new Blob([]);
  const append = (text: string) => (content = new Blob([content, text]));
  /** Writes `[a,b,…]` from pages of documents, each as `JSON.stringify` would write it within the whole. */
  const array = async (pages: AsyncIterable<unknown[]>) => {
    append('[');
    let first = true;
    for await (const page of pages) {
      signal?.throwIfAborted();
      if (!page.length) continue;
      append(`${first ? '' : ','}${page.map((doc) => JSON.stringify(doc)).join(',')}`);
      first = false;
      done += page.length;
      total = Math.max(total, done);
      onProgress?.({ done, total });
    }
    append(']');
  };

  append('{"entities":{');
  let firstEntity = true;
  for (const [name, entity] of store.entities) {
    append(`${firstEntity ? '' : ','}${JSON.stringify(name)}:{"version":${JSON.stringify(entity.version)},"records":`);
    firstEntity = false;
    // Live records through the repository (the public read path); deleted ones only exist raw.
    await array(readPages(store.entity(name), {}, { pageSize, signal }));
    append(',"removed":');
    await array(rawPages(raw.records, { e: name, t: 1 }, 'pk', pageSize, signal, (doc) => structuredClone(doc.d)));
    append('}');
  }
  append('},"changes":');
  await array(rawPages(raw.changes, {}, 'id', pageSize, signal, strip));
  append(',"files":');
  // Complete files and their chunks; half-written ones (`pending`) are not data yet.
  await array(rawPages(raw.files, fileSelector, 'id', pageSize, signal, strip));
  const series: Record<string, number> = {};
  const meta = await raw.meta.find({ sort: [{ id: 'asc' }] }).exec();
  for (const doc of meta) if (doc._data.id.startsWith('series|')) series[doc._data.id] = Number(doc._data.value.next);
  append(`,"series":${JSON.stringify(series)}}`);
  signal?.throwIfAborted();

  // Web Crypto hashes whole buffers only: the content's bytes are read back once for the checksum.
  const sha256 = await backupChecksum(new Uint8Array(await content.arrayBuffer()), store.locale);
  signal?.throwIfAborted();
  const head: Omit<BackupFile, 'content'> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    store: store.name,
    createdAt: new Date().toISOString(),
    sha256,
  };
  return new Blob([`${JSON.stringify(head).slice(0, -1)},"content":`, content, '}'], { type: MIME_TYPE });
}

/**
 * `backupFile` as one JSON text, for callers that want a string (small stores, scripts). The same
 * bytes, decoded.
 */
export async function backupStore(store: Store, options: BackupOptions = {}): Promise<string> {
  return (await backupFile(store, options)).text();
}

/** A raw collection's documents in `key` order, a page at a time, continuing after the last key read. */
async function* rawPages<D extends object, T>(
  collection: RxCollection<D>,
  selector: Record<string, unknown>,
  key: string,
  pageSize: number,
  signal: AbortSignal | undefined,
  map: (doc: D) => T,
): AsyncGenerator<T[]> {
  let last: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const docs = await collection
      .find({
        selector: (last === undefined ? selector : { ...selector, [key]: { $gt: last } }) as never,
        sort: [{ [key]: 'asc' }] as never,
        limit: pageSize,
      })
      .exec();
    if (!docs.length) return;
    last = String((docs[docs.length - 1]._data as Record<string, unknown>)[key]);
    yield docs.map((doc) => map(doc._data as D));
    if (docs.length < pageSize) return;
    await breathe();
  }
}

/** A stored document without RxDB's own fields (`_rev`, `_meta`, `_deleted`, `_attachments`). */
function strip<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = structuredClone(value);
  return out as T;
}
