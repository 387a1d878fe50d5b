import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { invertKey, numberKey, sortKey } from './keys.js';

const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('sort keys', () => {
  it('orders numbers like numbers, negatives and fractions included', () => {
    const values = [-1e9, -3.5, -1, -0.25, 0, 0.1, 1, 2, 10, 99.99, 1e12];
    const shuffled = [...values].reverse();
    assert.deepEqual(
      shuffled.sort((a, b) => ascending(numberKey(a), numberKey(b))),
      values,
    );
  });

  it('inverted keys order strings descending, prefixes after longer strings', () => {
    const values = ['', 'a', 'ab', 'abc', 'b', '张三', '李四', '2024-03-05', '2024-03-06', '—', 'Ｚ'];
    const byInverted = [...values].sort((a, b) => ascending(invertKey(sortKey(a)), invertKey(sortKey(b))));
    assert.deepEqual(
      byInverted,
      [...values].sort((a, b) => ascending(b, a)),
    );
  });

  it('inverted number keys order numbers descending', () => {
    const values = [-5, 0, 3, 12.5, 1000];
    const byInverted = [...values].sort((a, b) => ascending(invertKey(numberKey(a)), invertKey(numberKey(b))));
    assert.deepEqual(byInverted, [1000, 12.5, 3, 0, -5]);
  });

  it('never produces lone surrogates in inverted keys', () => {
    for (const text of ['“引号”', '—', '\u2014\u201c', '😀', 'abc']) {
      const key = invertKey(text);
      assert.ok(!/[\ud800-\udfff]/.test(key.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')), text);
    }
  });
});
