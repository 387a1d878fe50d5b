import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import type { Store } from '../store/types.js';
import { KehuError } from '../errors/errors.js';
import { backupStore } from './backup.js';
import { restoreBackup } from './restore.js';
import { openBackup, sealBackup } from './format.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en }, pluralLabel: { 'zh-CN': zh, en } });
const client: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  'x-kehu': { ...label('客户', 'Client'), unique: ['code'], namingSeries: { field: 'code', pattern: 'KH{####}' } },
  properties: {
    code: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 50 },
    mobile: { type: 'string', maxLength: 20 },
  },
};
const car: JsonSchema = {
  $id: 'car',
  type: 'object',
  required: ['plate'],
  'x-kehu': label('车辆', 'Vehicle'),
  properties: {
    plate: { type: 'string', maxLength: 10 },
    owner: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'client' } },
  },
};

let count = 0;
const open = (locale: 'zh-CN' | 'en' = 'en') =>
  createStore({
    entities: [client, car],
    storage: getRxStorageMemory(),
    name: `backup-${Date.now()}-${count++}`,
    locale,
    user: { id: 'u1' },
  });

async function filled(): Promise<Store> {
  const store = await open();
  const clients = store.entity('client');
  await clients.insert({ id: 'c1', name: '张三', mobile: '13800138000' });
  await clients.insert({ id: 'c2', name: '<script>alert(1)</script>' });
  await clients.insert({ id: 'c3', name: '李四' });
  await clients.patch('c1', { name: '张三丰' });
  await clients.remove('c3');
  await store.entity('car').insert({ id: 'v1', plate: '粤A12345', owner: 'c1' });
  await store.entity('kehu-view').insert({ id: 'view1', entity: 'client', name: '我的客户' });
  const bytes = new Uint8Array(600_000).map((_, i) => i % 251);
  const photo = await store.attachments.add('car', 'v1', { name: '行驶证.png', type: 'image/png', data: bytes });
  await store.attachments.add('car', 'v1', { name: 'thumb.png', data: bytes.slice(0, 100) }, { thumbnailOf: photo.id });
  return store;
}

/** Everything a user can observe of a store: records (live and deleted), histories, files. */
async function observe(store: Store) {
  const out: Record<string, unknown> = {};
  for (const name of ['client', 'car', 'kehu-view']) {
    const live = await store.entity(name).find({ sort: { field: 'id', direction: 'asc' } });
    out[name] = live;
    for (const record of live) out[`${name}/${record.id}/history`] = await store.history(name, record.id);
  }
  out['client/c3'] = await store.history('client', 'c3');
  const files = await store.attachments.list('car', 'v1');
  out.files = files;
  out.bytes = await Promise.all(files.map((f) => store.attachments.read(f.id).then((b) => Array.from(b.slice(0, 50)))));
  out.sizes = await Promise.all(files.map((f) => store.attachments.read(f.id).then((b) => b.byteLength)));
  return out;
}

describe('backupStore and restoreBackup', () => {
  it('round-trips a store: records, deleted records, history, saved views and attachments', async () => {
    const original = await filled();
    const text = await backupStore(original);
    const file = await openBackup(text);
    assert.equal(file.content.entities.client.removed.length, 1);
    assert.equal(file.sha256.length, 64);
    const copy = await open();
    const report = await restoreBackup(copy, new TextEncoder().encode(text));
    assert.deepEqual(report.entities.client, { added: 3, unchanged: 0, replaced: 0, rejected: [] });
    assert.deepEqual(await observe(copy), await observe(original));
    // The deleted record is restorable in the copy, and codes continue after the restored ones.
    assert.equal((await copy.entity('client').restore('c3')).name, '李四');
    const next = await copy.entity('client').insert({ name: '王五' });
    assert.equal(next.code, 'KH0004');
    // Restoring the same backup again changes nothing.
    const again = await restoreBackup(original, text);
    assert.deepEqual(again.entities.car, { added: 0, unchanged: 1, replaced: 0, rejected: [] });
    assert.deepEqual(again.changes.added, 0);
    await original.close();
    await copy.close();
  });

  it('reports a dry run without writing, and replaces changed records on restore', async () => {
    const original = await filled();
    const text = await backupStore(original);
    await original.entity('client').patch('c2', { name: '已改名' });
    await original.entity('client').insert({ id: 'c9', name: '新客户' });
    const dry = await restoreBackup(original, text, { dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.entities.client, { added: 0, unchanged: 2, replaced: 1, rejected: [] });
    assert.equal((await original.entity('client').get('c2'))?.name, '已改名', 'dry run wrote nothing');
    await restoreBackup(original, text);
    assert.equal((await original.entity('client').get('c2'))?.name, '<script>alert(1)</script>');
    assert.equal((await original.entity('client').get('c9'))?.name, '新客户', 'records not in the backup stay');
    await original.close();
  });

  it('rejects invalid records, unknown entities and taken unique values, with reasons', async () => {
    const original = await filled();
    const file = await openBackup(await backupStore(original));
    file.content.entities.client.records.push({ id: 'bad', name: 42 } as never);
    file.content.entities.client.records.push({ id: 'twin', name: '重码', code: 'KH0001' } as never);
    file.content.entities.ghost = { version: 0, records: [{ id: 'g1' } as never], removed: [] };
    const target = await open('zh-CN');
    const report = await restoreBackup(target, await sealBackup(file.content, 'x'));
    const rejected = report.entities.client.rejected;
    assert.deepEqual(
      rejected.map((r) => r.id),
      ['bad', 'twin'],
    );
    assert.match(rejected[1].reasons[0]['zh-CN'], /KH0001.*已被 c1 使用/);
    assert.equal(report.entities.ghost.rejected[0].reasons[0].en, 'The store has no entity "ghost".');
    assert.equal(await target.entity('client').get('bad'), null);
    assert.equal(report.entities.client.added, 3);
    await original.close();
    await target.close();
  });

  it('refuses a damaged or truncated file with a localised message and writes nothing', async () => {
    const original = await filled();
    const text = await backupStore(original);
    const target = await open('zh-CN');
    const tampered = text.replace('张三丰', '张三疯');
    for (const [file, pattern] of [
      [text.slice(0, text.length / 2), /不完整/],
      [tampered, /校验和/],
      ['{"format":"other"}', /不是 Kehu 备份/],
      [new Uint8Array([0xff, 0xfe, 0x00]), /UTF-8/],
    ] as const) {
      await assert.rejects(
        () => restoreBackup(target, file),
        (error: unknown) =>
          error instanceof KehuError &&
          error.code === 'backup-damaged' &&
          pattern.test(error.message) &&
          /Nothing was changed/.test(error.messageIn('en')),
      );
    }
    assert.equal(await target.entity('client').count(), 0);
    await original.close();
    await target.close();
  });
});
