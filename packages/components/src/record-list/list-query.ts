import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Entity, KehuRecord, Locale, Selector, SortSpec, Store } from '@kehu/core';
import { RecordPages, type RecordQuery } from './record-pages.js';
import { ReferenceTitles } from './reference-titles.js';
import type { ReferenceTitle } from './cell-format.js';

/** Selectors are plain data from properties or a filter builder: equal when their JSON is. */
const sameSelector = (a: Selector | undefined, b: Selector | undefined) =>
  a === b || JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * The store side of a record list: runs the query the host asks for as live `RecordPages`, restarts
 * it when store, entity, sort, search or page size change, and stops it when the host leaves the DOM.
 */
export class ListQuery implements ReactiveController {
  /**
   * The record indexes the virtualizer shows: all of 0…total-1, or the window of at most `windowSize`
   * of them starting at `windowStart` (browsers cap an element's height near 33.5 million pixels, so
   * a million rows cannot be one scrolling area). Rows read their record with `record(index)`.
   * Kept while a new sort or search loads, so rows show placeholders instead of vanishing and the
   * count (a live region) changes once, from the old number to the new.
   */
  items: number[] = [];
  /** First record index of the window in view. */
  windowStart = 0;
  /** Most rows in one scrolling area. */
  windowSize = Number.POSITIVE_INFINITY;
  /** Rows known to exist (the total, or the rows loaded from the top before the count arrives). */
  rows = 0;
  /** The count shown: the current query's, or the previous one's while the new count loads. */
  total: number | undefined;

  private pages: RecordPages | undefined;
  private source: { store: Store; entity: Entity } | undefined;
  private titles: ReferenceTitles | undefined;
  /** The rows the list last rendered, so a new query loads as many from the top at once. */
  private range = { first: 0, last: 0 };

  constructor(
    private host: ReactiveControllerHost,
    /** Called when a new query starts, e.g. to scroll back to the top. */
    private onRestart: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the DOM after a move: the query was stopped, so render (and restart it) again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The sort in force, once a query runs. */
  get sort(): SortSpec | undefined {
    return this.pages?.query.sort;
  }

  /** The first error the store reported for the current query. */
  get error(): unknown {
    return this.pages?.error;
  }

  /** The record at `index` in the current order, or undefined while its page loads. */
  record(index: number): KehuRecord | undefined {
    return this.pages?.record(index);
  }

  /** Title of a referenced record for a cell; undefined while it is fetched. */
  referenceTitle: ReferenceTitle = Object.assign(
    (entity: string, id: string): string | undefined => this.titles?.title(entity, id),
    { entityLabel: (entity: string, locale: Locale) => this.titles?.entityLabel(entity, locale) },
  );

  /** Follows the rows the list renders, loading their pages. */
  show(first: number, last: number): void {
    this.range = { first, last };
    this.pages?.show(first, last);
  }

  /** Runs `query` over `entity` (call it before each render); without all three, stops. */
  update(store: Store | undefined, entity: Entity | undefined, query: RecordQuery | undefined, pageSize: number): void {
    if (!store || !entity || !query) return this.stop();
    const current = this.pages;
    const sameSource = this.source?.store === store && this.source.entity === entity;
    if (
      current &&
      sameSource &&
      current.pageSize === pageSize &&
      current.query.search === query.search &&
      sameSelector(current.query.selector, query.selector) &&
      current.query.sort.field === query.sort.field &&
      current.query.sort.direction === query.sort.direction
    ) {
      return;
    }
    this.pages?.dispose();
    this.titles?.dispose();
    if (!sameSource) this.setTotal(undefined);
    // A fresh title cache per query, so a renamed sales rep shows once the list is sorted or searched again.
    this.titles = new ReferenceTitles(store, () => this.host.requestUpdate());
    this.source = { store, entity };
    const rows = this.range.last - this.range.first + 1;
    // A cached query answers while the constructor subscribes, before `pages` is assigned: such an
    // early answer is kept by the pages and taken in just below.
    let pages: RecordPages | undefined = undefined;
    pages = new RecordPages(store.entity(entity.name), query, () => pages && this.changed(pages), pageSize, rows);
    this.pages = pages;
    this.windowStart = 0;
    this.setRows(this.rows);
    this.onRestart();
    this.changed(pages);
  }

  private stop(): void {
    this.pages?.dispose();
    this.pages = undefined;
    this.source = undefined;
    this.titles?.dispose();
    this.titles = undefined;
    this.setTotal(undefined);
  }

  private changed(pages: RecordPages): void {
    if (pages !== this.pages) return;
    if (pages.total !== undefined) this.setTotal(pages.total);
    else if (this.total === undefined) this.setRows(pages.loadedFromTop);
    this.host.requestUpdate();
  }

  private setTotal(total: number | undefined): void {
    this.total = total;
    this.setRows(total ?? 0);
  }

  private setRows(rows: number): void {
    this.rows = rows;
    this.setWindow(this.windowStart);
  }

  /**
   * Moves the window so it starts at `start` (clamped, aligned to whole windows); returns whether
   * it moved. Pages load for the rows the list then renders.
   */
  setWindow(start: number): boolean {
    const size = this.windowSize;
    const last = Math.max(0, this.rows - 1);
    const aligned = Number.isFinite(size)
      ? Math.min(Math.floor(Math.max(0, start) / size), Math.floor(last / size)) * size
      : 0;
    const length = Math.max(0, Math.min(this.rows - aligned, size));
    const moved = aligned !== this.windowStart;
    if (moved || length !== this.items.length || this.items[0] !== aligned) {
      this.windowStart = aligned;
      this.items = indexRange(aligned, length);
    }
    return moved;
  }
}

/**
 * The numbers `start`…`start + length - 1` as an array the virtualizer accepts (`Array.isArray`,
 * `length`, indexing), computed on access: building a real array of the total's size took 7–9 ms
 * for 100,000 rows on every new list or count, while the virtualizer reads only the rows in view.
 */
export function indexRange(start: number, length: number): number[] {
  return new Proxy([] as number[], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && String(i) === key) return i >= 0 && i < length ? start + i : undefined;
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) return Number(key) < length;
      return Reflect.has(target, key);
    },
  });
}
