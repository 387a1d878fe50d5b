/**
 * Measure 2: the first 50 rows of the entity on screen. Kehu: a fresh `<kehu-record-list>` given
 * `entity` and `store`, until 50 record rows are in its shadow DOM. Baseline: a raw Dexie query of
 * the first 50 by the same index (the default sort, `updatedAt` descending: `[e+t+ru]`) and a plain
 * lit-html render of them.
 */
import { html, render } from 'lit';
import { tap } from 'rxjs';
import type { CountOptions, Entity, FindOptions, Repository, Store } from '@kehu/core';
import { ENTITY, RawDatabase, liveRange } from './dataset.js';
import { time, whenDom } from './measure.js';
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

/** Kehu: from setting `entity` and `store` on a connected, fresh list to `ROWS` rows with records. */
export async function firstRowsInList(store: Store): Promise<{ ms: number; marks: ListMarks }> {
  const list = document.createElement('kehu-record-list');
  list.style.setProperty('--kehu-record-list-height', LIST_HEIGHT);
  freshHost().append(list);
  await list.updateComplete;
  const root = list.shadowRoot!;
  const rows = () => root.querySelectorAll('[part~="row"]:not([part~="placeholder"])').length >= ROWS;
  const marks: ListMarks = {};
  let start = 0;
  const watched = observed(store, marks, () => start);
  const ms = await time(async () => {
    start = performance.now();
    const shown = whenDom(root, rows);
    list.entity = ENTITY;
    list.store = watched;
    await shown;
  });
  return { ms, marks };
}

/** Baseline: `limit(ROWS)` on `[e+t+ru]`, then lit-html renders one row of list columns per record. */
export async function firstRowsRaw(db: RawDatabase, entity: Entity): Promise<number> {
  const host = freshHost();
  const columns = entity.listColumns;
  return time(async () => {
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
  });
}
