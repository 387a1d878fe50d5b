import type { Observable } from 'rxjs';
import type { LocalizedText } from '../i18n/locale.js';
import type { KehuRecord } from '../store/types.js';
import type { ConflictRecord } from './conflict-entity.js';

/**
 * Where and as whom a store replicates (CouchDB replication protocol: Apache CouchDB, or
 * `scripts/sync-server.mjs` in development). Three databases: records at `url`, the audit log at
 * `<url>-changes`, attachments at `<url>-files` (see `syncUrls`).
 */
export interface ReplicationOptions {
  /** The records database, e.g. `https://couch.example.com/kehu` (trailing slash optional). */
  url: string;
  /** CouchDB user name: the Kehu user id that owner fields hold (decision 0007). */
  username: string;
  password: string;
  /**
   * Which records database to sync with (decision 0007): `user` (default) — the user's own database
   * next to `url`, which the server fills with exactly the records the user may read; `shared` — the
   * database at `url` itself, for CouchDB server admins or a server without read scope.
   */
  database?: 'user' | 'shared';
  /** Keep replicating as changes happen (default true); false replicates once on `start`. */
  live?: boolean;
  /** Start when the store opens (default true); otherwise call `store.sync.start()`. */
  autoStart?: boolean;
  /** Milliseconds between retries after an error (default 5000). */
  retryTime?: number;
  /** Documents per request (default 200). */
  batchSize?: number;
  /**
   * Naming-series codes reserved from the server per block (default 50): a client holds up to one
   * and a half blocks, so it can number that many new records offline (decision 0012).
   */
  codeBlock?: number;
  /** The fetch to use (default the global one); credentials are added to it. */
  fetch?: typeof fetch;
}

/** The state of a store's replication, as a sync status element shows it. */
export interface SyncStatus {
  /** `offline`: stopped or the server cannot be reached; `error`: the server answers with errors. */
  state: 'offline' | 'syncing' | 'idle' | 'error';
  /** Local record and file changes not yet sent to the server. */
  pending: number;
  /** The latest error or refusal (kept after recovery, so a refused write is not missed). */
  lastError?: LocalizedText;
  /** When the last exchange with the server succeeded (ISO time). */
  lastSyncedAt?: string;
  /**
   * True when another tab of this browser replicates for this one (one replication per browser and
   * store, decision 0011): the rest of the status is that tab's.
   */
  otherTab?: boolean;
}

/** A store's replication: status, going offline and back online. */
export interface StoreSync {
  readonly status: SyncStatus;
  /** Emits the status now and on every change. */
  readonly status$: Observable<SyncStatus>;
  /** Starts (or restarts after `stop`) replicating; edits made meanwhile are sent. */
  start(): Promise<void>;
  /** Stops replicating (offline); edits keep being saved locally and are counted as pending. */
  stop(): Promise<void>;
  /** Resolves when everything written locally has been sent and the server's changes received. */
  awaitInSync(): Promise<void>;
}

/** Per field: keep this client's value (`local`) or the one the record holds (`server`, the default). */
export type ConflictChoices = Record<string, 'local' | 'server'>;

/** Edits a sync could not apply, kept until the user picks (see `ConflictRecord`). */
export interface StoreConflicts {
  /** Open conflicts, newest first; all of them with `{ all: true }`. */
  list(options?: { all?: boolean }): Promise<KehuRecord<ConflictRecord>[]>;
  /** Live `list`. */
  list$(options?: { all?: boolean }): Observable<KehuRecord<ConflictRecord>[]>;
  /**
   * Resolves a conflict: writes the chosen local values to the record through its repository (so
   * the audit log records them and permissions apply) and marks the conflict resolved.
   * Returns the record as saved.
   */
  resolve(id: string, choices: ConflictChoices): Promise<KehuRecord>;
}
