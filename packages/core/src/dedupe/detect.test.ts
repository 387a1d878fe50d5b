import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineEntity } from '../entity/define-entity.js';
import type { JsonSchema } from '../entity/types.js';
import { detectDuplicates, matchRules } from './detect.js';
import { plantedCustomers, plantedScore } from './planted-duplicates.js';
import {
  addressKey,
  addressSimilarity,
  bigramDice,
  editDistance,
  jaroWinkler,
  nameKey,
  nameSimilarity,
} from './similarity.js';

const customerSchema = JSON.parse(
  readFileSync(new URL('../../../../schemas/customer.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;
const customer = defineEntity(customerSchema, 'customer.schema.json');

describe('similarities', () => {
  it('treat company legal forms, swaps and typos as near', () => {
    assert.equal(nameKey('广州恒达汽车贸易有限公司'), nameKey('广州恒达汽车贸易公司'));
    assert.equal(nameKey('Acme Trading Co., Ltd.'), nameKey('ACME trading'));
    assert.equal(nameSimilarity('张伟明', '张明伟'), 0.9);
    assert.ok(nameSimilarity('张伟明', '张伟民') > 0.6);
    assert.ok(nameSimilarity('张伟', '李强') < 0.1);
    assert.ok(nameSimilarity('johnsmith', 'jonsmith') > 0.85);
    assert.equal(editDistance('abcd', 'abdc'), 1, 'an adjacent swap is one edit');
    assert.equal(bigramDice('', 'ab'), 0);
    assert.ok(Math.abs(jaroWinkler('MARTHA', 'MARHTA') - 0.961) < 0.001);
  });

  it('tell different house numbers apart', () => {
    assert.ok(addressSimilarity(addressKey('天河路12号'), addressKey('天河路123号')) < 0.5);
    assert.ok(addressSimilarity(addressKey('天河路123号'), addressKey('天河路 123号 5栋')) > 0.7);
  });
});

describe('detectDuplicates', () => {
  it('reads the rules the customer schema declares', () => {
    const rules = matchRules(customer);
    assert.ok(rules.length >= 3);
    assert.deepEqual(
      rules.find((r) => r.fields.length === 2 && r.fields[1].path[0] === 'mobile')?.fields.map((f) => f.kind),
      ['name', 'exact'],
    );
  });

  it('finds a pair written differently and explains its score', () => {
    const pairs = detectDuplicates(customer, [
      { id: 'a', name: '广州恒达汽车贸易有限公司', mobile: '13800138000' },
      { id: 'b', name: '广州 恒达汽车贸易公司', mobile: '+86 138-0013-8000' },
      { id: 'c', name: '深圳宏远物流有限公司', mobile: '13900000000' },
    ]);
    assert.equal(pairs.length, 1);
    assert.deepEqual([pairs[0].a, pairs[0].b, pairs[0].score], ['a', 'b', 1]);
    assert.deepEqual(pairs[0].fields, [
      { field: 'name', similarity: 1 },
      { field: 'mobile', similarity: 1 },
    ]);
  });

  it('does not pair family members who share a phone, nor anything for an entity without rules', () => {
    assert.deepEqual(
      detectDuplicates(customer, [
        { id: 'a', name: '张伟', mobile: '13800138000' },
        { id: 'b', name: '张丽华', mobile: '13800138000' },
      ]),
      [],
    );
    const plain = defineEntity({ $id: 'note', type: 'object', properties: { name: { type: 'string' } } }, 'x');
    assert.deepEqual(detectDuplicates(plain, [{ name: 'a' }, { name: 'a' }]), []);
    assert.deepEqual(detectDuplicates(customer, []), []);
  });

  it('finds ≥ 95% of 1,000 planted duplicates among 20,000 customers, precisely', () => {
    const { customers, planted } = plantedCustomers(20_000, 1_000);
    const pairs = detectDuplicates(customer, customers);
    // Speed is measured in bench/ (`--only=dedupe`), never asserted here: the machines are noisy.
    const { recall, precision, wrong } = plantedScore(pairs, planted);
    assert.ok(recall >= 0.95, `recall ${recall}`);
    assert.ok(precision >= 0.95, `precision ${precision} (${wrong} wrong of ${pairs.length})`);
  });
});
