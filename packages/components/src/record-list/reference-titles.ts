import { localize, type Locale, type Store } from '@kehu/core';

const LOADING = Symbol('loading');

/**
 * Titles of referenced records (a customer's sales rep, a vehicle's owner) for list cells. Lookups
 * asked for while a page renders are gathered and fetched in one `find({ id: { $in } })` per entity,
 * then cached, so a page of 100 rows pointing at 30 owners costs one query, not 100.
 */
export class ReferenceTitles {
  /** `entity` → id → title; null when the record does not exist (deleted or never there). */
  private cache = new Map<string, Map<string, string | null | typeof LOADING>>();
  private pending = new Map<string, Set<string>>();
  private scheduled = false;
  /** Batches queued or being fetched, so a caller can wait for every title asked for so far. */
  private batches = new Set<Promise<void>>();
  private disposed = false;

  constructor(
    private store: Store,
    /** Called after a batch resolves, so the caller re-renders the cells that showed `…`. */
    private onResolved: () => void,
  ) {}

  /** The referenced record's title, the id itself when it is gone, or undefined while being fetched. */
  title(entity: string, id: string): string | undefined {
    if (!this.store.has(entity)) return id;
    const known = this.cache.get(entity)?.get(id);
    if (known === LOADING) return undefined;
    if (known !== undefined) return known ?? id;
    let ids = this.pending.get(entity);
    if (!ids) this.pending.set(entity, (ids = new Set()));
    ids.add(id);
    if (!this.scheduled) {
      this.scheduled = true;
      const batch = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => this.flush());
      this.batches.add(batch);
      void batch.finally(() => this.batches.delete(batch));
    }
    return undefined;
  }

  /** Resolves once every title asked for so far is fetched (at once when none is pending). */
  async settled(): Promise<void> {
    while (this.batches.size) await Promise.all(this.batches);
  }

  /** An entity's label in `locale`, for polymorphic values; undefined for an unknown entity. */
  entityLabel(entity: string, locale: Locale): string | undefined {
    const label = this.store.entities.get(entity)?.label;
    return label ? localize(label, locale) : undefined;
  }

  /** Stops calling back; late answers are dropped. */
  dispose(): void {
    this.disposed = true;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batches = [...this.pending];
    this.pending.clear();
    await Promise.all(batches.map(([entity, ids]) => this.fetch(entity, [...ids])));
    if (!this.disposed) this.onResolved();
  }

  private async fetch(entityName: string, ids: string[]): Promise<void> {
    let titles = this.cache.get(entityName);
    if (!titles) this.cache.set(entityName, (titles = new Map()));
    // Mark as in flight first so rows rendered meanwhile do not queue the same ids again.
    for (const id of ids) titles.set(id, LOADING);
    try {
      const repository = this.store.entity(entityName);
      const titleField = repository.entity.titleField;
      const records = await repository.find({ selector: { id: { $in: ids } }, limit: ids.length });
      for (const id of ids) titles.set(id, null);
      for (const record of records) {
        const title = record[titleField];
        titles.set(record.id, title === undefined || title === null || title === '' ? null : String(title));
      }
    } catch (error) {
      for (const id of ids) titles.set(id, null);
      // A failed lookup leaves the ids showing; the list itself must keep working.
      console.warn(`<kehu-record-list> could not resolve ${entityName} titles`, error);
    }
  }
}
