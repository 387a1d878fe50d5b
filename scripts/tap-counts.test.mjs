import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tapCounts } from './tap-counts.mjs';

const tap = `TAP version 13
# Subtest: a suite
    # Subtest: passes
    ok 1 - passes
      ---
      duration_ms: 1.2
      ...
    # Subtest: fails
    not ok 2 - fails
      ---
      duration_ms: 3
      failureType: 'testCodeFailure'
      ...
    1..2
not ok 1 - a suite
  ---
  duration_ms: 5
  type: 'suite'
  failureType: 'subtestsFailed'
  ...
# Subtest: a lone test
ok 2 - a lone test
  ---
  duration_ms: 0.5
  ...
`;

describe('counting node:test TAP', () => {
  it('counts tests, not the suites around them', () => {
    assert.deepEqual(tapCounts(tap), { passed: 2, failed: 1 });
  });
  it('needs no trailing summary, which a forced exit may cut off', () => {
    assert.ok(!tap.includes('# pass'));
    assert.deepEqual(tapCounts(''), { passed: 0, failed: 0 });
  });
});
