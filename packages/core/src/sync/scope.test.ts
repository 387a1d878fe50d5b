import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoUser } from './test-server.js';
import { syncTestBed } from './test-bed.js';
import { eventually } from './test-checks.js';
import { userDatabaseName } from './urls.js';
import { scopeCommand } from '../cli/scope.js';

/**
 * Read scope on the server (decision 0007): each user syncs with a database of their own holding
 * what they may read, and the server's agent merges what two users' databases bring together.
 */
const bed = syncTestBed('scope');
const { client, close } = bed;

const at = '2026-05-01T08:00:00.000Z';
const customer = (id: string, salesRep: string) => ({
  _id: `customer|${id}`,
  e: 'customer',
  t: 0,
  d: {
    id,
    code: id.toUpperCase(),
    name: `客户 ${id}`,
    type: 'consumer',
    salesRep,
    organisation: 'sh',
    createdAt: at,
    updatedAt: at,
    _v: 0,
  },
});

describe('read scope: one database per user on the server', () => {
  it('sends a sales adviser only their own customers, and keeps everyone out of the others', async () => {
    for (const doc of [customer('mine-1', 'sales.chen'), customer('theirs-1', 'sales.zhang')])
      assert.equal((await bed.server.request('POST', 'kehu', doc)).status, 201);
    const chen = await client('sales.chen');
    const manager = await client('manager.li');
    await eventually(async () =>
      assert.ok(await manager.entity('customer').get('theirs-1'), JSON.stringify(manager.sync!.status)),
    );
    await eventually(async () => assert.ok(await chen.entity('customer').get('mine-1')));
    await chen.sync!.awaitInSync();
    const own = userDatabaseName('sales.chen');
    const all = await bed.server.request('GET', `${own}/_all_docs`, undefined, demoUser('sales.chen'));
    assert.equal(all.status, 200);
    const ids = (all.json.rows as { id: string }[]).map((r) => r.id);
    assert.ok(ids.includes('customer|mine-1'));
    assert.ok(!ids.includes('customer|theirs-1'), "another adviser's customer is not in the database at all");
    for (const path of ['kehu/_all_docs', `${userDatabaseName('sales.zhang')}/_all_docs`, 'kehu/customer%7Ctheirs-1']) {
      const { status } = await bed.server.request('GET', path, undefined, demoUser('sales.chen'));
      assert.ok(status === 401 || status === 403, `${path} is closed to sales.chen (${status})`);
    }
    // Written in one's own database, a record reaches the master and the manager's database.
    const created = await chen.entity('customer').insert({ name: '陈的新客户', type: 'consumer' });
    await eventually(async () => assert.equal((await manager.entity('customer').get(created.id))?.name, '陈的新客户'));
    const master = await bed.server.request('GET', `kehu/customer%7C${created.id}`);
    assert.equal(master.json.d.salesRep, 'sales.chen');
    await close(chen, manager);
  });

  it('merges two users’ simultaneous edits on the server and keeps the losing value as a conflict both see', async () => {
    assert.equal((await bed.server.request('POST', 'kehu', customer('both-1', 'sales.zhang'))).status, 201);
    const zhangDb = `${userDatabaseName('sales.zhang')}/customer%7Cboth-1`;
    const liDb = `${userDatabaseName('manager.li')}/customer%7Cboth-1`;
    // Both write to their own database from the same revision: neither database sees a conflict.
    // A retry starts from a revision that may already hold Zhang's first try, so each try writes
    // names of its own: both sides then change the name again, and the two values conflict.
    let zhangName = '';
    let liName = '';
    for (let attempt = 0; ; attempt++) {
      zhangName = `张的名字${attempt + 1}`;
      liName = `李的名字${attempt + 1}`;
      let z: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- CouchDB documents
      let l: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
      await eventually(async () => {
        z = (await bed.server.request('GET', zhangDb, undefined, demoUser('sales.zhang'))).json;
        l = (await bed.server.request('GET', liDb, undefined, demoUser('manager.li'))).json;
        assert.ok(z._rev && z._rev === l._rev);
      });
      const [a, b] = await Promise.all([
        bed.server.request(
          'PUT',
          zhangDb,
          { ...z, d: { ...z.d, name: zhangName, phone: '13800000001', updatedAt: '2026-05-02T08:00:00.000Z' } },
          demoUser('sales.zhang'),
        ),
        bed.server.request(
          'PUT',
          liDb,
          { ...l, d: { ...l.d, name: liName, remark: '经理备注', updatedAt: '2026-05-02T08:00:01.000Z' } },
          demoUser('manager.li'),
        ),
      ]);
      if (a.status === 201 && b.status === 201) break;
      assert.ok(attempt < 5, 'the two writes met in the same database five times');
    }
    const zhang = await client('sales.zhang');
    const manager = await client('manager.li');
    for (const store of [zhang, manager]) {
      await eventually(async () => {
        const record = await store.entity('customer').get('both-1');
        assert.equal(record?.phone, '13800000001', 'one edit');
        assert.equal(record?.remark, '经理备注', 'the other edit');
        const [conflict] = await store.conflicts!.list();
        assert.equal(conflict?.recordId, 'both-1');
      });
    }
    const master = await bed.server.request('GET', 'kehu/customer%7Cboth-1?conflicts=true');
    assert.equal(master.json._conflicts, undefined, 'no CouchDB conflict is left behind');
    const [seen] = await zhang.conflicts!.list();
    assert.deepEqual(
      seen.fields.map((f) => f.field),
      ['name'],
    );
    const kept = seen.fields[0];
    const names = [JSON.parse(kept.local!), JSON.parse(kept.server!)].sort();
    assert.deepEqual(names, [zhangName, liName].sort(), 'both values of the name are there');
    assert.equal((await zhang.entity('customer').get('both-1'))?.name, JSON.parse(kept.server!));
    assert.ok(seen.readers?.includes('sales.chen') === false, 'only users who read the record are named');

    // One of them resolves it for everyone; the record takes the value picked, in the audit trail.
    const saved = await zhang.conflicts!.resolve(seen.id, { name: 'local' });
    assert.equal(saved.name, JSON.parse(kept.local!));
    await eventually(async () => {
      assert.equal((await manager.entity('customer').get('both-1'))?.name, JSON.parse(kept.local!));
      assert.equal((await manager.conflicts!.list()).length, 0, 'resolved on the other client too');
    });
    await eventually(async () => {
      const history = await manager.history('customer', 'both-1');
      const picked = JSON.parse(kept.local!) as string;
      assert.ok(
        history.some(
          (e) => e.user?.id === 'sales.zhang' && e.changes.some((c) => c.path[0] === 'name' && c.to === picked),
        ),
      );
    });
    // Nobody else may invent or delete conflicts on the bed.server.
    const forged = await bed.server.request(
      'PUT',
      `${userDatabaseName('sales.chen')}/kehu-conflict%7Cforged`,
      {
        e: 'kehu-conflict',
        t: 0,
        d: {
          id: 'forged',
          entity: 'customer',
          recordId: 'x',
          kind: 'edit',
          status: 'open',
          fields: [],
          readers: ['sales.chen'],
        },
      },
      demoUser('sales.chen'),
    );
    assert.equal(forged.status, 403);
    assert.match(forged.json.reason, /同步冲突/);
    await close(zhang, manager);
  });

  it('gives users added later a database of their own with `kehu scope` (as on Apache CouchDB)', async () => {
    const lines: string[] = [];
    assert.equal(
      await scopeCommand([bed.server.url, 'schemas', '--roles', 'schemas/roles.json'], (l) => lines.push(l)),
      2,
    );
    const user = {
      _id: 'org.couchdb.user:新顾问',
      type: 'user',
      name: '新顾问',
      password: 'kehu-demo',
      roles: ['sales', 'org:sh'],
    };
    assert.equal((await bed.server.request('PUT', `_users/${encodeURIComponent(user._id)}`, user)).status, 201);
    // Signed up before the agent ran again: no database yet, and the status says what to do.
    const early = await client('新顾问', { user: { id: '新顾问', roles: ['sales'], organisation: 'sh' } });
    await eventually(async () => assert.match(early.sync!.status.lastError?.en ?? '', /no database for this user yet/));
    assert.match(early.sync!.status.lastError!['zh-CN'], /还没有该用户的数据库/);
    const offline = await early.entity('customer').insert({ name: '先记下的客户', type: 'consumer' });
    process.env.KEHU_COUCH_ADMIN = `${bed.server.admin.name}:${bed.server.admin.password}`;
    try {
      assert.equal(
        await scopeCommand([bed.server.url, 'schemas', '--roles', 'schemas/roles.json'], (l) => lines.push(l)),
        0,
      );
    } finally {
      delete process.env.KEHU_COUCH_ADMIN;
    }
    const name = userDatabaseName('新顾问');
    assert.ok(lines.includes(`新顾问: ${name}`), lines.join('\n'));
    const security = await bed.server.request('GET', `${name}/_security`);
    assert.deepEqual(security.json.members, { names: ['新顾问'], roles: [] });
    const own = await bed.server.request('GET', `${name}/_all_docs`, undefined, {
      name: '新顾问',
      password: 'kehu-demo',
    });
    assert.equal(own.status, 200, 'the new user reads their database');
    const replications = await bed.server.request('GET', '_replicator/_all_docs?include_docs=true');
    const mine = (replications.json.rows as { doc: { source: { url: string }; selector?: unknown } }[]).filter((r) =>
      r.doc.source?.url?.endsWith(`/kehu`),
    );
    assert.ok(
      mine.some((r) => r.doc.selector),
      'the master → user replication is filtered by the read selector',
    );
    // The waiting client gets going by itself and sends what it kept.
    await eventually(async () => {
      const sent = await bed.server.request('GET', `${name}/customer%7C${offline.id}`);
      assert.equal(sent.json.d?.name, '先记下的客户');
    });
    await eventually(() => assert.equal(early.sync!.status.state, 'idle'));
    await close(early);
  });
});
