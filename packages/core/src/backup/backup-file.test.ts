import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import type { ReadProgress } from '../export/paged-read.js';
import { backupFile } from './backup.js';
import { restoreBackup } from './restore.js';
import { openBackup } from './format.js';

const client: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Client' }, namingSeries: { field: 'code', pattern: 'KH{####}' } },
  properties: { code: { type: 'string', maxLength: 20 }, name: { type: 'string', maxLength: 80 } },
};

let count = 0;
const open = () =>
  createStore({
    entities: [client],
    storage: getRxStorageMemory(),
    name: `backup-file-${Date.now()}-${count++}`,
    user: { id: 'u1' },
  });

/** 1,234 clients (a few deleted, one renamed), some names that JSON must escape. */
async function many() {
  const store = await open();
  const clients = store.entity('client');
  await clients.bulkInsert(
    Array.from({ length: 1234 }, (_, i) => ({
      id: `c${String(i).padStart(4, '0')}`,
      name: i % 100 === 7 ? `"引号" \\ <script>\u2028 ${i}` : `客户 ${i}`,
    })),
  );
  for (const id of ['c0003', 'c0500', 'c1200']) await clients.remove(id);
  await clients.patch('c0001', { name: '改名' });
  await store.attachments.add('client', 'c0002', { name: '合同.pdf', data: new Uint8Array(70_000).fill(7) });
  return store;
}

describe('backupFile', () => {
  it('writes page by page exactly the JSON of the backup, with progress, and restores from the Blob', async () => {
    const original = await many();
    const seen: ReadProgress[] = [];
    const file = await backupFile(original, { pageSize: 100, onProgress: (p) => seen.push(p) });
    assert.equal(file.type, 'application/json');
    const text = await file.text();
    const parsed = await openBackup(file);
    assert.equal(JSON.stringify(parsed), text, 'the text is JSON.stringify of the file, checksum included');
    assert.equal(parsed.content.entities.client.records.length, 1231);
    assert.equal(parsed.content.entities.client.removed.length, 3);
    // The bulk insert's creates are two group entries (1,000 and 234 records), then three removals and a rename.
    assert.equal(parsed.content.changes.length, 6, 'every change entry');
    assert.ok(parsed.content.files.length >= 2, 'the file and its chunks');
    // Progress rises page by page and ends at everything written.
    assert.ok(seen.length > 13, `${seen.length} reports: at least one per page of records`);
    assert.deepEqual(seen[0].done, 0);
    assert.ok(seen.every((p, i) => i === 0 || p.done > seen[i - 1].done));
    const last = seen.at(-1)!;
    assert.equal(last.done, last.total);
    assert.equal(
      last.total,
      1231 + 3 + parsed.content.changes.length + parsed.content.files.length,
      'records, deleted records, changes and files',
    );

    const copy = await open();
    const report = await restoreBackup(copy, file);
    assert.deepEqual(report.entities.client, { added: 1234, unchanged: 0, replaced: 0, rejected: [] });
    const ids = async (s: typeof copy) =>
      (await s.entity('client').find({ sort: { field: 'id', direction: 'asc' } })).map((r) => [r.id, r.name]);
    assert.deepEqual(await ids(copy), await ids(original));
    assert.deepEqual(
      (await copy.history('client', 'c0001')).map((e) => e.action),
      ['update', 'create'],
    );
    // A record of the second group: its create entry came back with it.
    assert.deepEqual(
      (await copy.history('client', 'c1233')).map((e) => [e.action, e.user?.id]),
      [['create', 'u1']],
    );
    const [attachment] = await copy.attachments.list('client', 'c0002');
    assert.equal((await copy.attachments.read(attachment.id)).byteLength, 70_000);
    await original.close();
    await copy.close();
  });

  it('stops when cancelled: an AbortError and no file', async () => {
    const store = await many();
    const controller = new AbortController();
    await assert.rejects(
      backupFile(store, {
        pageSize: 100,
        signal: controller.signal,
        onProgress: ({ done }) => done >= 300 && controller.abort(),
      }),
      (error: Error) => error.name === 'AbortError',
    );
    await assert.rejects(
      backupFile(store, { signal: AbortSignal.abort() }),
      (error: Error) => error.name === 'AbortError',
    );
    await store.close();
  });

  it('backs up an empty store that restores to an empty store', async () => {
    const store = await open();
    const file = await backupFile(store);
    const backup = await openBackup(file);
    assert.deepEqual(backup.content.entities.client, {
      version: backup.content.entities.client.version,
      records: [],
      removed: [],
    });
    const target = await open();
    const report = await restoreBackup(target, file, { dryRun: true });
    assert.deepEqual(report.entities.client, { added: 0, unchanged: 0, replaced: 0, rejected: [] });
    await store.close();
    await target.close();
  });
});
