import { matchesSelector, type ScopeDatabase } from '../permissions/couchdb-scope.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CouchDB's JSON answers vary per endpoint */

/** A request as the server admin; `ok` lists error statuses that are answers, not failures. */
export type AdminCall = (method: string, path: string, body?: unknown, ok?: number[]) => Promise<any>;

/** How many earlier revisions of a changed document are checked for who could read it before. */
const lookBack = 3;

/**
 * Takes a record out of the databases of users who could read it before its latest change and
 * cannot now (a customer handed to another adviser, moved to another organisation). The master →
 * user replication only adds what matches, so without this the old adviser would keep the record.
 * The removal is a bare tombstone in the user's database: the user → master replication carries
 * only Kehu records (`e` set), so it never deletes the record in the master, and the record
 * comes back by itself if it returns to the user's scope. Earlier readers are found from the
 * document's last few revisions (`lookBack`); returns the users it was taken from.
 */
export async function evictOutOfScope(
  call: AdminCall,
  master: string,
  scopes: ScopeDatabase[],
  id: string,
): Promise<string[]> {
  const path = `${master}/${encodeURIComponent(id)}`;
  const current = await call('GET', `${path}?revs=true`, undefined, [404]);
  if (!current._rev || current._deleted) return [];
  const readsNow = (doc: unknown) => scopes.filter((db) => db.selector && matchesSelector(doc, db.selector));
  const now = new Set(readsNow(current).map((db) => db.user));
  const { start, ids } = current._revisions as { start: number; ids: string[] };
  const before = new Set<ScopeDatabase>();
  for (let i = 1; i <= lookBack && i < ids.length; i++) {
    const earlier = await call('GET', `${path}?rev=${start - i}-${ids[i]}`, undefined, [404]);
    if (!earlier._rev) break; // compacted away
    for (const db of readsNow(earlier)) if (!now.has(db.user)) before.add(db);
  }
  const evicted: string[] = [];
  for (const db of before) {
    const held = await call('GET', `${db.name}/${encodeURIComponent(id)}`, undefined, [404]);
    if (!held._rev || held._deleted) continue;
    await call('PUT', `${db.name}/${encodeURIComponent(id)}?rev=${held._rev}`, { _deleted: true }, [409]);
    evicted.push(db.user);
  }
  return evicted;
}
