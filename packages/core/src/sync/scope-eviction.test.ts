import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './test-checks.js';
import { syncTestBed } from './test-bed.js';
import { userDatabaseName } from './urls.js';

/** Read scope when a record changes hands (decision 0007, "Scope changes"). */
const bed = syncTestBed('evict');
const adviser = (id: string) => bed.client(id);

const at = '2026-05-01T08:00:00.000Z';

describe('read scope when a record changes hands', () => {
  it("takes a customer handed to another adviser out of the old adviser's database and client", async () => {
    const doc = {
      _id: 'customer|moved-1',
      e: 'customer',
      t: 0,
      d: {
        id: 'moved-1',
        code: 'MOVED-1',
        name: '客户 moved-1',
        type: 'consumer',
        salesRep: 'sales.zhang',
        organisation: 'sh',
        createdAt: at,
        updatedAt: at,
        _v: 0,
      },
    };
    assert.equal((await bed.server.request('POST', 'kehu', doc)).status, 201);
    const [zhang, chen] = [await adviser('sales.zhang'), await adviser('sales.chen')];
    await eventually(async () => assert.ok(await zhang.entity('customer').get('moved-1'), 'the adviser has it'));
    // The manager hands it over (here straight in the master, as a server-side job would).
    const hand = async (to: string) => {
      const { json } = await bed.server.request('GET', 'kehu/customer%7Cmoved-1');
      const next = { ...json, d: { ...json.d, salesRep: to, updatedAt: new Date().toISOString() } };
      assert.equal((await bed.server.request('PUT', 'kehu/customer%7Cmoved-1', next)).status, 201);
    };
    await hand('sales.chen');
    await eventually(async () => assert.ok(await chen.entity('customer').get('moved-1'), 'the new adviser has it'));
    await eventually(async () =>
      assert.equal(await zhang.entity('customer').get('moved-1'), null, 'gone from the old one'),
    );
    const held = await bed.server.request('GET', `${userDatabaseName('sales.zhang')}/customer%7Cmoved-1`);
    assert.equal(held.status, 404, "not in the old adviser's database either");
    const master = await bed.server.request('GET', 'kehu/customer%7Cmoved-1');
    assert.equal(master.json.d.salesRep, 'sales.chen', 'the master keeps the record');
    // Handed back, it returns.
    await hand('sales.zhang');
    await eventually(async () =>
      assert.equal((await zhang.entity('customer').get('moved-1'))?.salesRep, 'sales.zhang'),
    );
    await eventually(async () => assert.equal(await chen.entity('customer').get('moved-1'), null));
  });
});
