import { inTurn } from './in-turn.js';

/**
 * Deep pages without walking from the top every time. IndexedDB has no "the entry at position n":
 * a page at `skip` 75,000 walks 75,000 index entries (~0.35 s at 100,000 in Chromium), and a list
 * dragged to three quarters asked for two or three such pages, one walk each (1–1.4 s of
 * placeholders). A walk here steps `SKIP_STEP` entries at a time and notes where each step landed
 * (the entry's position and index key); a later page on the same index range starts from the
 * nearest note at or before its `skip` and walks only the rest. Notes hold only while nothing has
 * been written: any write (or one announced by another tab) forgets them all.
 */

/** Index entries one step of a walk advances: a few milliseconds of IndexedDB's backend. */
export const SKIP_STEP = 2000;

/** Notes kept per index range: 1,000 steps of 2,000 entries cover two million records. */
const MAX_MARKS = 1000;

/** Where a walk once stood: the entry at `position` (0-based, within the range) has index key `key`. */
export interface SkipMark {
  position: number;
  key: IDBValidKey;
}

/**
 * The notes of one storage instance, per index range (its name and bounds), with what keeps them
 * true: `writing` counts the writes under way (notes are neither made nor used meanwhile), and
 * `forget()` runs after every write and every change another tab announces.
 */
export class SkipMarks {
  private marks = new Map<string, SkipMark[]>();
  private walks = new Map<string, Promise<void>>();
  private generation = 0;
  private writing = 0;

  /** Runs `write` with notes off, and forgets every note once it is over, written or not. */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    this.writing++;
    this.forget();
    try {
      return await write();
    } finally {
      this.writing--;
      this.forget();
    }
  }

  /** Drops every note: the positions of entries may have moved. */
  forget(): void {
    this.generation++;
    this.marks.clear();
  }

  /**
   * Runs `walk` once the walks before it on the same range are over, so that a second page asked
   * for together with the first starts from where the first one stopped rather than from the top.
   */
  inTurn<T>(range: string, walk: () => Promise<T>): Promise<T> {
    return inTurn(this.walks, range, walk);
  }

  /**
   * The notes of `range` as of now: `nearest` finds where to start, `note` records a landing. Both
   * do nothing once a write has begun or ended since (`undefined` when one is under way).
   */
  of(range: string): { nearest(position: number): SkipMark | undefined; note(mark: SkipMark): void } | undefined {
    if (this.writing) return undefined;
    const generation = this.generation;
    const current = () => this.generation === generation && !this.writing;
    return {
      nearest: (position) => (current() ? nearestAtOrBefore(this.marks.get(range), position) : undefined),
      note: (mark) => {
        if (!current()) return;
        let list = this.marks.get(range);
        if (!list) this.marks.set(range, (list = []));
        insertMark(list, mark);
        if (list.length > MAX_MARKS) list.splice(0, list.length - MAX_MARKS);
      },
    };
  }
}

/** The mark with the greatest position ≤ `position` in `list` (sorted by position). */
function nearestAtOrBefore(list: SkipMark[] | undefined, position: number): SkipMark | undefined {
  if (!list) return undefined;
  let [low, high] = [0, list.length - 1];
  let found: SkipMark | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle].position <= position) {
      found = list[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Inserts `mark` into `list`, sorted by position; a mark at a noted position replaces it. */
function insertMark(list: SkipMark[], mark: SkipMark): void {
  let index = list.length;
  while (index > 0 && list[index - 1].position > mark.position) index--;
  if (index > 0 && list[index - 1].position === mark.position) list[index - 1] = mark;
  else list.splice(index, 0, mark);
}

/** A name for an index range: the index and its bounds (RxDB's keys are arrays of strings and numbers). */
export const rangeName = (index: string, range: IDBKeyRange): string =>
  JSON.stringify([index, range.lower, range.lowerOpen, range.upper, range.upperOpen]);

/**
 * The primary keys of the `limit` entries of `index` after the first `skip` in `range`, walking
 * from the nearest note of `marks` and noting where each step lands. Needs an index with unique
 * keys (RxDB's end with the primary key): a walk restarts at a noted entry by its key alone.
 * Requests are made from the previous one's success, so the caller's transaction stays active.
 */
export function pageKeys(
  index: IDBIndex,
  range: IDBKeyRange,
  keyRange: typeof IDBKeyRange,
  skip: number,
  limit: number,
  marks: ReturnType<SkipMarks['of']>,
  step = SKIP_STEP,
): Promise<IDBValidKey[]> {
  const from = skip > 0 ? marks?.nearest(skip) : undefined;
  // Starting at the noted entry (inclusive), with the range's own upper bound.
  const start = !from
    ? range
    : range.upper === undefined
      ? keyRange.lowerBound(from.key)
      : keyRange.bound(from.key, range.upper, false, range.upperOpen);
  let position = from?.position ?? 0;
  const keys: IDBValidKey[] = [];
  return new Promise<IDBValidKey[]>((resolve, reject) => {
    const request = index.openKeyCursor(start);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      try {
        const cursor = request.result;
        if (!cursor) return resolve(keys);
        if (position < skip) {
          if (position > 0) marks?.note({ position, key: cursor.key });
          const by = Math.min(skip - position, step);
          position += by;
          cursor.advance(by);
          return;
        }
        if (!keys.length && position > 0) marks?.note({ position, key: cursor.key });
        keys.push(cursor.primaryKey);
        if (keys.length >= limit) resolve(keys);
        else cursor.continue();
      } catch (error) {
        reject(error as Error);
      }
    };
  });
}
