import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  detectDuplicates,
  entityCompleteness,
  matchRules,
  recordCompleteness,
  type DuplicatePair,
  type Entity,
  type EntityCompleteness,
  type KehuRecord,
  type Store,
} from '@kehu/core';

/**
 * Reads an entity's live records and finds its candidate duplicate pairs and completeness; reruns
 * when the store, entity or threshold change, or on `rescan()` after a merge.
 */
export class DuplicateScan implements ReactiveController {
  pairs: DuplicatePair[] = [];
  records = new Map<string, KehuRecord>();
  completeness?: EntityCompleteness;
  loaded = false;
  error?: unknown;
  /** The entity declares match rules. */
  hasRules = true;
  private key?: unknown[];
  private run = 0;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

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

  /** A record's completeness score, 0–1. */
  score(id: string, entity: Entity): number {
    const record = this.records.get(id);
    return record ? recordCompleteness(entity, record).score : 0;
  }

  private async scan(store: Store | undefined, entity: Entity | undefined, threshold: number): Promise<void> {
    const run = ++this.run;
    this.loaded = false;
    this.error = undefined;
    this.host.requestUpdate();
    if (!store || !entity) return;
    this.hasRules = matchRules(entity).length > 0;
    try {
      const records = await store.entity(entity.name).find({ sort: { field: 'id', direction: 'asc' } });
      if (run !== this.run) return;
      this.records = new Map(records.map((r) => [r.id, r]));
      this.pairs = this.hasRules ? detectDuplicates(entity, records, { threshold }) : [];
      this.completeness = entityCompleteness(entity, records);
    } catch (error) {
      if (run !== this.run) return;
      this.error = error;
    }
    this.loaded = true;
    this.host.requestUpdate();
  }
}
