import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createValidator } from './validator.js';
import { isMultipleOf } from './multiple-of.js';

const money = createValidator(
  { type: 'object', properties: { amount: { type: 'number', minimum: 0, multipleOf: 0.01 } } },
  { labelOf: () => ({ 'zh-CN': '金额', en: 'Amount' }) },
);

describe('multipleOf', () => {
  it('accepts large money amounts that ajv’s fixed tolerance refused (578922817.31 / 0.01 = 57892281731.00001)', () => {
    for (const amount of [578922817.31, 114544777.82, 999999990.06, 999999999.99, 1.13, 0.07, 0])
      assert.deepEqual(money({ amount }), [], String(amount));
  });

  it('accepts every whole number of cents up to a trillion yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (cents) => isMultipleOf(cents / 100, 0.01)),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('still refuses a third decimal, in both locales', () => {
    for (const amount of [1.005, 578922817.315, 0.001, 999999999.999]) {
      const issues = money({ amount });
      assert.equal(issues.length, 1, String(amount));
      assert.equal(issues[0].keyword, 'multipleOf');
      assert.deepEqual(issues[0].params, { multipleOf: 0.01 });
      assert.match(issues[0].message.en, /2 decimal places/);
      assert.match(issues[0].message['zh-CN'], /2 位小数/);
    }
  });

  it('keeps the tolerance for sums like 0.1 + 0.2, and handles other steps', () => {
    assert.equal(isMultipleOf(0.1 + 0.2, 0.01), true);
    assert.equal(isMultipleOf(15, 5), true);
    assert.equal(isMultipleOf(7, 5), false);
    assert.equal(isMultipleOf(0.75, 0.25), true);
    assert.equal(isMultipleOf(0.8, 0.25), false);
    assert.equal(isMultipleOf(-1.13, 0.01), true);
    assert.equal(isMultipleOf(1.5, 1), false);
  });
});
