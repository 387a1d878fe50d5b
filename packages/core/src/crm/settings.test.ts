import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import { CRM_SETTINGS_DEFAULTS, defaultPriceTier, getSettings, mergeSettings } from './settings.js';

const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

let n = 0;
const storeWith = (names: string[]) =>
  createStore({ entities: names.map(schema), storage: getRxStorageMemory(), name: `settings-${n++}` });

describe('getSettings', () => {
  it('should give the documented defaults when nothing was saved', async () => {
    const store = await storeWith(['crm-settings', 'follow-up-method', 'price-tier']);
    const settings = await getSettings(store);
    assert.deepEqual(settings, { ...CRM_SETTINGS_DEFAULTS });
    assert.equal(settings.lostCustomerDays, 365);
    assert.deepEqual(
      settings.followUpRules.map((r) => `${r.documentKind}+${r.days}`),
      ['order+3', 'contract+7', 'service+3', 'loss-assessment+7'],
    );
    await store.close();
  });

  it('should give the defaults for a store that has no settings entity at all', async () => {
    const store = await storeWith(['customer-class']);
    assert.equal((await getSettings(store)).reminderLeadDays, 3);
    await store.close();
  });

  it('should merge a saved record over the defaults, field by field', async () => {
    const store = await storeWith(['crm-settings', 'follow-up-method', 'price-tier']);
    await store.entity('crm-settings').insert({
      name: '广州总店参数',
      lostCustomerDays: 180,
      followUpRules: [
        { documentKind: 'service', days: 2 },
        { documentKind: 'service', days: 30 },
      ],
      defaultPriceTiers: [{ organisation: '广州粤顺汽车', priceTier: 'ptr-001' }],
    });
    const settings = await getSettings(store);
    assert.equal(settings.lostCustomerDays, 180);
    assert.equal(settings.reminderLeadDays, 3, 'not saved: the default');
    assert.equal(settings.followUpWindowDays, 30);
    assert.deepEqual(settings.followUpRules, [
      { documentKind: 'service', days: 2 },
      { documentKind: 'service', days: 30 },
    ]);
    assert.equal(defaultPriceTier(settings, '广州粤顺汽车'), 'ptr-001');
    assert.equal(defaultPriceTier(settings, '深圳分公司'), undefined);
    assert.equal(defaultPriceTier(settings, undefined), undefined);
    await store.close();
  });

  it('should keep reading the first record when an import adds a second one', async () => {
    const store = await storeWith(['crm-settings', 'follow-up-method', 'price-tier']);
    await store.entity('crm-settings').insert({ name: '默认', lostCustomerDays: 200 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.entity('crm-settings').insert({ name: '导入的副本', lostCustomerDays: 90 });
    assert.equal((await getSettings(store)).lostCustomerDays, 200);
    await store.close();
  });

  it('should fall back to the defaults once the record is deleted', async () => {
    const store = await storeWith(['crm-settings', 'follow-up-method', 'price-tier']);
    const record = await store.entity('crm-settings').insert({ name: '默认', lostCustomerDays: 200 });
    await store.entity('crm-settings').remove(record.id);
    assert.equal((await getSettings(store)).lostCustomerDays, 365);
    await store.close();
  });
});

describe('mergeSettings', () => {
  it('should let an empty list switch follow-ups off', () => {
    assert.deepEqual(mergeSettings({ followUpRules: [] }).followUpRules, []);
  });

  it('should ignore values no validator would have let through (imported by hand)', () => {
    const settings = mergeSettings({
      lostCustomerDays: 0,
      reminderLeadDays: -2,
      followUpWindowDays: 1.5,
      followUpRules: [{ documentKind: 'order', days: 0 }, null, { documentKind: 'order', days: 5 }],
    });
    assert.equal(settings.lostCustomerDays, 365);
    assert.equal(settings.reminderLeadDays, 3);
    assert.equal(settings.followUpWindowDays, 30);
    assert.deepEqual(settings.followUpRules, [{ documentKind: 'order', days: 5 }]);
  });

  it('should never hand out the defaults object itself', () => {
    const settings = mergeSettings(null);
    settings.followUpRules[0].days = 99;
    assert.equal(CRM_SETTINGS_DEFAULTS.followUpRules[0].days, 3);
  });
});
