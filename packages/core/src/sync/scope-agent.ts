import type { Entity } from '../entity/types.js';
import { matchesSelector, scopeDatabases, type CouchUser, type ScopeDatabase } from '../permissions/couchdb-scope.js';
import type { PermissionConfig } from '../permissions/types.js';
import { toPhysical } from '../store/physical.js';
import { conflictEntity, type ConflictRecord } from './conflict-entity.js';
import { toFields } from './conflict-handler.js';
import { mergeEdits, sameValue, type FieldConflict, type MergeSide } from './merge.js';
import { evictOutOfScope } from './scope-eviction.js';
import { serverDatabases, syncedEntities } from './server-documents.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CouchDB's JSON answers vary per endpoint */

/** How the agent reaches the server: its root URL and a CouchDB server admin. */
export interface ScopeAgentOptions {
  /** Server root, e.g. `https://couch.example.com/`. */
  url: string;
  admin: { name: string; password: string };
  /** The store's entities (the built-ins are added, as `serverDatabases` does). */
  entities: Entity[];
  roles: PermissionConfig;
  /** The master records database (default `kehu`). */
  master?: string;
  /**
   * Write each user's two replications as `_replicator` documents, so the server runs them (Apache
   * CouchDB; default true). False: the caller runs them (the development server does, in process).
   */
  replicator?: boolean;
  fetch?: typeof fetch;
}

/** A conflict the agent could not merge: fields both sides changed differently (see `mergeEdits`). */
export interface ServerConflict {
  /** `entity|id`. */
  id: string;
  /** The revision the merged document was written as. */
  rev: string;
  fields: FieldConflict[];
}

type Doc = Record<string, any> & { _id: string; _rev: string };

const sideOf = (doc: Doc | undefined): MergeSide | undefined =>
  doc && !doc._deleted && doc.d ? { record: doc.d, removed: doc.t === 1 } : undefined;

/** `n-hash` revisions of a document's history, newest first (`?revs=true`). */
function history(doc: Doc): string[] {
  const revisions = doc._revisions as { start: number; ids: string[] } | undefined;
  if (!revisions) return [doc._rev];
  return revisions.ids.map((id, i) => `${revisions.start - i}-${id}`);
}

/**
 * Read scope on a CouchDB server (decision 0007), kept by a server admin: each user's own records
 * database (filled from the master with exactly what the user may read, written back to it after
 * `validate_doc_update`), and the conflicts that two users' databases can bring together in the
 * master. Two users editing one record offline each write to their own database without a
 * conflict there; the master then holds both revisions and CouchDB shows only one, so the agent
 * merges them field by field as a client would (`mergeEdits`): edits of different fields are
 * merged, and where both changed the same field the winning revision's value stays and the other
 * is reported to `onConflict` — nothing is dropped without a trace. Runs anywhere with `fetch`
 * (a Node process next to the server; `scripts/sync-server.mjs` runs one).
 */
export class ScopeAgent {
  private readonly master: string;
  private readonly entities: Map<string, Entity>;
  private readonly auth: string;
  private since = '0';
  private stopped = false;
  private controller?: AbortController;
  /** The users' databases from `prepare`: who reads what. */
  private scopes: ScopeDatabase[] = [];
  /** Called when a record was taken out of users' databases (it left their rows). */
  onEvicted: (id: string, users: string[]) => void = () => {};
  /** Called for every pair of values the agent could not merge. */
  onConflict: (conflict: ServerConflict) => void = () => {};
  /** Called after the agent merged a document's conflicting revisions into one. */
  onResolved: (id: string) => void = () => {};

  constructor(private options: ScopeAgentOptions) {
    this.master = options.master ?? 'kehu';
    this.entities = new Map(syncedEntities(options.entities).map((e) => [e.name, e]));
    this.auth = `Basic ${btoa(unescape(encodeURIComponent(`${options.admin.name}:${options.admin.password}`)))}`;
  }

  private async call(method: string, path: string, body?: unknown, ok: number[] = []): Promise<any> {
    const response = await (this.options.fetch ?? fetch)(this.options.url.replace(/\/*$/, '/') + path, {
      method,
      headers: { authorization: this.auth, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: this.controller?.signal,
    });
    const json = await response.json();
    if (!response.ok && !ok.includes(response.status))
      throw new Error(`${method} /${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  private async put(path: string, doc: Record<string, unknown>): Promise<void> {
    const current = await this.call('GET', path, undefined, [404]);
    const next = current._rev ? { ...doc, _rev: current._rev } : doc;
    // Unchanged (in any key order): no new revision to replicate to every user's database.
    if (current._rev && sameValue({ ...current, _rev: undefined }, { ...next, _rev: undefined })) return;
    await this.call('PUT', path, next);
  }

  /** The server's users (`_users`), as the read scope sees them. */
  async users(): Promise<CouchUser[]> {
    const all = await this.call('GET', '_users/_all_docs?include_docs=true');
    return (all.rows as { doc: any }[])
      .filter((row) => row.doc?.type === 'user')
      .map((row) => ({ name: String(row.doc.name), roles: (row.doc.roles as string[]) ?? [] }));
  }

  /**
   * Creates or updates each user's database: `_security` with the user as its only member, the
   * master's design document, and (with `replicator`) the two replications. Makes the master
   * readable by server admins only. Returns the databases, for a caller that replicates itself.
   */
  async prepare(users?: CouchUser[]): Promise<ScopeDatabase[]> {
    const design = serverDatabases(this.options.entities, this.options.roles, this.master)[0].design;
    // Empty members would make a CouchDB database public: `_admin` keeps everyone else out.
    await this.call('PUT', `${this.master}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['_admin'] },
    });
    const databases = scopeDatabases(
      [...this.entities.values()],
      this.options.roles,
      users ?? (await this.users()),
      this.master,
    );
    this.scopes = databases;
    // The master's design document, copied with its revision history: the master → user replication
    // then keeps it current in every user's database (a new one installed in the master rolls out by
    // itself) without a second revision branch.
    await this.put(`${this.master}/${design._id}`, design as unknown as Record<string, unknown>);
    const current = await this.call('GET', `${this.master}/${design._id}?revs=true`);
    for (const db of databases) {
      await this.call('PUT', db.name, undefined, [412]);
      await this.call('PUT', `${db.name}/_security`, db.security);
      await this.call('POST', `${db.name}/_bulk_docs`, { docs: [current], new_edits: false });
      if (this.options.replicator === false) continue;
      await this.call('PUT', '_replicator', undefined, [412]);
      const server = new URL(this.options.url);
      const at = (name: string) => ({ url: new URL(name, server).href, headers: { authorization: this.auth } });
      for (const r of db.replications) {
        await this.put(`_replicator/${encodeURIComponent(`${r.source}-to-${r.target}`)}`, {
          source: at(r.source),
          target: at(r.target),
          continuous: true,
          ...(r.selector ? { selector: r.selector } : {}),
        });
      }
    }
    return databases;
  }

  /**
   * Follows the master's documents changed since the last call: merges conflicted ones, and takes
   * records out of the databases of users who may no longer read them (`evictOutOfScope`).
   * Returns how many conflicts it resolved.
   */
  async resolveConflicts(feed: { longpoll?: number } = {}): Promise<number> {
    const wait = feed.longpoll ? `&feed=longpoll&timeout=${feed.longpoll}` : '';
    const changes = await this.call(
      'GET',
      `${this.master}/_changes?style=all_docs&limit=500&since=${encodeURIComponent(this.since)}${wait}`,
    );
    let resolved = 0;
    for (const change of changes.results as { id: string; changes: { rev: string }[]; deleted?: boolean }[]) {
      if (change.id.startsWith('_design/') || change.deleted) continue;
      if (change.changes.length > 1 && (await this.resolve(change.id))) {
        resolved++;
        this.onResolved(change.id);
      }
      // A first revision was nobody's before; later ones may have left someone's rows.
      else if (!change.changes[0].rev.startsWith('1-')) {
        const users = await evictOutOfScope(this.call.bind(this), this.master, this.scopes, change.id);
        if (users.length) this.onEvicted(change.id, users);
      }
    }
    this.since = String(changes.last_seq);
    return resolved;
  }

  /** Resolves conflicts as they come, until `stop`. */
  async watch(): Promise<void> {
    this.stopped = false;
    this.controller = new AbortController();
    while (!this.stopped) {
      try {
        await this.resolveConflicts({ longpoll: 10000 });
      } catch {
        // Server away or restarting: try again shortly (what was missed is still in the feed).
        if (!this.stopped) await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  /** Merges every losing revision of one document into the winning one; false when there was nothing to do. */
  async resolve(id: string): Promise<boolean> {
    const path = `${this.master}/${encodeURIComponent(id)}`;
    const winner: Doc = await this.call('GET', `${path}?conflicts=true&revs=true`, undefined, [404]);
    const losers = (winner._conflicts as string[] | undefined) ?? [];
    if (!winner._rev || !losers.length) return false;
    const entity = this.entities.get(winner.e);
    let current = sideOf(winner);
    if (!entity || !current) return false;
    const fields: FieldConflict[] = [];
    const winners = new Set(history(winner));
    for (const rev of losers) {
      const loser: Doc = await this.call('GET', `${path}?rev=${rev}&revs=true`);
      // Records of different versions need the store's migrations: left for a client to merge.
      if (Number(loser.d?._v ?? 0) !== Number(winner.d?._v ?? 0)) return false;
      const ancestor = history(loser).find((r) => winners.has(r));
      const base: Doc | undefined = ancestor
        ? await this.call('GET', `${path}?rev=${ancestor}`, undefined, [404])
        : undefined;
      const side = sideOf(loser);
      if (!side) continue;
      const merged = mergeEdits(sideOf(base?._rev ? base : undefined), side, current);
      fields.push(...merged.conflicts);
      current = { record: merged.record, removed: merged.removed };
    }
    const physical: Record<string, unknown> = { ...toPhysical(entity, current.record, current.removed) };
    delete physical.pk;
    const docs = [
      { ...winner, ...physical, _id: id, _rev: winner._rev, _revisions: undefined, _conflicts: undefined },
      ...losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
    ];
    const results = (await this.call('POST', `${this.master}/_bulk_docs`, { docs })) as {
      ok?: boolean;
      rev?: string;
    }[];
    // A write in between: the feed brings the document again.
    if (!results[0]?.ok) return false;
    if (fields.length) {
      const conflict = { id, rev: results[0].rev!, fields };
      await this.keep(conflict, docs[0], entity);
      this.onConflict(conflict);
    }
    return true;
  }

  /**
   * Keeps the values that lost as a `kehu-conflict` record in the master, naming the users who can
   * read the record (`readers`): it replicates to each of them, and any of them resolves it.
   */
  private async keep(conflict: ServerConflict, doc: Record<string, unknown>, entity: Entity): Promise<void> {
    const readers = this.scopes.filter((db) => db.selector && matchesSelector(doc, db.selector)).map((db) => db.user);
    const now = new Date().toISOString();
    const id = `srv-${conflict.rev}`;
    const record: ConflictRecord & { id: string; createdAt: string; updatedAt: string } = {
      id,
      entity: entity.name,
      recordId: (doc.d as { id: string }).id,
      kind: 'edit',
      status: 'open',
      fields: toFields(conflict.fields),
      reason:
        'Two users changed these fields at the same time; the record keeps one value, the other is kept here. ' +
        '/ 两位用户同时修改了这些字段；记录保留了其中一个值，另一个值保存在这里。',
      readers,
      detectedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const { pk, ...physical } = toPhysical(conflictEntity, record);
    await this.call('PUT', `${this.master}/${encodeURIComponent(pk)}`, physical, [409]);
  }
}
