import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import { expiringPolicies, expiryWindow, type PolicyData } from './insurance.js';

const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

const AS_OF = '2026-11-01';

/** Two cars of one owner, the second renewed early; a financed car lapsed last week; one fine until next year. */
const policies: PolicyData[] = [
  // 粤A·D8K21 (veh-1): compulsory ends in 10 days, commercial ends today; not renewed.
  {
    id: 'pol-1',
    vehicle: 'veh-1',
    kind: 'compulsory',
    startDate: '2025-11-12',
    endDate: '2026-11-11',
    insurer: 'ins-picc',
  },
  { id: 'pol-2', vehicle: 'veh-1', kind: 'commercial', startDate: '2025-11-02', endDate: AS_OF, insurer: 'ins-picc' },
  // veh-2: compulsory ends in 20 days but the next term is already bought.
  { id: 'pol-3', vehicle: 'veh-2', kind: 'compulsory', startDate: '2025-11-22', endDate: '2026-11-21' },
  { id: 'pol-4', vehicle: 'veh-2', kind: 'compulsory', startDate: '2026-11-22', endDate: '2027-11-21' },
  // veh-2: its commercial policy is not renewed even though the compulsory one is.
  { id: 'pol-5', vehicle: 'veh-2', kind: 'commercial', startDate: '2025-11-22', endDate: '2026-11-21' },
  // veh-3: financed, lapsed 6 days ago.
  {
    id: 'pol-6',
    vehicle: 'veh-3',
    kind: 'compulsory',
    startDate: '2025-10-27',
    endDate: '2026-10-26',
    autoFinance: true,
  },
  // veh-4: ends on the last day of a 30-day window, and one day after it.
  { id: 'pol-7', vehicle: 'veh-4', kind: 'compulsory', startDate: '2025-12-02', endDate: '2026-12-01' },
  { id: 'pol-8', vehicle: 'veh-4', kind: 'commercial', startDate: '2025-12-03', endDate: '2026-12-02' },
];

describe('expiringPolicies', () => {
  it('should list unrenewed policies ending within the lead days, soonest first, with days left', () => {
    const result = expiringPolicies(policies, { asOf: AS_OF, leadDays: 30 });
    assert.deepEqual(
      result.map((e) => [e.policy.id, e.daysLeft]),
      [
        ['pol-2', 0],
        ['pol-1', 10],
        ['pol-5', 20],
        ['pol-7', 30],
      ],
    );
  });

  it('should honour a shorter lead and list lapsed policies only when asked', () => {
    assert.deepEqual(
      expiringPolicies(policies, { asOf: AS_OF, leadDays: 7 }).map((e) => e.policy.id),
      ['pol-2'],
    );
    const withLapsed = expiringPolicies(policies, { asOf: AS_OF, leadDays: 7, lapsedDays: 14 });
    assert.deepEqual(
      withLapsed.map((e) => [e.policy.id, e.daysLeft]),
      [
        ['pol-6', -6],
        ['pol-2', 0],
      ],
    );
  });

  it('should default to a 30-day lead and refuse a date that is not YYYY-MM-DD', () => {
    assert.deepEqual(expiryWindow({ asOf: AS_OF }), { from: AS_OF, to: '2026-12-01', asOf: AS_OF });
    assert.throws(() => expiringPolicies(policies, { asOf: '01/11/2026' }), RangeError);
    assert.deepEqual(expiringPolicies([], { asOf: AS_OF }), []);
  });

  it('should give the same answer over a store', async () => {
    const store = await createStore({
      entities: ['customer-class', 'customer-level', 'customer', 'insurer', 'vehicle', 'insurance-policy'].map(schema),
      storage: getRxStorageMemory(),
      name: 'insurance-expiry',
    });
    try {
      const owner = await store.entity('customer').insert({ name: '陈志强', type: 'consumer' });
      const insurer = await store
        .entity('insurer')
        .insert({ code: 'PICC', name: '中国人民财产保险股份有限公司', shortName: '人保财险' });
      const vins = ['LSVAM4187C2184847', '1M8GDM9AXKP042788', '11111111111111111', 'LFV2A21K6C3021349'];
      for (const [i, vin] of vins.entries()) {
        await store.entity('vehicle').insert({ id: `veh-${i + 1}`, vin, owner: owner.id });
      }
      await store.entity<PolicyData>('insurance-policy' as string).bulkInsert(
        policies.map(({ insurer: _insurer, ...p }, i) => ({
          ...p,
          insurer: insurer.id,
          policyNumber: `PDZA2025440100${String(i).padStart(6, '0')}`,
        })),
      );
      const fromStore = await expiringPolicies(store, { asOf: AS_OF, leadDays: 30, lapsedDays: 14 });
      assert.deepEqual(
        fromStore.map((e) => [e.policy.id, e.daysLeft]),
        expiringPolicies(policies, { asOf: AS_OF, leadDays: 30, lapsedDays: 14 }).map((e) => [e.policy.id, e.daysLeft]),
      );
      assert.equal(fromStore[0].policy.autoFinance, true, 'the lapsed financed car comes first');
    } finally {
      await store.close();
    }
  });
});
