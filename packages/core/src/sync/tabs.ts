import type { SyncStatus } from './types.js';

/** A local change the leading tab has sent (or lost as a conflict): document key and version, `null` = any. */
export type Done = [key: string, version: string | null];

/** What tabs of one store say to each other. */
type Message = { ask: true } | { status: SyncStatus; done: Done[] };

/**
 * The status of a browser's one replication, shared with its other tabs (decision 0011, many tabs).
 * RxDB's leader election lets one tab per browser and store replicate; the others receive the
 * records through RxDB's own multi-instance events but nothing of the replication's state. The
 * leading tab publishes its status here (and which pending changes it sent, so every tab's count
 * stays right when it takes over); the others mirror it. A plain BroadcastChannel of the store's
 * name: same origin, same browser profile, same store, exactly RxDB's multi-instance scope.
 */
export class TabChannel {
  private channel?: BroadcastChannel;
  private done: Done[] = [];
  private queued = false;
  private latest?: SyncStatus;

  constructor(
    name: string,
    /** A status from the leading tab, with the changes it sent since its last one. */
    private onStatus: (status: SyncStatus, done: Done[]) => void,
    /** The status to answer with when another tab asks (`undefined`: this tab does not lead). */
    private current: () => SyncStatus | undefined,
  ) {
    if (typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(`kehu-sync|${name}`);
    this.channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if ('ask' in message) {
        const status = this.current();
        if (status) this.channel?.postMessage({ status, done: [] } satisfies Message);
      } else this.onStatus(message.status, message.done);
    };
  }

  /** Asks the leading tab, if any, for its status. */
  ask(): void {
    this.channel?.postMessage({ ask: true } satisfies Message);
  }

  /**
   * Publishes the leading tab's status. Coalesced to one message per task: replicating 10,000
   * records changes the status 10,000 times.
   */
  publish(status: SyncStatus, done: Done[] = []): void {
    if (!this.channel) return;
    this.latest = status;
    this.done.push(...done);
    if (this.queued) return;
    this.queued = true;
    setTimeout(() => {
      this.queued = false;
      const message: Message = { status: this.latest!, done: this.done };
      this.done = [];
      this.channel?.postMessage(message);
    }, 0);
  }

  close(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
