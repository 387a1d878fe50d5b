import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids.js';

describe('record ids', () => {
  it('sort in the order they were made, even many within one millisecond', () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => newId(now));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 1000);
  });
  it('sort later for a later time, and are 24 Crockford base-32 characters', () => {
    const first = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    assert.ok(first < later);
    assert.match(first, /^[0-9a-hjkmnp-tv-z]{24}$/);
  });
});
