import { addRxPlugin, type RxCollection, type RxDatabase, type WithDeleted } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { LocalizedText } from '../i18n/locale.js';
import { filesSchema } from '../store/attachments-schema.js';
import type { PhysicalRecord } from '../store/physical.js';
import { CONFLICT_ENTITY } from './conflict-entity.js';
import type { ConflictKeeper } from './conflict-handler.js';
import { reasonText, SyncFetch, type Refusal } from './sync-fetch.js';
import { TabChannel, type Done } from './tabs.js';
import { syncUrls } from './urls.js';
import type { ReplicationOptions, StoreSync, SyncStatus } from './types.js';

const offlineText: LocalizedText = {
  en: 'The sync server cannot be reached; changes are kept on this device and sent when it is back.',
  'zh-CN': '无法连接同步服务器；修改已保存在本设备，恢复连接后会自动发送。',
};

/** A replication error as the user reads it: the server's answer, a sign-in problem, or no connection. */
function errorText(failure: SyncFetch['lastFailure']): { text: LocalizedText; offline: boolean } {
  // 502/504: a proxy in front of a server that is down (the demo's /couch); 503: a server starting up.
  if (!failure || [502, 503, 504].includes(failure.status)) return { text: offlineText, offline: true };
  if (failure.status === 401)
    return {
      text: {
        en: `The sync server refused the sign-in (${failure.reason}); check the user name and password.`,
        'zh-CN': `同步服务器拒绝登录（${failure.reason}）；请检查用户名和密码。`,
      },
      offline: false,
    };
  if (failure.status === 403) return { text: reasonText(failure.reason), offline: false };
  // Read scope (decision 0007): a user added after the server's agent last ran has no database yet.
  if (failure.status === 404)
    return {
      text: {
        en: `The sync server has no database for this user yet (${failure.reason}); ask the administrator to run "kehu scope". Changes are kept on this device.`,
        'zh-CN': `同步服务器上还没有该用户的数据库（${failure.reason}）；请管理员运行 "kehu scope"。修改已保存在本设备。`,
      },
      offline: false,
    };
  return {
    text: {
      en: `The sync server answered with an error: ${failure.status} ${failure.error} ${failure.reason}`,
      'zh-CN': `同步服务器返回错误：${failure.status} ${failure.error} ${failure.reason}`,
    },
    offline: false,
  };
}

type Replication = RxCouchDBReplicationState<unknown>;

// RxDB's CouchDB replication adds it too; said here because `isLeader`/`waitForLeadership` below need it.
addRxPlugin(RxDBLeaderElectionPlugin);

/**
 * Replicates `records`, `changes` (the append-only audit log; entry ids are unique, so it never
 * conflicts) and `files` (attachments are ordinary documents, see decision 0003) with three CouchDB
 * databases. `kehu-conflict` records stay on this client.
 */
export class CouchSync implements StoreSync {
  private subject = new BehaviorSubject<SyncStatus>({ state: 'offline', pending: 0 });
  readonly status$ = this.subject.asObservable();
  private states: Replication[] = [];
  private fetches: SyncFetch[] = [];
  private subscriptions: Subscription[] = [];
  private watching?: Subscription;
  /** Local changes not yet sent: document key → the version written (`updatedAt` or '' for files). */
  private pending = new Map<string, string>();
  private active = new Set<Replication>();
  private failing = new Set<Replication>();
  private stopped = true;
  /** False while another tab of this browser replicates for this one (multi-instance stores only). */
  private leading = true;
  /** The leading tab's latest status, and the channel it comes through (see tabs.ts). */
  private leader?: SyncStatus;
  private tabs?: TabChannel;
  /** Pending changes sent since the last status, for the other tabs' counts. */
  private done: Done[] = [];
  private leaderAnswered?: () => void;
  /** Work started with the replication (reserving naming-series codes), awaited by `awaitInSync`. */
  private ready: Promise<unknown> = Promise.resolve();
  /** Turns a pulled record document into the one this client stores (decision 0013). */
  recordsPull?: (doc: WithDeleted<PhysicalRecord>) => Promise<WithDeleted<PhysicalRecord>>;
  /** Called on every `start` (the store tops up its naming-series codes, decision 0012). */
  onStart?: () => Promise<void>;

  constructor(
    private database: RxDatabase,
    private options: ReplicationOptions,
    private keeper: ConflictKeeper,
    private identifier: string,
  ) {}

  /** True between `start` and `stop`. */
  get online(): boolean {
    return !this.stopped;
  }

  get status(): SyncStatus {
    return this.subject.getValue();
  }

  private update(change: Partial<SyncStatus>): void {
    let next: SyncStatus = { ...this.status, ...change, pending: this.pending.size };
    delete next.otherTab;
    if (this.stopped) next.state = 'offline';
    else if (change.state === undefined) {
      next.state = this.failing.size
        ? this.status.state === 'offline'
          ? 'offline'
          : 'error'
        : this.active.size
          ? 'syncing'
          : 'idle';
    }
    if (!this.stopped && !this.leading) {
      // Another tab replicates for this one: its status is this tab's. Until one answers (or this
      // tab is elected, usually at once), "syncing".
      next = this.leader ? { ...this.leader, otherTab: true } : { ...next, state: 'syncing' };
    }
    this.subject.next(next);
    if (this.leading) this.tabs?.publish(next, this.done.splice(0));
  }

  /** A status from the leading tab: mirror it, and drop from this tab's count what it sent. */
  private fromLeader(status: SyncStatus, done: Done[]): void {
    if (this.leading) return;
    for (const [key, version] of done) {
      const mine = this.pending.get(key);
      if (mine !== undefined && (version === null || version >= mine)) this.pending.delete(key);
    }
    this.leader = status;
    this.update({});
    this.leaderAnswered?.();
  }

  /**
   * In a tab that does not lead: resolves when this tab leads, or when the leading tab is in sync
   * and has sent every change this tab counted (RxDB's own `awaitInSync` would never resolve here).
   */
  private async leaderInSync(): Promise<void> {
    await this.database.requestIdlePromise();
    while (!this.leading && !this.stopped) {
      const answered = new Promise<void>((resolve) => {
        this.leaderAnswered = resolve;
        setTimeout(resolve, 250);
      });
      this.tabs?.ask();
      await answered;
      const leader = this.leader;
      if (!this.leading && leader?.state === 'idle' && leader.pending === 0 && this.pending.size === 0) return;
    }
  }

  /** Counts local writes (not the replication's own) of records and files as pending until sent. */
  private watchPending(): void {
    const collections = this.database.collections as Record<string, RxCollection>;
    const bulks = [collections.records, collections.files].filter(Boolean);
    this.watching?.unsubscribe();
    const subs = bulks.map((collection) =>
      collection.eventBulks$.subscribe((bulk) => {
        if (String(bulk.context).startsWith('replication-')) return;
        for (const event of bulk.events) {
          const data = event.documentData as { e?: string; d?: { updatedAt?: string } } | undefined;
          if (data?.e === CONFLICT_ENTITY) continue;
          this.pending.set(`${collection.name}:${event.documentId}`, data?.d?.updatedAt ?? '');
        }
        this.update({});
      }),
    );
    this.watching = { unsubscribe: () => subs.forEach((s) => s.unsubscribe()) } as Subscription;
  }

  private sent(collection: string, doc: { pk?: string; id?: string; d?: { updatedAt?: string } }): void {
    const key = `${collection}:${doc.pk ?? doc.id}`;
    const version = this.pending.get(key);
    if (version !== undefined && (doc.d?.updatedAt ?? '') >= version) this.pending.delete(key);
    if (this.tabs) this.done.push([key, doc.d?.updatedAt ?? '']);
  }

  private refused(refusal: Refusal): void {
    const text = reasonText(refusal.reason);
    if (refusal.exists) this.keeper.refused.set(refusal.id, refusal.reason);
    else {
      // A refused create: the record stays on this client only; keep its values as a conflict too.
      const d = (refusal.doc.d ?? {}) as Record<string, unknown>;
      const [entity] = refusal.id.split('|');
      if (typeof refusal.doc.e === 'string' && typeof d.id === 'string') {
        this.keeper.onKept({
          entity,
          recordId: d.id,
          kind: 'refused',
          reason: refusal.reason,
          key: `${refusal.id}|${String(d.updatedAt)}|refused`,
          fields: Object.entries(d)
            .filter(([k]) => !['id', 'createdAt', 'updatedAt', '_v'].includes(k))
            .map(([field, value]) => ({ field, local: JSON.stringify(value) })),
        });
      }
    }
    this.update({ lastError: text });
  }

  private async ensureFiles(): Promise<void> {
    if (this.database.collections.files) return;
    await this.database.addCollections({ files: { schema: filesSchema } });
  }

  /** Opens `files` (so other users' attachments arrive) and starts counting local changes. */
  async init(): Promise<void> {
    await this.ensureFiles();
    this.watchPending();
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.ready = this.onStart?.().catch(() => undefined) ?? Promise.resolve();
    const urls = syncUrls(this.options.url, this.options.database === 'shared' ? undefined : this.options.username);
    const collections = this.database.collections as Record<string, RxCollection>;
    const batchSize = this.options.batchSize ?? 200;
    const plan: [string, string][] = [
      ['records', urls.records],
      ['changes', urls.changes],
      ['files', urls.files],
    ];
    for (const [name, url] of plan) {
      const syncFetch = new SyncFetch(
        this.options.username,
        this.options.password,
        (r) => this.refused(r),
        this.options.fetch,
      );
      this.fetches.push(syncFetch);
      const state = replicateCouchDB({
        replicationIdentifier: `kehu-${this.identifier}-${name}-${url}`,
        collection: collections[name],
        url,
        live: this.options.live ?? true,
        retryTime: this.options.retryTime ?? 5000,
        fetch: syncFetch.fetch,
        // One replication per browser, not per tab: RxDB's leader election (multiInstance stores).
        waitForLeadership: true,
        pull: {
          batchSize,
          heartbeat: 30000,
          ...(name === 'records' && this.recordsPull ? { modifier: this.recordsPull } : {}),
        },
        push: {
          batchSize,
          // Conflicts are this client's business and never leave it, except those the server found
          // (with `readers`): their resolution goes back to everyone they name.
          modifier: (doc: { e?: string; d?: object }) =>
            doc.e === CONFLICT_ENTITY && !(doc.d && 'readers' in doc.d) ? null : doc,
        },
      }) as Replication;
      this.states.push(state);
      // A replication that failed is healthy again as soon as the server answers: one with nothing
      // to send or receive after a restart (`files`, an idle long-poll) has no sent$/received$ to say so.
      syncFetch.onAnswer = () => {
        if (this.failing.delete(state)) this.update({});
      };
      this.subscriptions.push(
        state.active$.subscribe((active) => {
          if (active) this.active.add(state);
          else this.active.delete(state);
          this.update(
            active
              ? {}
              : { lastSyncedAt: this.failing.has(state) ? this.status.lastSyncedAt : new Date().toISOString() },
          );
        }),
        state.error$.subscribe(() => {
          const { text, offline } = errorText(syncFetch.lastFailure);
          this.failing.add(state);
          this.update({ lastError: text, state: offline ? 'offline' : 'error' });
          if (!this.stopped && offline) this.subject.next({ ...this.status, state: 'offline' });
        }),
        state.sent$.subscribe((doc) => {
          this.failing.delete(state);
          this.sent(name, doc as { pk?: string; id?: string });
          this.update({});
        }),
        state.received$.subscribe(() => {
          if (this.failing.delete(state)) this.update({});
        }),
        state.conflict$.subscribe((conflict) => {
          const doc = conflict.input.newDocumentState as { pk?: string };
          this.pending.delete(`${name}:${doc.pk}`);
          if (this.tabs) this.done.push([`${name}:${doc.pk}`, null]);
          this.update({});
        }),
      );
    }
    // One replication per browser and store: RxDB starts the ones above only in the tab elected
    // leader (`waitForLeadership`); the others mirror its status and take over when it closes.
    if (this.database.multiInstance) {
      this.tabs ??= new TabChannel(
        this.identifier,
        (status, done) => this.fromLeader(status, done),
        () => (this.leading ? this.status : undefined),
      );
      this.leading = this.database.isLeader();
      if (!this.leading) {
        this.tabs.ask();
        void this.database.waitForLeadership().then(() => {
          this.leading = true;
          this.leader = undefined;
          this.update({});
        });
      }
    }
    this.update({});
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const f of this.fetches) f.abort();
    await Promise.all(this.states.map((s) => s.cancel()));
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.states = [];
    this.fetches = [];
    this.subscriptions = [];
    this.active.clear();
    this.failing.clear();
    this.update({});
  }

  async awaitInSync(): Promise<void> {
    await this.ready;
    if (!this.leading) await this.leaderInSync();
    if (this.leading) await Promise.all(this.states.map((s) => s.awaitInSync()));
  }

  /** Stops replicating and watching; the store calls it before closing. */
  async close(): Promise<void> {
    await this.stop();
    this.watching?.unsubscribe();
    this.tabs?.close();
    this.subject.complete();
  }
}
