import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineEntity } from '../entity/define-entity.js';
import type { Entity, JsonSchema } from '../entity/types.js';
import type { KehuError } from '../errors/errors.js';
import { couchDesignDocument } from '../permissions/couchdb.js';
import type { KehuRecord, Store } from '../store/types.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { syncedEntities } from './server-documents.js';
import { syncTestBed } from './test-bed.js';
import { userDatabaseName } from './urls.js';
import { eventually } from './test-checks.js';

// Mixed entity versions across clients (decision 0013): a client still on customer version 0 and
// one on version 1 (a required `nickname` filled by a migration, and a new index) both editing.

const bed = syncTestBed('mixed');

const raw = JSON.parse(
  readFileSync(new URL('../../../../schemas/customer.schema.json', import.meta.url), 'utf8'),
) as JsonSchema & { 'x-kehu': Record<string, unknown>; properties: Record<string, unknown>; required: string[] };
const customerV1 = defineEntity(
  {
    ...raw,
    required: [...raw.required, 'nickname'],
    'x-kehu': {
      ...raw['x-kehu'],
      version: 1,
      indexes: ['code', 'name', 'type', 'level', 'nickname', 'salesRep'],
    },
    properties: {
      ...raw.properties,
      nickname: { type: 'string', maxLength: 80, 'x-kehu': { label: { 'zh-CN': '简称', en: 'Nickname' } } },
    },
  } as JsonSchema,
  'test:customer-v1',
);
const newEntities: Entity[] = shippedEntities.map((e) => (e.name === 'customer' ? customerV1 : e));
const migrations = {
  customer: { 1: (r: Record<string, unknown>) => ({ ...r, nickname: String(r.name).toUpperCase() }) },
};

/** A client on customer version 0 or 1, as the demo administrator. */
const client = (version: 0 | 1): Promise<Store> =>
  bed.client('admin.wang', {
    entities: version ? newEntities : shippedEntities,
    replication: { batchSize: 500 },
    store: version ? { migrations } : {},
  });

type Customer = KehuRecord & Record<string, unknown>;
const get = async (store: Store, id: string) => (await store.entity('customer').get(id)) as Customer | null;

async function syncAll(...stores: Store[]) {
  for (const s of stores) {
    await s.sync!.start();
    await s.sync!.awaitInSync();
  }
}

describe('clients on two versions of an entity', () => {
  // (Inside the suite: it needs the test bed's server, started by a file-level hook.)
  before(async () => {
    const { server } = bed;
    // Roll-out rule: the server's write checks are updated first; they accept both versions.
    const { json: current } = await server.request('GET', 'kehu/_design/kehu');
    const design = couchDesignDocument(syncedEntities(newEntities), shippedRoles);
    const put = await server.request('PUT', 'kehu/_design/kehu', { ...design, _rev: current._rev });
    assert.equal(put.status, 201);
    // It reaches the users' own databases through the server's replication (decision 0007): wait
    // for it there, as a deployment would before shipping the new client.
    await eventually(async () => {
      const { json } = await server.request('GET', `${userDatabaseName('admin.wang')}/_design/kehu`);
      assert.equal(json._rev, put.json.rev);
    });
  });

  it('both edit; every edit and every field is kept; the old client never downgrades a newer record', async () => {
    const [old, next] = [await client(0), await client(1)];
    const a = await old.entity('customer').insert({ name: 'Zhang San', type: 'consumer', organisation: 'sh' });
    const b = await old.entity('customer').insert({ name: 'Li Si', type: 'b2b', organisation: 'sh' });
    await old.sync!.awaitInSync();

    // The new client upgrades what it receives: valid under version 1, findable by the new index.
    await eventually(async () => assert.equal((await get(next, b.id))?.nickname, 'LI SI', 'B arrived upgraded'));
    const upgraded = (await get(next, a.id))!;
    assert.deepEqual([upgraded._v, upgraded.nickname, upgraded.code], [1, 'ZHANG SAN', a.code]);
    assert.deepEqual(customerV1.validate(upgraded), []);
    const byNickname = await next.entity('customer').find({ selector: { nickname: 'ZHANG SAN' } });
    assert.deepEqual(
      byNickname.map((r) => r.id),
      [a.id],
    );
    // Receiving is not writing: the server still holds version 0 until someone edits.
    const { json: onServer } = await bed.server.request('GET', `kehu/customer%7C${a.id}`);
    assert.equal(onServer.d._v, 0);

    // Round 1, record A: both offline, different fields; the new client syncs first.
    await Promise.all([old.sync!.stop(), next.sync!.stop()]);
    await old.entity('customer').patch(a.id, { remark: 'old client <b>' });
    // (Typed as a plain record: the generated Customer type is version 0's.)
    await next
      .entity<Record<string, unknown>>('customer' as string)
      .patch(a.id, { phone: '021-12345678', nickname: 'Zhang' });
    await syncAll(next, old);
    await next.sync!.awaitInSync();
    // (The old client's role grants cover the fields it knows, so it does not show `nickname`; it
    // keeps it, as the record it merged and sent back to the server shows.)
    for (const store of [old, next]) {
      await eventually(async () => {
        const r = (await get(store, a.id))!;
        assert.deepEqual(
          [r.remark, r.phone, r._v],
          ['old client <b>', '021-12345678', 1],
          'A holds both edits at version 1',
        );
      });
    }
    assert.equal((await get(next, a.id))?.nickname, 'Zhang');
    const { json: merged } = await bed.server.request('GET', `kehu/customer%7C${a.id}`);
    assert.deepEqual([merged.d.nickname, merged.d.remark, merged.d._v], ['Zhang', 'old client <b>', 1]);

    // The old client reads the newer record but may not write it.
    const refused = await old
      .entity('customer')
      .patch(a.id, { remark: 'again' })
      .then(
        () => assert.fail('an old client must not write a newer record'),
        (error: KehuError) => error,
      );
    assert.equal(refused.code, 'newer-version');
    assert.match(refused.message, /newer version of the application \(version 1; this one knows version 0\)/);
    assert.match(refused.messageIn('zh-CN'), /由更新版本的应用保存.*请更新应用后再修改/);
    await assert.rejects(old.entity('customer').remove(a.id), { code: 'newer-version' });
    assert.equal((await get(old, a.id))?.remark, 'old client <b>', 'nothing changed');

    // Round 2, record B: both offline again; this time the old client syncs first, so the new
    // client's push conflicts with a version 0 record, which it upgrades before merging.
    await Promise.all([old.sync!.stop(), next.sync!.stop()]);
    await old.entity('customer').patch(b.id, { name: 'Li Sixiang' });
    await next.entity('customer').patch(b.id, { remark: 'new client' });
    await syncAll(old, next);
    await old.sync!.awaitInSync();
    for (const store of [old, next]) {
      await eventually(async () => {
        const r = (await get(store, b.id))!;
        assert.deepEqual([r.name, r.remark, r._v], ['Li Sixiang', 'new client', 1], 'B holds both edits, upgraded');
      });
    }
    const upgradedB = (await get(next, b.id))!;
    assert.equal(upgradedB.nickname, 'LI SIXIANG', 'the migration ran on the version 0 record the merge read');
    assert.deepEqual(customerV1.validate(upgradedB), []);
    assert.deepEqual(await old.conflicts!.list(), []);
    assert.deepEqual(await next.conflicts!.list(), []);

    // A record the old client creates now still reaches the new one upgraded.
    const c = await old.entity('customer').insert({ name: 'Wang Wu', type: 'consumer', organisation: 'sh' });
    await old.sync!.awaitInSync();
    await eventually(async () => assert.equal((await get(next, c.id))?.nickname, 'WANG WU', 'C arrived upgraded'));
    assert.equal(await old.entity('customer').count(), await next.entity('customer').count());
  });
});
