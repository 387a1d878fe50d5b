import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RxStorage, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getKehuDexieStorage } from './dexie-storage.js';
import { createStore } from './create-store.js';
import type { KehuError } from '../errors/errors.js';
import { attachmentsContract, partSchema, sampleBytes } from './attachments.contract.js';
import { acceptsFile, cleanFileName, fileType, formatBytes } from './attachments-content.js';

attachmentsContract('memory', () => getRxStorageMemory(), describe, it);
attachmentsContract(
  'kehu dexie on fake-indexeddb',
  () => getKehuDexieStorage({ indexedDB, IDBKeyRange }),
  describe,
  it,
);

type Row = { document: { id: string; kind?: string; index?: number; _deleted?: boolean } };

/**
 * Memory storage whose `files` collection fails writes the test picks (a full disk), and which
 * tracks which documents are stored, so the test sees what a failed write left behind.
 */
function faultyStorage() {
  const base = getRxStorageMemory();
  const state = { fail: (_row: Row) => false, stored: new Set<string>() };
  const storage = {
    ...base,
    async createStorageInstance(params: Parameters<typeof base.createStorageInstance>[0]) {
      const instance = (await base.createStorageInstance(params)) as RxStorageInstance<unknown, unknown, unknown>;
      if (params.collectionName !== 'files') return instance;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if ((rows as unknown as Row[]).some((row) => state.fail(row)))
          throw new Error('QuotaExceededError: the disk is full');
        const result = await write(rows, context);
        for (const { document } of rows as unknown as Row[]) {
          if (result.error.some((e) => e.documentId === document.id)) continue;
          if (document._deleted) state.stored.delete(document.id);
          else state.stored.add(document.id);
        }
        return result;
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
  return { storage, state };
}

async function faultyStore() {
  const { storage, state } = faultyStorage();
  const store = await createStore({
    entities: [partSchema],
    storage,
    name: `attachments-faulty-${Math.random()}`,
    attachments: { chunkSize: 100 },
  });
  const part = await store.entity('part').insert({ name: '刹车片' });
  return { store, state, part };
}

describe('attachments when the storage fails', () => {
  it('leaves nothing behind when a chunk write fails, and says so in the store locale', async () => {
    const { store, state, part } = await faultyStore();
    state.fail = (row) => row.document.kind === 'chunk' && row.document.index === 3;
    const error = (await store.attachments.add('part', part.id, { name: '定损单.pdf', data: sampleBytes(1000) }).then(
      () => assert.fail('should have been refused'),
      (e: unknown) => e,
    )) as KehuError;
    assert.equal(error.code, 'attachment-not-saved');
    assert.match(error.message, /「定损单\.pdf」未能上传：存储拒绝写入（QuotaExceededError/);
    assert.match(error.messageIn('en'), /Nothing was kept/);
    assert.deepEqual(await store.attachments.list('part', part.id), []);
    assert.deepEqual([...state.stored], [], 'no chunk and no description left');
    await store.close();
  });

  it('hides a write that stopped half-way, and sweep removes its content later', async () => {
    const { store, state, part } = await faultyStore();
    // The fourth chunk fails, and so does every removal: a tab closed in the middle of an upload.
    state.fail = (row) => (row.document.kind === 'chunk' && row.document.index === 3) || !!row.document._deleted;
    await assert.rejects(store.attachments.add('part', part.id, { name: 'big.png', data: sampleBytes(1000) }));
    assert.equal(state.stored.size, 4, 'the journal entry and three chunks are still stored');
    assert.deepEqual(await store.attachments.list('part', part.id), []);
    state.fail = () => false;
    assert.equal(await store.attachments.sweep(), 0, 'a recent write may still be going on elsewhere');
    assert.equal(await store.attachments.sweep({ olderThanMs: 0 }), 1);
    assert.deepEqual([...state.stored], []);
    await store.close();
  });

  it('finishes an interrupted removal on the next sweep', async () => {
    const { store, state, part } = await faultyStore();
    const added = await store.attachments.add('part', part.id, { name: 'a.png', data: sampleBytes(250) });
    state.fail = (row) => !!row.document._deleted;
    await assert.rejects(store.attachments.remove(added.id));
    assert.deepEqual(await store.attachments.list('part', part.id), [], 'gone from the list at once');
    state.fail = () => false;
    assert.equal(await store.attachments.sweep({ olderThanMs: 0 }), 1);
    assert.deepEqual([...state.stored], []);
    await store.close();
  });
});

describe('attachments loaded on first use (attachments-lazy.ts)', () => {
  it('checks files and refuses unknown entities at the call, then lists and reads through the loaded store', async () => {
    const store = await createStore({
      entities: [partSchema],
      storage: getRxStorageMemory(),
      name: `attachments-lazy-${Math.random()}`,
      locale: 'en',
      attachments: { maxSize: 10 },
    });
    try {
      const files = store.attachments;
      assert.equal(files.limits.maxSize, 10);
      assert.equal(files.check({ name: 'a.png', size: 11 })?.code, 'attachment-too-large');
      assert.equal(files.check({ name: 'a.exe', size: 1 })?.code, 'attachment-type-refused');
      assert.equal(files.check({ name: 'a.png', size: 10 }), undefined);
      // As before the split: an unknown entity throws at the call, not in the stream.
      assert.throws(() => files.watch('prt', 'x', () => {}), /Unknown entity "prt"/);
      const part = await store.entity('part').insert({ name: '刹车片' });
      const seen: string[][] = [];
      const stop = files.watch('part', part.id, (list) => seen.push(list.map((f) => f.name)));
      const added = await files.add('part', part.id, { name: 'a.png', data: sampleBytes(5) });
      assert.deepEqual(await files.read(added.id), sampleBytes(5));
      assert.deepEqual(
        (await files.list('part', part.id)).map((f) => f.id),
        [added.id],
      );
      await waitFor(() => seen.at(-1)?.[0] === 'a.png');
      stop();
    } finally {
      await store.close();
    }
  });
});

/** Polls until `done` holds (live lists emit asynchronously). */
async function waitFor(done: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('attachment limits and names', () => {
  it('refuses limits that are not positive whole numbers', async () => {
    await assert.rejects(
      createStore({
        entities: [partSchema],
        storage: getRxStorageMemory(),
        name: 'bad-limit',
        attachments: { chunkSize: 0 },
      }),
      /chunkSize must be a positive whole number/,
    );
  });

  it('matches types like <input accept>', () => {
    assert.equal(acceptsFile(['image/*'], 'a.png', 'image/png'), true);
    assert.equal(acceptsFile(['image/*'], 'a.pdf', 'application/pdf'), false);
    assert.equal(acceptsFile(['.PDF'], 'scan.pdf', 'application/octet-stream'), true);
    assert.equal(acceptsFile(['*'], 'x', 'application/octet-stream'), true);
    assert.equal(acceptsFile([], 'a.png', 'image/png'), false);
  });

  it('guesses a missing type from the extension', () => {
    assert.equal(fileType('电子发票.OFD', ''), 'application/ofd');
    assert.equal(fileType('photo.JPEG'), 'image/jpeg');
    assert.equal(fileType('README'), 'application/octet-stream');
    assert.equal(fileType('a.png', 'Image/PNG'), 'image/png');
  });

  it('cuts overlong names but keeps the extension', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.pdf`);
    assert.equal(name.length, 255);
    assert.ok(name.endsWith('长.pdf'));
    assert.equal(cleanFileName('   '), 'file');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  });

  it('formats sizes in the reader’s locale', () => {
    assert.equal(formatBytes(0, 'en'), '0 B');
    assert.equal(formatBytes(1536, 'en'), '1.5 KB');
    assert.equal(formatBytes(20 * 1024 * 1024, 'zh-CN'), '20 MB');
    assert.equal(formatBytes(1234567890, 'en'), '1.1 GB');
  });
});
