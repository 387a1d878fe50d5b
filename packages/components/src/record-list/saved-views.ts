import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SAVED_VIEW_ENTITY, type KehuRecord, type SavedView, type Store } from '@kehu/core';

/**
 * The saved views of one entity, live from the store's built-in `kehu-view` records, so a view saved
 * in one tab (or synced from a colleague) shows up in every list at once.
 */
export class SavedViews implements ReactiveController {
  views: KehuRecord<SavedView>[] = [];
  private source: { store: Store; entity: string } | undefined;
  private stop: (() => void) | undefined;
  /** The query's start, when put off to a task of its own (see `update`). */
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.stop?.();
    this.stop = undefined;
    this.source = undefined;
  }

  /**
   * Follows the views of `entity` in `store` (call before each render). With `later`, the query
   * starts in a task of its own: only the toolbar's view choice needs it, and a new list's first
   * rows should not wait for a second store query (≈0.6 ms). A later call without `later` (a `view`
   * was asked for) starts it at once.
   */
  update(store: Store | undefined, entity: string | undefined, later = false): void {
    if (this.source?.store === store && this.source?.entity === entity) {
      if (!later && this.pending !== undefined) this.watch();
      return;
    }
    this.stop?.();
    this.stop = undefined;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.views = [];
    this.source = store && entity ? { store, entity } : undefined;
    if (!store || !entity || !store.has(SAVED_VIEW_ENTITY)) return;
    if (later) this.pending = setTimeout(() => this.watch());
    else this.watch();
  }

  private watch(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    const source = this.source;
    if (!source) return;
    this.stop = source.store
      .entity<SavedView>(SAVED_VIEW_ENTITY)
      .watch({ selector: { entity: source.entity }, sort: { field: 'name', direction: 'asc' } }, (views) => {
        this.views = views;
        this.host.requestUpdate();
      });
  }

  /** What a list shows under view `id`; no id (or an unknown one) gives the schema's defaults. */
  settings(id: string | undefined): Pick<SavedView, 'columns' | 'sort' | 'filter'> & {
    widths: Record<string, number>;
    search: string;
  } {
    const view = this.find(id);
    return {
      columns: view?.columns,
      widths: view?.widths ?? {},
      sort: view?.sort,
      filter: view?.filter,
      search: view?.search ?? '',
    };
  }

  find(id: string | undefined): KehuRecord<SavedView> | undefined {
    return id ? this.views.find((view) => view.id === id) : undefined;
  }

  /**
   * Saves a list's state under `view.name`: over the current view when the name is unchanged, else
   * as a new view. Empty parts (no filter, default columns) are left out, so they follow the schema.
   */
  saveAs(current: string | undefined, view: SavedView): Promise<KehuRecord<SavedView>> {
    const repository = this.source!.store.entity<SavedView>(SAVED_VIEW_ENTITY);
    const existing = this.find(current);
    const record: SavedView = {
      entity: view.entity,
      name: view.name,
      ...(view.columns ? { columns: view.columns } : {}),
      ...(view.widths && Object.keys(view.widths).length ? { widths: view.widths } : {}),
      ...(view.sort ? { sort: view.sort } : {}),
      ...(view.filter?.conditions.length ? { filter: view.filter } : {}),
      ...(view.search ? { search: view.search } : {}),
    };
    return existing && existing.name === view.name
      ? repository.upsert({ ...record, id: existing.id })
      : repository.insert(record);
  }

  remove(id: string): Promise<void> {
    return this.source!.store.entity(SAVED_VIEW_ENTITY).remove(id);
  }
}
