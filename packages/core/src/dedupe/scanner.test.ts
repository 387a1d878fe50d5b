import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineEntity } from '../entity/define-entity.js';
import type { JsonSchema } from '../entity/types.js';
import { CompletenessTally, entityCompleteness } from './completeness.js';
import { DuplicateScanner, detectDuplicates } from './detect.js';
import { plantedCustomers } from './planted-duplicates.js';

const customer = defineEntity(
  JSON.parse(readFileSync(new URL('../../../../schemas/customer.schema.json', import.meta.url), 'utf8')) as JsonSchema,
  'customer.schema.json',
);

describe('a duplicate scan fed a page at a time', () => {
  it('finds exactly the pairs one detectDuplicates call finds, counting what it has scanned', () => {
    const { customers } = plantedCustomers(6_000, 400);
    const whole = detectDuplicates(customer, customers, { threshold: 0.75 });
    const scanner = new DuplicateScanner(customer, { threshold: 0.75 });
    const scanned: number[] = [];
    for (let start = 0; start < customers.length; start += 1_000) {
      scanner.add(customers.slice(start, start + 1_000));
      scanned.push(scanner.scanned);
    }
    assert.deepEqual(scanned, [1000, 2000, 3000, 4000, 5000, 6000]);
    const paged = scanner.pairs();
    assert.ok(paged.length >= 380, `found ${paged.length}`);
    assert.deepEqual(paged, whole);
  });

  it('finds nothing before two records, and nothing for an entity without match rules', () => {
    const scanner = new DuplicateScanner(customer);
    assert.deepEqual(scanner.pairs(), []);
    scanner.add([{ id: 'a', name: '张伟', mobile: '13800138000' }]);
    assert.deepEqual(scanner.pairs(), []);
    scanner.add([{ id: 'b', name: '张伟', mobile: '13800138000' }]);
    assert.deepEqual(
      scanner.pairs().map((p) => [p.a, p.b]),
      [['a', 'b']],
    );
    const plain = defineEntity({ $id: 'note', type: 'object', properties: { name: { type: 'string' } } }, 'note');
    const none = new DuplicateScanner(plain);
    none.add([{ name: 'a' }, { name: 'a' }]);
    assert.equal(none.scanned, 2);
    assert.deepEqual(none.pairs(), []);
  });

  it('tallies completeness page by page to the same figures as all at once', () => {
    const { customers } = plantedCustomers(2_500, 100);
    const tally = new CompletenessTally(customer);
    for (let start = 0; start < customers.length; start += 700) tally.add(customers.slice(start, start + 700));
    assert.deepEqual(tally.result(), entityCompleteness(customer, customers));
    assert.equal(new CompletenessTally(customer).result().average, 1, 'no records: nothing missing');
  });
});
