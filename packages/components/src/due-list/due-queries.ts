import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { Entity, KehuRecord, Selector, Store } from '@kehu/core';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import { endOfWeek, isoDate, monthGrid } from './due-dates.js';

/** The agenda's groups, in the order they are shown. */
export const AGENDA_GROUPS = ['overdue', 'today', 'week', 'later'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

/** One agenda group: its first `limit` records by date and its live count. */
export interface GroupResult {
  group: AgendaGroup;
  records: KehuRecord[] | undefined;
  count: number | undefined;
  limit: number;
}

/** Everything that decides the queries; a change to any of it restarts them. */
export interface DueQuery {
  store: Store;
  entity: Entity;
  view: 'agenda' | 'month';
  dateField: string;
  doneField?: string;
  hideDone: boolean;
  today: string;
  month: string;
  selector?: Selector;
  pageSize: number;
}

/** The date condition of each agenda group, relative to `today`; weeks end on Sunday. */
function groupRange(group: AgendaGroup, today: string): Record<string, string> | string {
  const day = Number(Date.parse(`${today}T00:00:00Z`) / 86_400_000);
  const weekEnd = isoDate(endOfWeek(day));
  switch (group) {
    case 'overdue':
      return { $lt: today };
    case 'today':
      return today;
    case 'week':
      return { $gt: today, $lte: weekEnd };
    case 'later':
      return { $gt: weekEnd };
  }
}

/** The host's selector, the date condition and the done condition, merged without losing any of them. */
function combine(selector: Selector | undefined, conditions: Selector): Selector {
  const base = selector ?? {};
  const clash = Object.keys(conditions).some((key) => key in base);
  return clash ? { $and: [base, conditions] } : { ...base, ...conditions };
}

/**
 * The store side of a due list. The agenda runs, per group, a live query of the first records by
 * date and a live count; the month view one live query over the 42 days on screen. Every query
 * bounds the (indexed) date field with `$lt/$gt/$lte`, so only what is shown is read.
 */
export class DueQueries implements ReactiveController {
  groups: GroupResult[] = [];
  /** Records of the visible month grid by date, once loaded. */
  days: Map<string, KehuRecord[]> | undefined;
  error: unknown;
  titles: ReferenceTitles | undefined;

  private query: DueQuery | undefined;
  private key = '';
  private subscriptions: Subscription[] = [];
  private groupCards = new Map<AgendaGroup, Subscription>();

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  update(query: DueQuery | undefined): void {
    if (!query) return this.stop();
    const { store, entity, ...rest } = query;
    const key = JSON.stringify({ entity: entity.name, ...rest, month: query.view === 'month' ? query.month : '' });
    if (key === this.key && this.query?.store === store && this.query.entity === entity) return;
    this.stop();
    this.query = query;
    this.key = key;
    this.titles = new ReferenceTitles(store, () => this.host.requestUpdate());
    if (query.view === 'month') this.watchMonth(query);
    else {
      this.groups = AGENDA_GROUPS.map((group) => ({
        group,
        records: undefined,
        count: undefined,
        limit: query.pageSize,
      }));
      for (const group of this.groups) this.watchGroup(group, true);
    }
  }

  /** Shows `pageSize` more records of one agenda group. */
  showMore(group: AgendaGroup): void {
    const result = this.groups.find((g) => g.group === group);
    if (!result || !this.query) return;
    result.limit += this.query.pageSize;
    this.watchGroup(result, false);
  }

  private conditions(q: DueQuery, date: unknown, group?: AgendaGroup): Selector {
    const conditions: Selector = { [q.dateField]: date };
    // Overdue means still open: a done item is never overdue.
    if (q.doneField && (q.hideDone || group === 'overdue')) conditions[q.doneField] = { $ne: true };
    return combine(q.selector, conditions);
  }

  private fail = (error: unknown): void => {
    this.error = error;
    this.host.requestUpdate();
  };

  private watchGroup(result: GroupResult, withCount: boolean): void {
    const q = this.query!;
    const repository = q.store.entity(q.entity.name);
    const selector = this.conditions(q, groupRange(result.group, q.today), result.group);
    const sort = { field: q.dateField, direction: 'asc' as const };
    this.groupCards.get(result.group)?.unsubscribe();
    this.groupCards.set(
      result.group,
      repository.find$({ selector, sort, limit: result.limit }).subscribe({
        next: (records) => {
          result.records = records;
          this.host.requestUpdate();
        },
        error: this.fail,
      }),
    );
    if (withCount) {
      this.subscriptions.push(
        repository.count$({ selector }).subscribe({
          next: (count) => {
            result.count = count;
            this.host.requestUpdate();
          },
          error: this.fail,
        }),
      );
    }
  }

  private watchMonth(q: DueQuery): void {
    const weeks = monthGrid(q.month);
    const from = isoDate(weeks[0][0]);
    const to = isoDate(weeks[5][6]);
    const selector = this.conditions(q, { $gte: from, $lte: to });
    const sort = { field: q.dateField, direction: 'asc' as const };
    this.subscriptions.push(
      q.store
        .entity(q.entity.name)
        .find$({ selector, sort })
        .subscribe({
          next: (records) => {
            const days = new Map<string, KehuRecord[]>();
            for (const record of records) {
              const date = String(record[q.dateField]);
              days.set(date, [...(days.get(date) ?? []), record]);
            }
            this.days = days;
            this.host.requestUpdate();
          },
          error: this.fail,
        }),
    );
  }

  private stop(): void {
    for (const sub of [...this.subscriptions, ...this.groupCards.values()]) sub.unsubscribe();
    this.subscriptions = [];
    this.groupCards.clear();
    this.titles?.dispose();
    this.titles = undefined;
    this.query = undefined;
    this.key = '';
    this.groups = [];
    this.days = undefined;
    this.error = undefined;
  }
}
