import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import type { KehuRecord, Store } from '../store/types.js';
import { canUndoMerge, mergeRecords, undoMerge } from './merge.js';
import { findDuplicates } from './find.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en }, pluralLabel: { 'zh-CN': zh, en } });
const client: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  'x-kehu': {
    ...label('客户', 'Client'),
    unique: ['code'],
    protectInUse: true,
    match: [{ fields: ['name', 'mobile'] }],
  },
  properties: {
    code: { type: 'string', maxLength: 20, 'x-kehu': { normalize: 'code' } },
    name: { type: 'string', maxLength: 50, 'x-kehu': { normalize: 'name' } },
    mobile: { type: 'string', maxLength: 20, 'x-kehu': { normalize: 'phone' } },
    email: { type: 'string', maxLength: 50 },
    city: { type: 'string', maxLength: 20 },
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
const order: JsonSchema = {
  $id: 'order',
  type: 'object',
  'x-kehu': { ...label('单据', 'Order'), lockedWhen: { status: ['approved'] } },
  properties: {
    status: { type: 'string', enum: ['draft', 'approved'] },
    customer: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'client' } },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          item: { type: 'string', maxLength: 20 },
          beneficiary: { type: 'string', maxLength: 64, 'x-kehu': { ref: 'client' } },
        },
      },
    },
  },
};
const note: JsonSchema = {
  $id: 'note',
  type: 'object',
  'x-kehu': label('活动', 'Activity'),
  properties: {
    subject: { type: 'string', maxLength: 50 },
    regarding: { type: 'string', maxLength: 140, 'x-kehu': { ref: ['client', 'car'] } },
  },
};

let count = 0;
async function setup(): Promise<Store> {
  const store = await createStore({
    entities: [client, car, order, note],
    storage: getRxStorageMemory(),
    name: `merge-${Date.now()}-${count++}`,
    user: { id: 'u1', name: '审核员' },
  });
  const clients = store.entity('client');
  await clients.insert({ id: 'keep', code: 'K1', name: '广州恒达汽车贸易有限公司', mobile: '13800138000' });
  await clients.insert({
    id: 'dup',
    code: 'K2',
    name: '广州恒达汽车贸易公司',
    mobile: '+86 138 0013 8000',
    email: 'a@b.cn',
    city: '广州',
  });
  await clients.insert({ id: 'other', code: 'K3', name: '深圳宏远物流有限公司', mobile: '13900000000' });
  await store.entity('car').insert({ id: 'car1', plate: '粤A12345', owner: 'dup' });
  await store.entity('car').insert({ id: 'car2', plate: '粤A00001', owner: 'other' });
  await store.entity('order').insert({
    id: 'o1',
    status: 'draft',
    customer: 'dup',
    lines: [
      { item: 'x', beneficiary: 'other' },
      { item: 'y', beneficiary: 'dup' },
    ],
  });
  await store.entity('note').insert({ id: 'n1', subject: '回访', regarding: 'client:dup' });
  await store.entity('note').insert({ id: 'n2', subject: '保养', regarding: 'car:dup' });
  return store;
}

const strip = ({ updatedAt: _u, ...rest }: KehuRecord) => rest;
async function snapshot(store: Store) {
  const out: Record<string, unknown> = {};
  for (const name of ['client', 'car', 'order', 'note']) {
    const repository = store.entity(name);
    out[name] = (await repository.find({ sort: { field: 'id', direction: 'asc' } })).map(strip);
  }
  return out;
}

describe('mergeRecords', () => {
  it('finds the pair, merges it and re-points vehicles, documents, line rows and activities', async () => {
    const store = await setup();
    const pairs = await findDuplicates(store, 'client');
    assert.deepEqual(
      pairs.map((p) => [p.a, p.b].sort()),
      [['dup', 'keep']],
    );
    const result = await mergeRecords(store, 'client', 'keep', ['dup'], { code: 'keep', name: 'dup' });
    assert.equal(result.survivor.name, '广州恒达汽车贸易公司', 'chosen value');
    assert.equal(result.survivor.email, 'a@b.cn', 'empty fields filled from the merged record');
    assert.equal(result.survivor.code, 'K1');
    assert.equal(await store.entity('client').get('dup'), null, 'soft-deleted');
    assert.equal((await store.entity('car').get('car1'))?.owner, 'keep');
    assert.equal((await store.entity('car').get('car2'))?.owner, 'other', 'others untouched');
    const o1 = await store.entity('order').get('o1');
    assert.equal(o1?.customer, 'keep');
    assert.deepEqual(
      (o1?.lines as { beneficiary: string }[]).map((l) => l.beneficiary),
      ['other', 'keep'],
    );
    assert.equal((await store.entity('note').get('n1'))?.regarding, 'client:keep');
    assert.equal((await store.entity('note').get('n2'))?.regarding, 'car:dup', 'a car:dup reference is not a client');
    assert.equal(result.references.length, 4);

    const [head] = await store.history('client', 'keep');
    assert.equal(head.action, 'merge');
    assert.equal(head.user?.id, 'u1');
    assert.deepEqual(head.merge?.merged, ['dup']);
    assert.equal(head.merge?.references?.length, 4);
    assert.deepEqual(
      head.changes.map((c) => c.path[0]),
      ['name', 'email', 'city'],
    );
    const loser = await store.history('client', 'dup');
    assert.deepEqual(
      loser.slice(0, 2).map((e) => e.action),
      ['remove', 'merge'],
    );
    assert.equal(loser[1].merge?.survivor, 'keep');
    await store.close();
  });

  it('undo restores records and references exactly', async () => {
    const store = await setup();
    const before = await snapshot(store);
    // The merged record's code moves to the survivor: undo must hand it back without a clash.
    await mergeRecords(store, 'client', 'keep', ['dup'], { code: 'dup', mobile: 'dup', city: 'keep' });
    assert.equal((await store.entity('client').get('keep'))?.code, 'K2');
    assert.equal(await canUndoMerge(store, 'client', 'keep'), true);
    const undone = await undoMerge(store, 'client', 'keep');
    assert.deepEqual(undone.skipped, []);
    assert.deepEqual(await snapshot(store), before);
    assert.equal(await canUndoMerge(store, 'client', 'keep'), false);
    const [head] = await store.history('client', 'keep');
    assert.equal(head.action, 'unmerge');
    await assert.rejects(() => undoMerge(store, 'client', 'keep'), /no merge|没有可撤销/);
    await store.close();
  });

  it('refuses bad requests and reverts everything when a write is refused', async () => {
    const store = await setup();
    await assert.rejects(() => mergeRecords(store, 'client', 'keep', []), { code: 'merge-invalid' });
    await assert.rejects(() => mergeRecords(store, 'client', 'keep', ['nope']), { code: 'merge-invalid' });
    await assert.rejects(() => mergeRecords(store, 'client', 'keep', ['dup'], { name: 'other' }), {
      code: 'merge-invalid',
    });
    // An approved order is locked: the merge cannot re-point it, so nothing may change.
    await store.entity('order').insert({ id: 'o2', status: 'approved', customer: 'dup' });
    const before = await snapshot(store);
    await assert.rejects(() => mergeRecords(store, 'client', 'keep', ['dup']));
    assert.deepEqual(await snapshot(store), before);
    await store.close();
  });
});
