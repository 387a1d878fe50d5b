import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { debounceTime, merge, switchMap, type Subscription } from 'rxjs';
import { aggregateEntity, type Entity, type KehuRecord, type Selector, type SortSpec, type Store } from '@kehu/core';
import { ReferenceTitles } from '../record-list/reference-titles.js';

/** What one column shows: the first `limit` cards, the live count and (optionally) the live sum. */
export interface KanbanColumn {
  value: string | number;
  records: KehuRecord[] | undefined;
  count: number | undefined;
  sum: number | undefined;
  limit: number;
}

/** Everything that decides the queries; a change to any of it restarts them. */
export interface BoardQuery {
  store: Store;
  entity: Entity;
  groupBy: string;
  values: (string | number)[];
  sort: SortSpec;
  selector?: Selector;
  sumField?: string;
  pageSize: number;
}

/**
 * The conditions of one column: the host's selector and `groupBy = value`. Merged into one object
 * when the selector does not name the group field (so the index on it is used), else `$and`-ed.
 */
export function columnSelector(selector: Selector | undefined, groupBy: string, value: string | number): Selector {
  if (!selector || Object.keys(selector).length === 0) return { [groupBy]: value };
  if (!(groupBy in selector)) return { ...selector, [groupBy]: value };
  return { $and: [selector, { [groupBy]: value }] };
}

/** How long the board's records must be still before the sums are read again. */
const SUM_DELAY_MS = 150;

const queryKey = (q: BoardQuery) =>
  JSON.stringify([q.entity.name, q.groupBy, q.values, q.sort, q.selector ?? {}, q.sumField ?? '', q.pageSize]);

/**
 * The store side of a kanban board: per column, a live query of the first cards, a live count and,
 * with a sum field, a live sum. Only `limit` cards per column are read and rendered, so a board over
 * 100k records stays responsive; "show more" raises one column's limit.
 */
export class KanbanColumns implements ReactiveController {
  columns: KanbanColumn[] = [];
  error: unknown;
  titles: ReferenceTitles | undefined;

  private query: BoardQuery | undefined;
  private key = '';
  /** Per column value: the card query, and the count and sum queries. */
  private cards = new Map<string | number, Subscription>();
  private totals: Subscription[] = [];

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Runs `query` (call before each render); restarts only when something in it changed. */
  update(query: BoardQuery | undefined): void {
    if (!query) return this.stop();
    const key = queryKey(query);
    if (key === this.key && this.query?.store === query.store && this.query.entity === query.entity) return;
    this.stop();
    this.query = query;
    this.key = key;
    this.titles = new ReferenceTitles(query.store, () => this.host.requestUpdate());
    this.columns = query.values.map((value) => ({
      value,
      records: undefined,
      count: undefined,
      sum: undefined,
      limit: query.pageSize,
    }));
    for (const column of this.columns) this.watch(column);
    this.watchSums();
  }

  /** Shows `pageSize` more cards in the column of `value`. */
  showMore(value: string | number): void {
    const column = this.columns.find((c) => c.value === value);
    if (!column || !this.query) return;
    column.limit += this.query.pageSize;
    this.watch(column, false);
  }

  private watch(column: KanbanColumn, withTotals = true): void {
    const q = this.query!;
    const repository = q.store.entity(q.entity.name);
    const selector = columnSelector(q.selector, q.groupBy, column.value);
    const fail = (error: unknown) => {
      this.error = error;
      this.host.requestUpdate();
    };
    this.cards.get(column.value)?.unsubscribe();
    this.cards.set(
      column.value,
      repository.find$({ selector, sort: q.sort, limit: column.limit }).subscribe({
        next: (records) => {
          column.records = records;
          this.host.requestUpdate();
        },
        error: fail,
      }),
    );
    if (withTotals) {
      this.totals.push(
        repository.count$({ selector }).subscribe({
          next: (count) => {
            column.count = count;
            this.host.requestUpdate();
          },
          error: fail,
        }),
      );
    }
  }

  /**
   * Every column's sum from one aggregation over the board, grouped by the column field: read in
   * pages (never all records at once), exact to the cent, and run again a moment after the board's
   * records change — a change shows as a new count or a new latest `updatedAt`.
   */
  private watchSums(): void {
    const q = this.query!;
    const sumField = q.sumField;
    if (!sumField) return;
    const repository = q.store.entity(q.entity.name);
    const selector = q.selector ?? {};
    const changes = merge(
      repository.count$({ selector }),
      repository.find$({ selector, sort: { field: 'updatedAt', direction: 'desc' }, limit: 1 }),
    );
    this.totals.push(
      changes
        .pipe(
          debounceTime(SUM_DELAY_MS),
          switchMap(() =>
            aggregateEntity(repository, { selector, groupBy: q.groupBy, measures: [{ op: 'sum', field: sumField }] }),
          ),
        )
        .subscribe({
          next: (rows) => {
            const sums = new Map(rows.map((row) => [row.key, row.values[0] ?? 0]));
            for (const column of this.columns) column.sum = sums.get(column.value) ?? 0;
            this.host.requestUpdate();
          },
          error: (error: unknown) => {
            this.error = error;
            this.host.requestUpdate();
          },
        }),
    );
  }

  private stop(): void {
    for (const sub of [...this.cards.values(), ...this.totals]) sub.unsubscribe();
    this.cards.clear();
    this.totals = [];
    this.titles?.dispose();
    this.titles = undefined;
    this.query = undefined;
    this.key = '';
    this.columns = [];
    this.error = undefined;
  }
}
