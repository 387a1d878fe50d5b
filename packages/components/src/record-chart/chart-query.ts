import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { aggregateEntity, type AggregateRow, type Repository, type Selector, type Store } from '@kehu/core';
import type { ChartSpec } from './chart-spec.js';

/** How long record changes must pause before the chart is aggregated again. */
export const REFRESH_DELAY_MS = 250;

/** What the element asks for: one spec over one entity, optionally filtered. */
export interface ChartRequest {
  spec: ChartSpec;
  selector?: Selector;
  /** Groups kept before the rest are merged into "Other". */
  top: number;
}

type Unsubscribe = { unsubscribe(): void };

/**
 * The store side of a chart: aggregates the entity in core (page by page), looks up the titles of
 * referenced groups, and aggregates again — debounced — whenever the matching records change. A
 * newer request aborts the one still reading.
 */
export class ChartQuery implements ReactiveController {
  /** The latest rows; undefined until the first aggregation finishes. */
  rows: AggregateRow[] | undefined;
  /** Titles of referenced group keys. */
  titles = new Map<string, string>();
  /** Why the latest aggregation failed. */
  error: unknown;

  private key: string | undefined;
  private source: { store: Store; repository: Repository } | undefined;
  private request: ChartRequest | undefined;
  private running: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private subscriptions: Unsubscribe[] = [];

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the DOM after a move: render (and start again) from scratch.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Whether an aggregation is under way. */
  get loading(): boolean {
    return this.running !== undefined;
  }

  /** Runs `request` over `repository` (call before each render); without both, stops. */
  update(store: Store | undefined, repository: Repository | undefined, request: ChartRequest | undefined): void {
    if (!store || !repository || !request) {
      this.stop();
      return;
    }
    const { spec } = request;
    const key = JSON.stringify([spec.groupBy?.path, spec.period, spec.measure, request.selector ?? {}, request.top]);
    if (this.source?.repository === repository && this.key === key) return;
    this.stop();
    this.source = { store, repository };
    this.request = request;
    this.key = key;
    try {
      this.watch(repository, request.selector);
    } catch (error) {
      // A closed store throws on subscribe; show it like any store error rather than break the render.
      this.error = error;
      return;
    }
    void this.run();
  }

  /** Follows changes: the count catches inserts and removals, the latest update catches edits. */
  private watch(repository: Repository, selector: Selector | undefined): void {
    let first = 2; // both observables emit once on subscribe; that is the state already being read
    const changed = () => {
      if (first > 0) first--;
      else this.schedule();
    };
    const onError = (error: unknown) => {
      this.error = error;
      this.host.requestUpdate();
    };
    this.subscriptions = [
      repository.count$({ selector }).subscribe({ next: changed, error: onError }),
      repository
        .find$({ selector, sort: { field: 'updatedAt', direction: 'desc' }, limit: 1 })
        .subscribe({ next: changed, error: onError }),
    ];
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), REFRESH_DELAY_MS);
  }

  private async run(): Promise<void> {
    const source = this.source;
    const request = this.request;
    if (!source || !request) return;
    this.running?.abort();
    const running = new AbortController();
    this.running = running;
    this.host.requestUpdate();
    const { spec, selector, top } = request;
    try {
      const rows = await aggregateEntity(source.repository, {
        groupBy: spec.groupBy?.path,
        period: spec.period && { field: spec.period.path, unit: spec.period.unit },
        measures: [spec.measure],
        selector,
        top,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        signal: running.signal,
      });
      const titles = await this.referenceTitles(source.store, spec, rows);
      if (running.signal.aborted) return;
      this.rows = rows;
      this.titles = titles;
      this.error = undefined;
    } catch (error) {
      if (running.signal.aborted) return;
      this.error = error;
    }
    this.running = undefined;
    this.host.requestUpdate();
  }

  /** One `find({ id: { $in } })` for the referenced records the groups point at. */
  private async referenceTitles(store: Store, spec: ChartSpec, rows: AggregateRow[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    const target = spec.groupBy?.field?.ref;
    if (!target || !store.has(target)) return titles;
    const ids = [...new Set(rows.map((r) => r.key).filter((k): k is string => typeof k === 'string'))];
    if (!ids.length) return titles;
    const repository = store.entity(target);
    const titleField = repository.entity.titleField;
    try {
      for (const record of await repository.find({ selector: { id: { $in: ids } }, limit: ids.length })) {
        const title = record[titleField];
        if (title !== undefined && title !== null && title !== '') titles.set(record.id, String(title));
      }
    } catch (error) {
      // Groups then show their ids; the chart itself must keep working.
      console.warn(`<kehu-record-chart> could not resolve ${target} titles`, error);
    }
    return titles;
  }

  private stop(): void {
    this.running?.abort();
    this.running = undefined;
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.subscriptions = [];
    this.source = undefined;
    this.request = undefined;
    this.key = undefined;
    this.rows = undefined;
    this.error = undefined;
  }
}
