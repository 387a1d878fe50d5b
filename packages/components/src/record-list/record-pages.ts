import type { CountOptions, KehuRecord, Repository, Selector, SortSpec } from '@kehu/core';
import type { Subscription } from 'rxjs';

/** What the list asks the store for; a change of any part starts a new `RecordPages`. */
export interface RecordQuery {
  sort: SortSpec;
  search: string;
  /** Conditions every listed record meets (a filter, or "this customer's vehicles"). */
  selector?: Selector;
}

/** Pages kept after they scroll away, so scrolling back shows rows at once while they re-subscribe. */
const KEPT_PAGES = 20;

/**
 * How long scrolling must pause before pages are fetched. A page deep in a large entity costs the
 * store a walk over the index entries before it (from the nearest point an earlier walk noted, with
 * Kehu's Dexie storage; over every record, with RxDB's own), so a fling across 100,000 rows must
 * not start a query for every page it passes.
 */
const SCROLL_SETTLE_MS = 80;

/**
 * The records of one list query, fetched page by page as the list scrolls to them and kept live:
 * the total comes from `count$`, and every page in view is a `find$` with `skip`/`limit`, so an insert,
 * edit or delete anywhere in the store reaches the rows on screen. Only those pages are loaded, so
 * memory and rendering stay flat however many records the entity has.
 */
export class RecordPages {
  /** Number of records matching the query; undefined until the store answers. */
  total: number | undefined;
  /** The first error the store reported, if any. */
  error: unknown;

  private pages = new Map<number, KehuRecord[]>();
  private live = new Map<number, Subscription>();
  private countSubscription: Subscription | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFirst = 0;
  private disposed = false;

  constructor(
    private repository: Repository,
    readonly query: RecordQuery,
    /** Called whenever the total, a page or the error changes. */
    private onChange: () => void,
    readonly pageSize = 100,
    /** Rows the list shows at first, counted from the top; their pages load at once. */
    firstRows = 1,
  ) {
    // The count walks the whole index range and, on a cold page, holds up reads queued behind it:
    // it starts once the first page is in (see `subscribe`), so the first rows show at once.
    this.subscribePages(0, Math.max(0, firstRows - 1));
  }

  /**
   * Rows known to exist from the top before the count arrives (it walks the whole index range; the
   * first page does not), so the first rows show as soon as they are read.
   */
  get loadedFromTop(): number {
    let rows = 0;
    for (let page = 0; this.pages.has(page); page++) {
      const length = this.pages.get(page)!.length;
      rows += length;
      if (length < this.pageSize) break;
    }
    return rows;
  }

  /** The record at `index` in query order, or undefined while its page loads. */
  record(index: number): KehuRecord | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /**
   * Makes the pages holding `first`…`last` live (loading them if needed) and lets the others go,
   * once scrolling pauses. Pages already loaded keep showing meanwhile.
   */
  show(first: number, last: number): void {
    if (this.disposed || last < first) return;
    clearTimeout(this.settleTimer);
    const [from, to] = this.pagesOf(first, last);
    // Reading on into the next page loads it at once; a fling or a jump waits for scrolling to settle.
    let step = Math.abs(first - this.lastFirst) < this.pageSize / 2;
    for (let page = from; page <= to && step; page++) {
      step = this.live.has(page) || this.live.has(page - 1) || this.live.has(page + 1);
    }
    this.lastFirst = first;
    if (step) this.subscribePages(first, last);
    else this.settleTimer = setTimeout(() => this.subscribePages(first, last), SCROLL_SETTLE_MS);
  }

  private pagesOf(first: number, last: number): [number, number] {
    return [Math.floor(Math.max(0, first) / this.pageSize), Math.floor(Math.max(0, last) / this.pageSize)];
  }

  private subscribePages(first: number, last: number): void {
    if (this.disposed) return;
    const [from, to] = this.pagesOf(first, last);
    for (const [page, subscription] of this.live) {
      if (page < from || page > to) {
        subscription.unsubscribe();
        this.live.delete(page);
      }
    }
    for (let page = from; page <= to; page++) {
      if (!this.live.has(page)) this.live.set(page, this.subscribe(page));
    }
    this.forgetDistantPages(from, to);
  }

  /** Unsubscribes from the store; the instance is not used again. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.settleTimer);
    this.countSubscription?.unsubscribe();
    for (const subscription of this.live.values()) subscription.unsubscribe();
    this.live.clear();
  }

  private subscribe(page: number): Subscription {
    return this.repository
      .find$({
        ...this.countOptions(),
        sort: this.query.sort,
        skip: page * this.pageSize,
        limit: this.pageSize,
      })
      .subscribe({
        next: (records) => {
          if (this.disposed) return;
          this.pages.set(page, records);
          this.countOnce();
          this.onChange();
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private countOnce(): void {
    this.countSubscription ??= this.repository.count$(this.countOptions()).subscribe({
      next: (total) => {
        this.total = total;
        this.onChange();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private countOptions(): CountOptions {
    const { search, selector } = this.query;
    return { ...(search ? { search } : {}), ...(selector && Object.keys(selector).length ? { selector } : {}) };
  }

  private forgetDistantPages(from: number, to: number): void {
    if (this.pages.size <= KEPT_PAGES) return;
    const distance = (page: number) => (page < from ? from - page : page > to ? page - to : 0);
    const byDistance = [...this.pages.keys()].sort((a, b) => distance(b) - distance(a));
    for (const page of byDistance.slice(0, this.pages.size - KEPT_PAGES)) {
      if (!this.live.has(page)) this.pages.delete(page);
    }
  }

  private fail(error: unknown): void {
    if (this.disposed || this.error) return;
    this.error = error;
    this.onChange();
  }
}
