import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indexedDB, IDBCursor, IDBKeyRange } from 'fake-indexeddb';
import { pageKeys, rangeName, SkipMarks } from './skip-marks.js';
import { numberedDatabase } from '../test-support/indexed-db.js';

let counter = 0;
const id = (i: number) => `d${String(i).padStart(6, '0')}`;

/** Index entries walked by `advance` while `work` runs. */
async function advanced<T>(work: () => Promise<T>): Promise<{ value: T; walked: number }> {
  const prototype = IDBCursor.prototype as unknown as { advance(count: number): void };
  const advance = prototype.advance;
  let walked = 0;
  prototype.advance = function (this: unknown, count: number) {
    walked += count;
    return advance.call(this, count);
  };
  try {
    return { value: await work(), walked };
  } finally {
    prototype.advance = advance;
  }
}

/** `pageKeys` on the `[kind+id]` index of `db`, in a transaction of its own. */
function page(db: IDBDatabase, range: IDBKeyRange, skip: number, limit: number, marks?: SkipMarks, step?: number) {
  const index = db.transaction('docs', 'readonly').objectStore('docs').index('[kind+id]');
  return pageKeys(index, range, IDBKeyRange, skip, limit, marks?.of(rangeName('[kind+id]', range)), step);
}

describe('pageKeys', () => {
  it('answers the entries after `skip`, with or without notes, for every step size', async () => {
    const db = await numberedDatabase(indexedDB, `skip-${counter++}`, 60);
    const kindB = IDBKeyRange.bound(['b'], ['b', []]);
    // Every third entry is kind 'a': kind 'b' holds the other 40, in id order.
    const all = Array.from({ length: 60 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .map(id);
    try {
      for (const step of [1, 3, 7, 100]) {
        const marks = new SkipMarks();
        for (const [skip, limit] of [
          [0, 5],
          [17, 4],
          [5, 3],
          [38, 10],
          [40, 2],
          [16, 1],
          [22, Infinity],
          [39, 1],
        ]) {
          const expected = all.slice(skip, skip + limit);
          assert.deepEqual(await page(db, kindB, skip, limit), expected, `no notes: step ${step}, skip ${skip}`);
          assert.deepEqual(await page(db, kindB, skip, limit, marks, step), expected, `step ${step}, skip ${skip}`);
        }
      }
    } finally {
      db.close();
    }
  });

  it('walks a deep page again only from the nearest point an earlier walk noted', async () => {
    const db = await numberedDatabase(indexedDB, `skip-${counter++}`, 3000, 'b');
    const range = IDBKeyRange.bound(['b'], ['b', []]);
    const marks = new SkipMarks();
    try {
      const first = await advanced(() => page(db, range, 2500, 10, marks, 100));
      assert.deepEqual(
        first.value,
        Array.from({ length: 10 }, (_, i) => id(2500 + i)),
      );
      assert.equal(first.walked, 2500, 'the first deep page walks from the top');
      const next = await advanced(() => page(db, range, 2510, 10, marks, 100));
      assert.deepEqual(
        next.value,
        Array.from({ length: 10 }, (_, i) => id(2510 + i)),
      );
      assert.equal(next.walked, 10, 'the next page walks on from where the last one began');
      const back = await advanced(() => page(db, range, 1234, 3, marks, 100));
      assert.deepEqual(back.value, [id(1234), id(1235), id(1236)]);
      assert.equal(back.walked, 34, 'a page above walks from the step noted before it');
      const other = await advanced(() => page(db, IDBKeyRange.bound(['b', id(1)], ['b', []]), 1234, 1, marks, 100));
      assert.deepEqual(other.value, [id(1235)], "another range's notes are not used");
      marks.forget();
      const forgotten = await advanced(() => page(db, range, 2510, 1, marks, 100));
      assert.deepEqual(forgotten.value, [id(2510)]);
      assert.equal(forgotten.walked, 2510, 'after a write, the walk starts from the top again');
    } finally {
      db.close();
    }
  });
});

describe('SkipMarks', () => {
  it('neither makes nor uses notes while a write is under way, and forgets them once it is over', async () => {
    const marks = new SkipMarks();
    marks.of('r')!.note({ position: 10, key: ['b', 'x'] });
    assert.deepEqual(marks.of('r')!.nearest(12), { position: 10, key: ['b', 'x'] });
    assert.equal(marks.of('r')!.nearest(9), undefined);
    const before = marks.of('r')!;
    let release = () => {};
    const write = marks.whileWriting(() => new Promise<void>((resolve) => (release = resolve)));
    assert.equal(marks.of('r'), undefined, 'no notes while writing');
    before.note({ position: 20, key: ['b', 'y'] });
    release();
    await write;
    assert.equal(marks.of('r')!.nearest(30), undefined, 'notes from before the write are gone, late ones not made');
    const failing = marks.whileWriting(() => Promise.reject(new Error('refused')));
    await assert.rejects(failing, /refused/);
    assert.notEqual(marks.of('r'), undefined, 'a failed write does not leave notes switched off');
  });

  it('runs the walks of one range in turn, even after one fails', async () => {
    const marks = new SkipMarks();
    const order: string[] = [];
    let release = () => {};
    const first = marks.inTurn('r', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => order.push('1')),
    );
    const failed = marks.inTurn('r', () => Promise.reject(new Error('walk failed')));
    const third = marks.inTurn('r', async () => order.push('3'));
    const elsewhere = marks.inTurn('other', async () => order.push('other'));
    await elsewhere;
    assert.deepEqual(order, ['other'], 'another range does not wait');
    release();
    await first;
    await assert.rejects(failed, /walk failed/);
    await third;
    assert.deepEqual(order, ['other', '1', '3']);
  });
});
