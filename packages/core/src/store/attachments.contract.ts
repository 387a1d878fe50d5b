import type { RxStorage } from 'rxdb';
import { filter, firstValueFrom } from 'rxjs';
import type { JsonSchema } from '../entity/types.js';
import type { KehuError } from '../errors/errors.js';
import { deepEqual, equal, ok, rejects } from '../test-support/check.js';
import type { AttachmentLimits } from './attachments.types.js';
import { createStore } from './create-store.js';

type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => Promise<void>) => void;

/** A small entity to attach files to. */
export const partSchema: JsonSchema = {
  $id: 'part',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '配件', en: 'Part' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 100 } },
};

/** Bytes where every value 0…255 occurs, then a deterministic pseudo-random tail. */
export function sampleBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i < 256 ? i : x >>> 24;
  }
  return bytes;
}

const same = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);

/**
 * The attachments contract: what every storage must do the same. Runs in Node against memory and
 * Dexie (fake-indexeddb) and in Chromium against Dexie on real IndexedDB.
 */
export function attachmentsContract(
  label: string,
  storage: () => RxStorage<unknown, unknown>,
  describe: Suite,
  it: Test,
): void {
  let counter = 0;
  const open = async (attachments?: AttachmentLimits) => {
    const store = await createStore({
      entities: [partSchema],
      storage: storage(),
      name: `attachments-${Date.now()}-${counter++}`,
      locale: 'en',
      user: { id: 'u-lili' },
      attachments,
    });
    const part = await store.entity('part').insert({ name: '机油滤清器' });
    return { store, files: store.attachments, part };
  };

  describe(`attachments contract (${label})`, () => {
    it('stores a binary file and reads back the very same bytes', async () => {
      const { store, files, part } = await open();
      const data = sampleBytes(5000);
      const added = await files.add('part', part.id, { name: 'scan.pdf', data });
      equal(added.name, 'scan.pdf');
      equal(added.type, 'application/pdf');
      equal(added.size, 5000);
      equal(added.entity, 'part');
      equal(added.recordId, part.id);
      equal(added.createdBy, 'u-lili');
      ok(/^[0-9a-f]{64}$/.test(added.sha256 ?? ''), `sha256 ${added.sha256}`);
      deepEqual(await files.list('part', part.id), [added]);
      ok(same(await files.read(added.id), data), 'same bytes');
      const blob = await files.blob(added.id);
      equal(blob.type, 'application/pdf');
      ok(same(new Uint8Array(await blob.arrayBuffer()), data), 'same bytes from the blob');
      await store.close();
    });

    it('splits a large file over several chunks, reporting progress, and joins it back', async () => {
      const { store, files, part } = await open();
      const data = sampleBytes(1_200_000, 3);
      const progress: number[] = [];
      const added = await files.add(
        'part',
        part.id,
        new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
        { onProgress: (written, total) => progress.push(Math.round((written / total) * 100)) },
      );
      deepEqual(progress, [22, 44, 66, 87, 100]);
      equal(added.name, 'file', 'a Blob without a name gets a neutral one');
      ok(same(await files.read(added.id), data), 'same bytes after 5 chunks');
      await store.close();
    });

    it('honours a smaller chunk size exactly at the boundaries', async () => {
      const { store, files, part } = await open({ chunkSize: 1000 });
      for (const length of [999, 1000, 1001, 10_000]) {
        const data = sampleBytes(length, length);
        const added = await files.add('part', part.id, { name: `${length}.bin`, type: 'application/zip', data });
        ok(same(await files.read(added.id), data), `same bytes for ${length}`);
      }
      equal((await files.list('part', part.id)).length, 4);
      await store.close();
    });

    it('stores an empty file', async () => {
      const { store, files, part } = await open();
      const added = await files.add('part', part.id, new File([], 'empty.txt', { type: 'text/plain' }));
      equal(added.size, 0);
      equal((await files.read(added.id)).byteLength, 0);
      equal((await files.list('part', part.id))[0].name, 'empty.txt');
      await store.close();
    });

    it('keeps unicode and markup in names as plain text, without paths or control characters', async () => {
      const { store, files, part } = await open();
      const data = sampleBytes(10);
      await files.add('part', part.id, { name: '定损单 №3 — 京A·12345 📷.jpg', data });
      await files.add('part', part.id, { name: '<img src=x onerror=alert(1)>.png', data });
      await files.add('part', part.id, { name: 'uploads/<script>.gif', data });
      await files.add('part', part.id, { name: 'C:\\fakepath\\报价\u0000单.pdf', data });
      deepEqual(
        (await files.list('part', part.id)).map((f) => [f.name, f.type]),
        [
          ['定损单 №3 — 京A·12345 📷.jpg', 'image/jpeg'],
          ['<img src=x onerror=alert(1)>.png', 'image/png'],
          ['<script>.gif', 'image/gif'],
          ['报价单.pdf', 'application/pdf'],
        ],
      );
      await store.close();
    });

    it('refuses a file of a type not allowed or over the size limit, saying so in both locales', async () => {
      const { store, files, part } = await open({ maxSize: 1024 });
      const html = await rejects<KehuError>(
        files.add('part', part.id, { name: 'invoice.html', data: sampleBytes(10) }),
        'KehuError',
      );
      equal(html.code, 'attachment-type-refused');
      ok(html.message.includes('"invoice.html" (text/html) cannot be attached'), html.message);
      ok(html.messageIn('zh-CN').includes('「invoice.html」（text/html）不能上传'), html.messageIn('zh-CN'));
      const svg = await rejects<KehuError>(
        files.add('part', part.id, { name: 'logo.svg', type: 'image/svg+xml', data: sampleBytes(10) }),
      );
      equal(svg.code, 'attachment-type-refused');
      const big = await rejects<KehuError>(
        files.add('part', part.id, { name: '照片.jpg', data: sampleBytes(2048) }),
        'KehuError',
      );
      equal(big.code, 'attachment-too-large');
      ok(big.message.includes('"照片.jpg" is 2 KB, more than the 1 KB allowed'), big.message);
      ok(big.messageIn('zh-CN').includes('超过单个文件 1 KB 的上限'), big.messageIn('zh-CN'));
      equal(files.check({ name: 'ok.png', type: 'image/png', size: 1024 }), undefined);
      equal(files.check({ name: 'notes', size: 1 })?.code, 'attachment-type-refused');
      deepEqual(await files.list('part', part.id), []);
      await store.close();
    });

    it('accepts exactly the configured types', async () => {
      const { store, files, part } = await open({ types: ['image/*', '.dwg'] });
      await files.add('part', part.id, { name: 'a.svg', data: sampleBytes(5) });
      await files.add('part', part.id, { name: 'plan.DWG', data: sampleBytes(5) });
      equal(
        (await rejects<KehuError>(files.add('part', part.id, { name: 'a.pdf', data: sampleBytes(5) }))).code,
        'attachment-type-refused',
      );
      equal((await files.list('part', part.id)).length, 2);
      await store.close();
    });

    it('attaches only to saved records of known entities', async () => {
      const { store, files } = await open();
      const missing = await rejects<KehuError>(files.add('part', 'nope', { name: 'a.png', data: sampleBytes(5) }));
      equal(missing.code, 'not-found');
      ok(missing.message.includes('save the record first'), missing.message);
      const unknown = await rejects<KehuError>(files.add('prt', 'x', { name: 'a.png', data: sampleBytes(5) }));
      equal(unknown.code, 'unknown-entity');
      await store.close();
    });

    it('lists live: a file added or removed elsewhere shows at once', async () => {
      const { store, files, part } = await open();
      const one = firstValueFrom(files.list$('part', part.id).pipe(filter((list) => list.length === 1)));
      const added = await files.add('part', part.id, { name: 'a.png', data: sampleBytes(5) });
      equal((await one)[0].id, added.id);
      const seen: number[] = [];
      const stop = files.watch('part', part.id, (list) => seen.push(list.length));
      const none = firstValueFrom(files.list$('part', part.id).pipe(filter((list) => list.length === 0)));
      await files.remove(added.id);
      await none;
      stop();
      equal(seen.at(-1), 0);
      await store.close();
    });

    it('keeps a thumbnail with its file and removes both together', async () => {
      const { store, files, part } = await open();
      const photo = await files.add('part', part.id, { name: 'p.jpg', data: sampleBytes(3000) }, { field: 'images' });
      const thumb = await files.add(
        'part',
        part.id,
        { name: 'p.thumb.webp', data: sampleBytes(100) },
        { thumbnailOf: photo.id },
      );
      const listed = await files.list('part', part.id);
      equal(listed.length, 1);
      equal(listed[0].thumbnail, thumb.id);
      equal(listed[0].field, 'images');
      equal((await files.list('part', part.id, { field: 'documents' })).length, 0);
      equal((await files.get(photo.id))?.thumbnail, thumb.id);
      await files.remove(photo.id);
      equal(await files.get(thumb.id), null);
      equal((await rejects<KehuError>(files.read(photo.id))).code, 'not-found');
      await store.close();
    });

    it('keeps a soft-deleted record’s files, so restoring it brings them back', async () => {
      const { store, files, part } = await open();
      const added = await files.add('part', part.id, { name: 'a.png', data: sampleBytes(50) });
      await store.entity('part').remove(part.id);
      await store.entity('part').restore(part.id);
      ok(same(await files.read(added.id), sampleBytes(50)), 'content intact');
      equal(await files.removeAll('part', part.id), 1);
      deepEqual(await files.list('part', part.id), []);
      await store.close();
    });
  });
}
