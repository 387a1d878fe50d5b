/**
 * Measure 2: the first 50 rows of the entity on screen. Kehu: a fresh `<kehu-record-list>` given
 * `entity` and `store`, until 50 record rows are in its shadow DOM and laid out. Baseline: a raw
 * Dexie query of the first 50 by the same index (the default sort, `updatedAt` descending:
 * `[e+t+ru]`), a plain lit-html render of them, and their layout.
 *
 * Both sides end with a forced layout (`laidOut`): rows are visible once laid out and painted, and
 * measured only until they are in the DOM the two sides were timed unequally — the virtualizer can
 * measure its new rows (a forced style and layout) before the bench's observer sees them, while the
 * baseline's layout always fell after its measure. The time until the rows were in the DOM is kept
 * (`domMs`) and reported beside it.
 */
import { html, render } from 'lit';
import { tap } from 'rxjs';
import type { CountOptions, Entity, FindOptions, Repository, Store } from '@kehu/core';
import { ENTITY, RawDatabase, liveRange } from './dataset.js';
import { timed, whenDom } from './measure.js';
import { freshStage as freshHost } from './stage.js';

export const ROWS = 50;
/** Tall enough for the virtualizer to put more than `ROWS` rows in view. */
const LIST_HEIGHT = `${(ROWS + 6) * 40}px`;

/** When, counted from setting `entity` and `store`, the list's two store queries first answered. */
export interface ListMarks {
  /** `count$`: the list shows no rows before it knows the total. */
  count?: number;
  /** `find$` of the first page. */
  firstPage?: number;
}

/**
 * The store as the list sees it, except that the entity's `count$` and `find$` note when they
 * first answer: a timing split of the list's wait without touching Kehu's code.
 */
function observed(store: Store, marks: ListMarks, since: () => number): Store {
  const note = (key: keyof ListMarks) => tap(() => (marks[key] ??= performance.now() - since()));
  return new Proxy(store, {
    get(target, key) {
      if (key !== 'entity') return Reflect.get(target, key);
      return (name: string) => {
        const repository = target.entity(name);
        if (name !== ENTITY) return repository;
        return Object.assign(Object.create(repository) as Repository, {
          count$: (options?: CountOptions) => repository.count$(options).pipe(note('count')),
          find$: (options?: FindOptions) => repository.find$(options).pipe(note('firstPage')),
        });
      };
    },
  });
}

/** Milliseconds until the rows were laid out (`ms`), and until they were in the DOM (`domMs`). */
export interface FirstRows {
  ms: number;
  domMs: number;
}

/** Resolves once `done()` holds, checked every 10 ms; gives up quietly after 60 s. */
async function settled(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
}

/** Forces style and layout of the whole page, so that what was rendered is laid out. */
const laidOut = () => document.body.getBoundingClientRect();

/** Kehu: from setting `entity` and `store` on a connected, fresh list to `ROWS` rows with records. */
export async function firstRowsInList(store: Store): Promise<FirstRows & { marks: ListMarks }> {
  const list = document.createElement('kehu-record-list');
  list.style.setProperty('--kehu-record-list-height', LIST_HEIGHT);
  freshHost().append(list);
  await list.updateComplete;
  const root = list.shadowRoot!;
  const rows = () => root.querySelectorAll('[part~="row"]:not([part~="placeholder"])').length >= ROWS;
  const marks: ListMarks = {};
  let start = 0;
  const watched = observed(store, marks, () => start);
  const { ms, value: domMs } = await timed(async () => {
    start = performance.now();
    const shown = whenDom(root, rows);
    list.entity = ENTITY;
    list.store = watched;
    await shown;
    const inDom = performance.now() - start;
    laidOut();
    return inDom;
  });
  // Not timed: the list's count (started once its first page is in) walks the whole index range
  // (~0.4 s at 100,000, in steps other reads pass between: `steppedCount`). The next list — the
  // warm one — starts on a settled store, as the baseline's second run does.
  await settled(() => marks.count !== undefined);
  return { ms, domMs, marks };
}

/** Baseline: `limit(ROWS)` on `[e+t+ru]`, then lit-html renders one row of list columns per record. */
export async function firstRowsRaw(db: RawDatabase, entity: Entity): Promise<FirstRows> {
  const host = freshHost();
  const columns = entity.listColumns;
  let start = 0;
  const { ms, value: domMs } = await timed(async () => {
    start = performance.now();
    const [from, to] = liveRange(entity.name);
    const docs = await db.records.where('[e+t+ru]').between(from, to).limit(ROWS).toArray();
    render(
      html`${docs.map(
        (doc) =>
          html`<div class="row" role="row">
            ${columns.map((key) => html`<div class="cell" role="gridcell">${String(doc.d[key] ?? '')}</div>`)}
          </div>`,
      )}`,
      host,
    );
    if (host.querySelectorAll('.row').length < ROWS)
      throw new Error(`raw render shows ${host.querySelectorAll('.row').length} rows`);
    const inDom = performance.now() - start;
    laidOut();
    return inDom;
  });
  return { ms, domMs };
}
