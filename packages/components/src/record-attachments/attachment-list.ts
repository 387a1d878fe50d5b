import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttachmentInfo, Store } from '@kehu/core';

/** Which record's files to follow; all parts must be set. */
export interface AttachmentSource {
  store?: Store;
  entity?: string;
  recordId?: string;
  field?: string;
}

/**
 * Follows a record's files live (`store.attachments.list$`), so a file attached by another element,
 * tab or sync shows up at once. Re-subscribes when the source changes; stops while disconnected.
 */
export class AttachmentList implements ReactiveController {
  /** The record's files, oldest first; undefined until the store has answered. */
  files?: AttachmentInfo[];
  /** Why the list could not be read, if it failed. */
  error?: unknown;
  private source: AttachmentSource = {};
  private stop?: () => void;
  /** Whether `subscribe` ran for the current source while connected (even if it had nothing to follow). */
  private current = false;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Call on every update with the host's current source; cheap when nothing changed. */
  follow(source: AttachmentSource): void {
    const same = (['store', 'entity', 'recordId', 'field'] as const).every((k) => source[k] === this.source[k]);
    if (same && this.current) return;
    this.source = { ...source };
    this.subscribe();
  }

  private subscribe(): void {
    this.stop?.();
    this.stop = undefined;
    this.files = undefined;
    this.error = undefined;
    this.current = true;
    const { store, entity, recordId, field } = this.source;
    if (!store || !entity || !recordId || !store.has(entity)) return;
    const subscription = store.attachments.list$(entity, recordId, field ? { field } : {}).subscribe({
      next: (files) => {
        this.files = files;
        this.host.requestUpdate();
      },
      error: (error: unknown) => {
        this.error = error;
        this.host.requestUpdate();
      },
    });
    this.stop = () => subscription.unsubscribe();
  }

  hostConnected(): void {
    if (!this.current) this.subscribe();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.current = false;
  }
}
