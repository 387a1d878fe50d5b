import { expect } from '@open-wc/testing';
import { indexRange } from './list-query.js';

describe('indexRange', () => {
  it('reads like the array of its numbers without holding them, as the virtualizer reads it', () => {
    const rows = indexRange(500_000, 1_000_000);
    expect(Array.isArray(rows)).to.equal(true);
    expect(rows.length).to.equal(1_000_000);
    expect(rows[0]).to.equal(500_000);
    expect(rows[999_999]).to.equal(1_499_999);
    // Past either end, like a real array: the virtualizer's `element(index)` tests for undefined.
    expect(rows[1_000_000]).to.equal(undefined);
    expect(rows[-1]).to.equal(undefined);
    expect(0 in rows).to.equal(true);
    expect(1_000_000 in rows).to.equal(false);
  });

  it('iterates and slices to the same numbers as a real array', () => {
    const rows = indexRange(3, 4);
    expect([...rows]).to.deep.equal([3, 4, 5, 6]);
    expect(rows.slice(1, 3)).to.deep.equal([4, 5]);
    expect(indexRange(0, 0).length).to.equal(0);
    expect([...indexRange(7, 0)]).to.deep.equal([]);
  });
});
