import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  matchRules,
  readPages,
  recordCompleteness,
  type DuplicatePair,
  type Entity,
  type EntityCompleteness,
  type KehuRecord,
  type Store,
} from '@kehu/core';
import { startScan, type ScanEngine } from './scan-engine.js';

/** Records read from the store and posted to the scan at a time. */
export const SCAN_PAGE_SIZE = 1000;

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/**
 * Reads an entity's live records a page at a time and finds its candidate duplicate pairs and
 * completeness in a Web Worker (on the page, in slices, when no worker starts or there is only
 * one page); reruns when the
 * store, entity or threshold change, or on `rescan()` after a merge. Reports how many records it
 * has scanned, and can be cancelled.
 */
export class DuplicateScan implements ReactiveController {
  pairs: DuplicatePair[] = [];
  records = new Map<string, KehuRecord>();
  completeness?: EntityCompleteness;
  loaded = false;
  error?: unknown;
  /** The last scan was cancelled by the user. */
  cancelled = false;
  /** Records scanned so far, of how many, while a scan runs. */
  progress = { scanned: 0, total: 0 };
  /** Where the last scan compared the records. */
  where?: 'worker' | 'page';
  /** The entity declares match rules. */
  hasRules = true;
  /** Compare in a Web Worker (default) or always on the page. */
  useWorker = true;
  private key?: unknown[];
  private run = 0;
  private running?: { controller: AbortController; engine?: ScanEngine };

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Taken off the page: the scan stops (its worker ends) and starts afresh when the host is back. */
  hostDisconnected(): void {
    if (!this.running) return;
    this.stop();
    this.key = undefined;
  }

  /** Starts a scan when what it depends on changed. */
  update(store: Store | undefined, entity: Entity | undefined, threshold: number): void {
    const key = [store, entity, threshold];
    if (this.key && key.every((v, i) => v === this.key![i])) return;
    this.key = key;
    void this.scan(store, entity, threshold);
  }

  rescan(): Promise<void> {
    const [store, entity, threshold] = (this.key ?? []) as [Store | undefined, Entity | undefined, number];
    return this.scan(store, entity, threshold);
  }

  /** Stops the running scan; the review then says so and offers to scan again. */
  cancel(): void {
    if (!this.running) return;
    this.stop();
    this.run++;
    this.cancelled = true;
    this.loaded = true;
    this.host.requestUpdate();
  }

  /** A record's completeness score, 0–1. */
  score(id: string, entity: Entity): number {
    const record = this.records.get(id);
    return record ? recordCompleteness(entity, record).score : 0;
  }

  private stop(): void {
    this.running?.controller.abort();
    this.running?.engine?.stop();
    this.running = undefined;
  }

  private async scan(store: Store | undefined, entity: Entity | undefined, threshold: number): Promise<void> {
    this.stop();
    const run = ++this.run;
    this.loaded = false;
    this.error = undefined;
    this.cancelled = false;
    this.progress = { scanned: 0, total: 0 };
    this.host.requestUpdate();
    if (!store || !entity) return;
    this.hasRules = matchRules(entity).length > 0;
    if (!this.hasRules) {
      this.loaded = true;
      this.host.requestUpdate();
      return;
    }
    const running: { controller: AbortController; engine?: ScanEngine } = { controller: new AbortController() };
    this.running = running;
    const progressed = (change: Partial<DuplicateScan['progress']>) => {
      if (run !== this.run) return;
      this.progress = { ...this.progress, ...change };
      this.host.requestUpdate();
    };
    try {
      const repository = store.entity(entity.name);
      // One page is compared in milliseconds, quicker than a worker loads the scanner's code: only
      // more records than that go to the worker.
      const worker = this.useWorker && (await repository.count()) > SCAN_PAGE_SIZE;
      if (run !== this.run) return;
      running.engine = await startScan(entity, threshold, (scanned) => progressed({ scanned }), worker);
      if (run !== this.run) return running.engine.stop();
      this.where = running.engine.where;
      const records = new Map<string, KehuRecord>();
      // Id order, as `findDuplicates` reads them, so the pairs come out the same.
      const pages = readPages(
        store.entity(entity.name),
        {},
        {
          pageSize: SCAN_PAGE_SIZE,
          signal: running.controller.signal,
          onProgress: ({ total }) => progressed({ total }),
        },
      );
      for await (const page of pages) {
        for (const record of page) records.set(record.id, record);
        running.engine.add(page);
      }
      const { pairs, completeness } = await running.engine.finish();
      if (run !== this.run) return;
      this.records = records;
      this.pairs = pairs;
      this.completeness = completeness;
    } catch (error) {
      if (run !== this.run) return;
      if (isAbort(error)) this.cancelled = true;
      else this.error = error;
    } finally {
      running.engine?.stop();
      if (this.running === running) this.running = undefined;
    }
    this.loaded = true;
    this.host.requestUpdate();
  }
}
