import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KehuRecord, Store } from '@kehu/core';
import type { Subscription } from 'rxjs';

/** Where a watched record stands. */
export type RecordState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; record: KehuRecord }
  | { status: 'deleted' }
  | { status: 'missing' }
  | { status: 'error'; error: unknown };

/**
 * Follows one record live: found, soft-deleted (its newest history entry is a removal) or missing.
 * `update` is cheap to call on every render; it re-subscribes only when store, entity or id change.
 */
export class RecordWatch implements ReactiveController {
  state: RecordState = { status: 'idle' };
  private store?: Store;
  private key?: string;
  private subscription?: Subscription;
  private gone?: Subscription;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  update(store: Store | undefined, entity: string | undefined, id: string | undefined): void {
    const key = store && entity && id ? `${entity}|${id}` : undefined;
    if (key === this.key && store === this.store) return;
    this.stop();
    this.store = store;
    this.key = key;
    if (!store || !entity || !id || !key) {
      this.state = { status: 'idle' };
      return;
    }
    this.state = { status: 'loading' };
    this.subscription = store
      .entity(entity)
      .find$({ selector: { id }, limit: 1 })
      .subscribe({
        next: (records) => {
          if (this.key !== key) return;
          this.gone?.unsubscribe();
          this.gone = undefined;
          if (records[0]) return this.set({ status: 'found', record: records[0] });
          // Gone from live records: soft-deleted if its history ends with a removal, else never there.
          // Live, since the removal's entry is written just after the record.
          this.gone = store.history$(entity, id).subscribe({
            next: (entries) => this.set({ status: entries[0]?.action === 'remove' ? 'deleted' : 'missing' }),
            error: () => this.set({ status: 'missing' }),
          });
        },
        error: (error: unknown) => this.set({ status: 'error', error }),
      });
  }

  private set(state: RecordState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.gone?.unsubscribe();
    this.subscription = this.gone = undefined;
  }

  hostConnected(): void {
    // Back in the DOM after a move: render again, which subscribes again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
    // Forget the key so reconnecting subscribes again.
    this.key = undefined;
  }
}
