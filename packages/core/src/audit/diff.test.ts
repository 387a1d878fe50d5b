import { describe, it } from 'node:test';
import { deepEqual } from 'node:assert/strict';
import { diffRecords } from './diff.js';

describe('diffRecords', () => {
  it('reports changed, added and cleared fields with old and new values', () => {
    const changes = diffRecords(
      { name: '张三', level: 'normal', remark: 'x' },
      { name: '张三', level: 'vip', mobile: '13800138000' },
    );
    deepEqual(changes, [
      { path: ['level'], from: 'normal', to: 'vip' },
      { path: ['remark'], from: 'x' },
      { path: ['mobile'], to: '13800138000' },
    ]);
  });

  it('ignores system stamps, so a write that only moves updatedAt is no change', () => {
    deepEqual(
      diffRecords({ id: 'a', updatedAt: '1', _v: 0, name: 'x' }, { id: 'a', updatedAt: '2', _v: 1, name: 'x' }),
      [],
    );
  });

  it('walks nested objects down to the changed leaf', () => {
    const changes = diffRecords(
      { bankAccount: { bank: '工商银行', accountNumber: '1' } },
      { bankAccount: { bank: '建设银行', accountNumber: '1' } },
    );
    deepEqual(changes, [{ path: ['bankAccount', 'bank'], from: '工商银行', to: '建设银行' }]);
  });

  it('treats key order as no change', () => {
    deepEqual(diffRecords({ o: { a: 1, b: 2 } }, { o: { b: 2, a: 1 } }), []);
  });

  it('diffs child rows: a removed first row is one removal, not a cascade of edits', () => {
    const rows = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
    deepEqual(diffRecords({ contacts: rows }, { contacts: rows.slice(1) }), [
      { path: ['contacts'], rows: [{ kind: 'removed', index: 0, from: { name: 'A' } }] },
    ]);
  });

  it('diffs child rows: added rows and changed fields inside a row', () => {
    const changes = diffRecords(
      { contacts: [{ name: 'A', mobile: '1' }] },
      { contacts: [{ name: 'A', mobile: '2' }, { name: 'B' }] },
    );
    deepEqual(changes, [
      {
        path: ['contacts'],
        rows: [
          { kind: 'changed', index: 0, changes: [{ path: ['mobile'], from: '1', to: '2' }] },
          { kind: 'added', index: 1, to: { name: 'B' } },
        ],
      },
    ]);
  });

  it('matches rows by id when they have one, wherever they moved', () => {
    const changes = diffRecords(
      {
        lines: [
          { id: 'l1', qty: 1 },
          { id: 'l2', qty: 2 },
        ],
      },
      {
        lines: [
          { id: 'l2', qty: 3 },
          { id: 'l1', qty: 1 },
        ],
      },
    );
    deepEqual(changes, [
      { path: ['lines'], rows: [{ kind: 'changed', index: 0, changes: [{ path: ['qty'], from: 2, to: 3 }] }] },
    ]);
  });

  it('reports arrays of plain values as a whole old → new value', () => {
    deepEqual(diffRecords({ tags: ['a'] }, { tags: ['a', 'b'] }), [{ path: ['tags'], from: ['a'], to: ['a', 'b'] }]);
  });

  it('copies values, so later edits of the records do not rewrite the diff', () => {
    const after = { contacts: [{ name: 'B' }] };
    const changes = diffRecords({}, after);
    after.contacts[0].name = 'Z';
    deepEqual(changes, [{ path: ['contacts'], to: [{ name: 'B' }] }]);
  });
});
