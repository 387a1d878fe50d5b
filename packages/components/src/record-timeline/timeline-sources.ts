import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEntry, Entity, FieldModel, KehuRecord, Store } from '@kehu/core';
import type { Subscription } from 'rxjs';
import { dateField, relatedReferences, relatedSelector } from '../record-detail/related-references.js';
import type { TimelineItem } from './timeline-items.js';

interface DatedSource {
  entity: Entity;
  dateField: FieldModel;
  records: KehuRecord[];
}

/**
 * Live sources of a record's timeline: its change entries, and every entity that points at it and
 * has a date field (activities, documents, …), discovered from the schemas. Related records are
 * fetched newest first, `limit` per entity, since no more than `limit` items show at once.
 */
export class TimelineSources implements ReactiveController {
  entries: ChangeEntry[] = [];
  sources: DatedSource[] = [];
  loaded = false;
  error?: unknown;
  private key?: string;
  private store?: Store;
  private subscriptions: Subscription[] = [];

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  update(store: Store | undefined, entity: Entity | undefined, id: string | undefined, limit: number): void {
    const key = store && entity && id ? JSON.stringify([entity.name, id, limit]) : undefined;
    if (key === this.key && store === this.store) return;
    this.stop();
    this.key = key;
    this.store = store;
    this.entries = [];
    this.sources = [];
    this.loaded = false;
    this.error = undefined;
    if (!store || !entity || !id) return;
    const fail = (error: unknown) => {
      this.error = error;
      this.host.requestUpdate();
    };
    this.subscriptions.push(
      store.history$(entity.name, id).subscribe({
        next: (entries) => {
          this.entries = entries;
          this.loaded = true;
          this.host.requestUpdate();
        },
        error: fail,
      }),
    );
    for (const related of relatedReferences(store.entities.values(), entity.name)) {
      const field = dateField(related.entity);
      if (!field) continue;
      const source: DatedSource = { entity: related.entity, dateField: field, records: [] };
      this.sources.push(source);
      this.subscriptions.push(
        store
          .entity(related.entity.name)
          .find$({
            selector: relatedSelector(related, entity.name, id),
            sort: { field: field.key, direction: 'desc' },
            limit: limit + 1,
          })
          .subscribe({
            next: (records) => {
              source.records = records;
              this.host.requestUpdate();
            },
            error: fail,
          }),
      );
    }
  }

  /** Everything to place on the timeline; related records without a date are left out. */
  items(): TimelineItem[] {
    const items: TimelineItem[] = this.entries.map((entry) => ({
      kind: 'change',
      key: `change:${entry.id}`,
      at: entry.at,
      entry,
    }));
    // One entity can point here through two fields (customer and a polymorphic "regarding"): once each.
    const seen = new Set<string>();
    for (const source of this.sources) {
      for (const record of source.records) {
        const at = record[source.dateField.key];
        const key = `${source.entity.name}:${record.id}`;
        if (typeof at !== 'string' || !at || seen.has(key)) continue;
        seen.add(key);
        items.push({
          kind: 'related',
          key,
          at,
          entity: source.entity,
          dateField: source.dateField,
          record,
        });
      }
    }
    return items;
  }

  private stop(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
  }

  hostConnected(): void {
    // Back in the DOM after a move: render again, which subscribes again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
    this.key = undefined;
  }
}
