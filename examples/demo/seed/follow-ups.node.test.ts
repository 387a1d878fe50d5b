import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../../../packages/core/src/store/create-store.js';
import type { JsonSchema } from '../../../packages/core/src/entity/types.js';
import { followUpId, generateFollowUps } from '../../../packages/core/src/crm/follow-up.js';
import { changeCustomerLevel } from '../../../packages/core/src/crm/levels.js';
import { findLostCustomers, lostCustomerTrend } from '../../../packages/core/src/crm/lost.js';
import { paretoAnalysis, rfmScores, segmentCounts } from '../../../packages/core/src/crm/segments.js';
import { analyseOpportunities } from '../../../packages/core/src/crm/interactions.js';
import { mergeSettings } from '../../../packages/core/src/crm/settings.js';
import { DEFAULT_SEED_OPTIONS, generateSeed } from './index.js';

/** The CRM rules of @kehu/core on the full demo data set: realistic volumes, dates and ties. */
const seed = generateSeed();
const TODAY = DEFAULT_SEED_OPTIONS.today;
type Row = Record<string, unknown> & { id: string };
const rows = (name: string) => seed[name] as Row[];

describe('CRM rules on the demo seed', () => {
  it('should give seeded follow-ups the ids core derives, so generating adds only what is missing', async () => {
    for (const f of rows('follow-up')) {
      const [, documentId] = String(f.source).split(':');
      const days = Number(/-(\d+)d$/.exec(f.id)![1]);
      assert.equal(f.id, followUpId(documentId, days));
    }
    const schema = (name: string): JsonSchema =>
      JSON.parse(readFileSync(new URL(`../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
    const names = ['customer', 'document', 'crm-settings', 'follow-up-method', 'follow-up', 'level-change'];
    const store = await createStore({
      entities: [
        'customer-class',
        'customer-level',
        'vehicle',
        'insurer',
        'product',
        'price-tier',
        'opportunity',
        'activity',
        'evaluation-category',
        'follow-up-question',
        ...names,
      ].map(schema),
      storage: getRxStorageMemory(),
      name: `seed-crm-${Date.now()}`,
      user: { id: 'u', name: '客服主管 梁晓红' },
    });
    for (const name of [...names, 'customer-level', 'evaluation-category', 'follow-up-question']) {
      await store.entity(name).bulkInsert(name === 'level-change' ? [] : seed[name], { batchSize: 500 });
    }
    const before = await store.entity('follow-up').count();
    const run = await generateFollowUps(store, { asOf: TODAY });
    // Everything due up to three days ahead was seeded already.
    assert.deepEqual(run.created, []);
    assert.equal(await store.entity('follow-up').count(), before);
    // A week later, the services and sales of the last days come due.
    const later = await generateFollowUps(store, { asOf: '2026-11-08' });
    assert.ok(later.created.length > 0, 'new follow-ups a week later');
    assert.ok(later.created.every((f) => f.status === 'open' && f.dueDate > '2026-11-04' && f.dueDate <= '2026-11-11'));
    assert.deepEqual((await generateFollowUps(store, { asOf: '2026-11-08' })).created, []);

    // A level change on a seeded customer, by the store's user.
    const customer = rows('customer').find((c) => c.level === 'clv-004')!;
    const { change } = await changeCustomerLevel(store, customer.id, 'clv-003', '年度消费额达到银卡标准');
    assert.deepEqual([change.fromLevel, change.toLevel, change.changedBy], ['clv-004', 'clv-003', '客服主管 梁晓红']);
    await store.close();
  });

  it('should end every seeded level history at the customer’s current level', () => {
    const levelOf = new Map(rows('customer').map((c) => [c.id, c.level]));
    const last = new Map<string, Row>();
    for (const change of rows('level-change')) last.set(String(change.customer), change);
    assert.ok(last.size > 50, `${last.size} customers with a history`);
    for (const [customer, change] of last) assert.equal(change.toLevel, levelOf.get(customer));
    for (const change of rows('level-change')) assert.notEqual(change.fromLevel, change.toLevel);
  });

  it('should find lost customers and a trend among a thousand customers', () => {
    const data = {
      customers: rows('customer'),
      documents: rows('document'),
      activities: rows('activity'),
      followUps: rows('follow-up'),
    };
    const lost = findLostCustomers(data, {
      asOf: TODAY,
      periodDays: mergeSettings(rows('crm-settings')[0]).lostCustomerDays,
    });
    assert.ok(lost.length > 50 && lost.length < rows('customer').length / 2, `${lost.length} lost`);
    assert.ok(lost.every((l) => l.daysSince > 365));
    const trend = lostCustomerTrend(data, { asOf: TODAY, periodDays: 365, months: 12 });
    assert.equal(trend.length, 12);
    assert.equal(trend.at(-1)!.lost, lost.length);
  });

  it('should segment every customer and find a vital few', () => {
    const data = { customers: rows('customer'), documents: rows('document') };
    const scores = rfmScores(data, { asOf: TODAY });
    const counts = segmentCounts(scores);
    assert.equal(
      counts.reduce((sum, c) => sum + c.count, 0),
      rows('customer').length,
    );
    assert.ok(counts.find((c) => c.segment === 'no-purchase')!.count > 0, 'many customers never bought');
    assert.ok(counts.filter((c) => c.count > 0).length >= 7, 'most segments occur');
    const pareto = paretoAnalysis(data, { asOf: TODAY });
    assert.ok(pareto.vitalShare > 0 && pareto.vitalShare < 0.3, `vital share ${pareto.vitalShare}`);
  });

  it('should analyse the opportunities by region, every one with a region', () => {
    const groups = analyseOpportunities(rows('opportunity'), { by: 'region', customers: rows('customer') });
    assert.ok(groups.length >= 3);
    assert.ok(groups.every((g) => g.key !== null));
    assert.equal(
      groups.reduce((sum, g) => sum + g.count, 0),
      rows('opportunity').length,
    );
  });
});
