import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KehuRecord } from '../store/types.js';
import { mergeEdits, sameValue, type MergeSide } from './merge.js';

const side = (fields: Record<string, unknown>, updatedAt: string, removed = false): MergeSide => ({
  record: { id: 'c1', createdAt: '2026-01-01T00:00:00.000Z', _v: 1, ...fields, updatedAt } as KehuRecord,
  removed,
});

const base = side({ name: '张三', mobile: '13800000000', level: 'normal' }, '2026-01-01T00:00:00.000Z');

describe('mergeEdits (three-way, field level)', () => {
  it('merges edits of different fields and keeps the newer updatedAt', () => {
    const local = side({ ...base.record, name: '张三丰' }, '2026-01-03T00:00:00.000Z');
    const server = side({ ...base.record, mobile: '13900000000' }, '2026-01-02T00:00:00.000Z');
    const result = mergeEdits(base, local, server);
    assert.deepEqual(result.conflicts, []);
    assert.equal(result.record.name, '张三丰');
    assert.equal(result.record.mobile, '13900000000');
    assert.equal(result.record.level, 'normal');
    assert.equal(result.record.updatedAt, '2026-01-03T00:00:00.000Z');
    assert.equal(result.sameAsServer, false);
  });

  it('keeps the server value on the same field and reports both values', () => {
    const local = side({ ...base.record, name: 'Local 名' }, '2026-01-03T00:00:00.000Z');
    const server = side({ ...base.record, name: 'Server 名' }, '2026-01-02T00:00:00.000Z');
    const result = mergeEdits(base, local, server);
    assert.equal(result.record.name, 'Server 名');
    assert.deepEqual(result.conflicts, [{ field: 'name', base: '张三', local: 'Local 名', server: 'Server 名' }]);
    // Nothing of the local edit stays in the record: it is the server's, its version unchanged.
    assert.equal(result.sameAsServer, true);
    assert.equal(result.record.updatedAt, '2026-01-02T00:00:00.000Z');
  });

  it('treats the same value written on both sides as agreement', () => {
    const local = side({ ...base.record, level: 'vip' }, '2026-01-03T00:00:00.000Z');
    const server = side({ ...base.record, level: 'vip' }, '2026-01-02T00:00:00.000Z');
    assert.deepEqual(mergeEdits(base, local, server).conflicts, []);
  });

  it('applies a local field removal and a server addition', () => {
    const { mobile: _dropped, ...rest } = base.record as Record<string, unknown>;
    const local = side(rest, '2026-01-03T00:00:00.000Z');
    const server = side({ ...base.record, remark: '<script>alert(1)</script>' }, '2026-01-02T00:00:00.000Z');
    const result = mergeEdits(base, local, server);
    assert.equal('mobile' in result.record, false);
    assert.equal(result.record.remark, '<script>alert(1)</script>');
    assert.deepEqual(result.conflicts, []);
  });

  it('compares child rows as one field, whatever the key order', () => {
    const rows = [{ id: 'r1', name: 'A', mobile: '1' }];
    const local = side(
      { ...base.record, contacts: [{ mobile: '1', name: 'A', id: 'r1' }] },
      '2026-01-03T00:00:00.000Z',
    );
    const server = side({ ...base.record, contacts: rows }, '2026-01-02T00:00:00.000Z');
    assert.deepEqual(
      mergeEdits(side({ ...base.record, contacts: rows }, base.record.updatedAt), local, server).conflicts,
      [],
    );
    const changed = side({ ...base.record, contacts: [{ id: 'r1', name: 'B' }] }, '2026-01-03T00:00:00.000Z');
    const result = mergeEdits(undefined, changed, server);
    assert.deepEqual(
      result.conflicts.map((c) => c.field),
      ['contacts'],
    );
    assert.deepEqual(result.record.contacts, rows);
  });

  it('merges a removal on one side with an edit on the other', () => {
    const local = side(base.record, '2026-01-03T00:00:00.000Z', true);
    const server = side({ ...base.record, level: 'vip' }, '2026-01-02T00:00:00.000Z');
    const result = mergeEdits(base, local, server);
    assert.equal(result.removed, true);
    assert.equal(result.record.level, 'vip');
  });

  it('without a base, differing values conflict and values only one side has are kept', () => {
    const local = side({ name: 'A', remark: 'only local' }, '2026-01-03T00:00:00.000Z');
    const server = side({ name: 'B' }, '2026-01-02T00:00:00.000Z');
    const result = mergeEdits(undefined, local, server);
    assert.equal(result.record.remark, 'only local');
    assert.deepEqual(result.conflicts, [{ field: 'name', local: 'A', server: 'B' }]);
  });

  it('never loses a value: each local change is in the record or in a conflict (property)', () => {
    const value = fc.oneof(fc.constant(undefined), fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }));
    const fields = fc.record({ f1: value, f2: value, f3: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(fields, fields, fields, (b, l, s) => {
        const result = mergeEdits(side(b, 't0'), side(l, 't2'), side(s, 't1'));
        const merged = result.record as Record<string, unknown>;
        for (const key of ['f1', 'f2', 'f3'] as const) {
          const conflict = result.conflicts.find((c) => c.field === key);
          if (!sameValue(l[key], b[key]))
            assert.ok(sameValue(merged[key], l[key]) || sameValue(conflict?.local, l[key]));
          if (!sameValue(s[key], b[key])) assert.ok(sameValue(merged[key], s[key]));
          if (conflict) assert.ok(sameValue(merged[key], s[key]));
        }
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
