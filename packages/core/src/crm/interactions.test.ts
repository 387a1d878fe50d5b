import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import {
  analyseOpportunities,
  customerRegion,
  findInteractions,
  findOpportunities,
  interactionSelector,
  opportunitySelector,
} from './interactions.js';

const activities = [
  {
    id: 'a1',
    kind: 'visit',
    subject: '上门拜访车队负责人',
    dueDate: '2026-10-12',
    done: true,
    doneOn: '2026-10-13',
    participants: ['陈晓燕', '黄经理'],
    outcome: '确认年度保养方案',
  },
  { id: 'a2', kind: 'call', subject: '电话确认交车时间', dueDate: '2026-10-20', done: false, owner: '陈晓燕' },
  {
    id: 'a3',
    kind: 'meeting',
    subject: 'Fleet renewal meeting',
    dueDate: '2026-11-03',
    done: false,
    participants: ['Li Wei'],
  },
  { id: 'a4', kind: 'email', subject: '发送报价单', dueDate: '2026-09-30', done: true, doneOn: '2026-10-01' },
  { id: 'a5', kind: 'follow-up', subject: '维修回访', dueDate: '2026-10-15', done: true },
  { id: 'a6', kind: 'call', subject: '无日期的电话' },
];

describe('findInteractions', () => {
  it('should find visits, calls, meetings and e-mails in a period, newest first', () => {
    assert.deepEqual(
      findInteractions(activities, { from: '2026-10-01', to: '2026-10-31' }).map((a) => a.id),
      ['a2', 'a1', 'a4'],
      'a4 was done on 1 October; the return visit is not an interaction',
    );
  });

  it('should match every word of a keyword in subject, outcome, owner or participants', () => {
    assert.deepEqual(
      findInteractions(activities, { keyword: '黄经理' }).map((a) => a.id),
      ['a1'],
    );
    assert.deepEqual(
      findInteractions(activities, { keyword: 'fleet LI' }).map((a) => a.id),
      ['a3'],
    );
    assert.deepEqual(
      findInteractions(activities, { keyword: '陈晓燕 保养' }).map((a) => a.id),
      ['a1'],
    );
    assert.deepEqual(findInteractions(activities, { keyword: '<script>' }), []);
  });

  it('should keep undated records to open periods only, and filter by kind', () => {
    assert.ok(findInteractions(activities).some((a) => a.id === 'a6'));
    assert.ok(!findInteractions(activities, { from: '2000-01-01' }).some((a) => a.id === 'a6'));
    assert.deepEqual(
      findInteractions(activities, { kinds: ['follow-up'] }).map((a) => a.id),
      ['a5'],
    );
  });
});

describe('selectors', () => {
  it('should select the same interactions from a store', async () => {
    const schema = (name: string): JsonSchema =>
      JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
    const store = await createStore({
      entities: [
        'customer-class',
        'customer-level',
        'customer',
        'vehicle',
        'insurer',
        'product',
        'price-tier',
        'opportunity',
        'activity',
      ].map(schema),
      storage: getRxStorageMemory(),
      name: `interactions-${Date.now()}`,
    });
    await store.entity('customer').insert({ id: 'c1', name: '张伟', type: 'consumer' });
    await store
      .entity<Record<string, unknown>>('activity' as string)
      .bulkInsert(activities.filter((a) => a.dueDate).map((a) => ({ ...a, customer: 'c1' })));
    const found = await store
      .entity('activity')
      .find({ selector: interactionSelector({ from: '2026-10-01', to: '2026-10-31' }) });
    assert.deepEqual(found.map((a) => a.id).sort(), ['a1', 'a2']);
    assert.deepEqual(interactionSelector(), { kind: { $in: ['visit', 'call', 'meeting', 'email'] } });
    assert.deepEqual(opportunitySelector({ to: '2026-12-31', stages: ['won'] }), {
      stage: { $in: ['won'] },
      expectedCloseDate: { $lte: '2026-12-31' },
    });
    await store.close();
  });
});

const customers = [
  { id: 'c-gz', name: '广州粤顺物流有限公司', addresses: [{ kind: 'delivery', province: '广东省', city: '佛山市' }] },
  {
    id: 'c-hz',
    name: '杭州西湖汽车服务',
    addresses: [
      { kind: 'invoice', province: '上海市', city: '上海市' },
      { kind: 'registered', province: '浙江省', city: '杭州市' },
    ],
  },
  { id: 'c-none', name: '李娜' },
];
const opportunities = [
  {
    id: 'o1',
    name: '车队年度保养',
    customer: 'c-gz',
    product: 'p-oil',
    stage: 'won',
    amount: 120_000,
    probability: 100,
    expectedCloseDate: '2026-10-20',
  },
  {
    id: 'o2',
    name: '新车采购 10 台',
    customer: 'c-gz',
    product: 'p-car',
    stage: 'negotiation',
    amount: 1_500_000,
    probability: 60,
    expectedCloseDate: '2026-11-15',
  },
  {
    id: 'o3',
    name: '延保套餐',
    customer: 'c-hz',
    product: 'p-oil',
    stage: 'lost',
    amount: 8_000.1,
    probability: 0,
    expectedCloseDate: '2026-10-05',
  },
  {
    id: 'o4',
    name: '轮胎更换',
    customer: 'c-hz',
    stage: 'proposal',
    amount: 3_200.2,
    probability: 40,
    expectedCloseDate: '2026-11-02',
    region: '江苏省',
  },
  {
    id: 'o5',
    name: '保险续保',
    customer: 'c-none',
    product: 'p-ins',
    stage: 'lead',
    probability: 10,
    expectedCloseDate: '2026-12-01',
  },
  { id: 'o6', name: '无日期线索', customer: 'c-none', stage: 'lead' },
];

describe('analyseOpportunities', () => {
  it('should group by month of the expected close date, with forecast and win rate', () => {
    const rows = analyseOpportunities(opportunities, { by: 'period' });
    assert.deepEqual(
      rows.map((r) => [r.key, r.count, r.amount, r.weighted, r.won, r.lost, r.winRate]),
      [
        ['2026-10', 2, 128_000.1, 0, 1, 1, 0.5],
        ['2026-11', 2, 1_503_200.2, 900_000 + 1_280.08, 0, 0, null],
        ['2026-12', 1, 0, 0, 0, 0, null],
        [null, 1, 0, 0, 0, 0, null],
      ],
    );
    assert.deepEqual(
      analyseOpportunities(opportunities, { by: 'period', unit: 'quarter' }).map((r) => r.key),
      ['2026-Q4', null],
    );
  });

  it('should group by product, and by region from the opportunity or else its customer', () => {
    assert.deepEqual(
      analyseOpportunities(opportunities, { by: 'product' }).map((r) => [r.key, r.count, r.wonAmount]),
      [
        ['p-car', 1, 0],
        ['p-ins', 1, 0],
        ['p-oil', 2, 120_000],
        [null, 2, 0],
      ],
    );
    assert.deepEqual(
      analyseOpportunities(opportunities, { by: 'region', customers }).map((r) => [r.key, r.count]),
      [
        ['广东省', 2],
        ['江苏省', 1],
        ['浙江省', 1],
        [null, 2],
      ],
    );
  });

  it('should restrict to a period and give nothing for nothing', () => {
    assert.deepEqual(
      analyseOpportunities(opportunities, { by: 'product', from: '2026-11-01', to: '2026-11-30' }).map((r) => r.key),
      ['p-car', null],
    );
    assert.deepEqual(analyseOpportunities([], { by: 'region' }), []);
    assert.deepEqual(
      findOpportunities(opportunities, { keyword: '保' }).map((o) => o.id),
      ['o1', 'o3', 'o5'],
    );
  });

  it('should read a customer region from the registered address first', () => {
    assert.equal(customerRegion(customers[1]), '浙江省');
    assert.equal(customerRegion(customers[0]), '广东省');
    assert.equal(customerRegion(customers[2]), undefined);
    assert.equal(customerRegion(undefined), undefined);
  });
});
