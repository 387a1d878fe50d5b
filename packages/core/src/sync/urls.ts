/**
 * The databases a store syncs with, from the records database URL. Its own module so that the
 * public API can name it without pulling the replication (and RxDB's CouchDB plugins) into every
 * host's bundle: the store loads `replication.ts` only when it syncs.
 */

/**
 * The records database of one user in a server with read scope (decision 0007): `<master>-u-` +
 * the hex of the UTF-8 user name: reversible, lowercase, and safe for any user name (Chinese,
 * `@`, capitals), as CouchDB names allow only `[a-z0-9_$()+/-]`.
 */
export function userDatabaseName(user: string, master = 'kehu'): string {
  const hex = [...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${master}-u-${hex}`;
}

/**
 * `url` is the master records database (`https://couch.example.com/kehu`). With `user`, records
 * come from that user's own database next to it (`kehu-u-…`, holding only what the user may read);
 * without, from the master itself (server admins, or a server without read scope). The audit log,
 * attachments and naming-series counters are shared databases next to the master.
 */
export function syncUrls(
  url: string,
  user?: string,
): { records: string; changes: string; files: string; series: string } {
  const root = url.replace(/\/+$/, '');
  const cut = root.lastIndexOf('/');
  const records = user === undefined ? root : `${root.slice(0, cut + 1)}${userDatabaseName(user, root.slice(cut + 1))}`;
  return { records: `${records}/`, changes: `${root}-changes/`, files: `${root}-files/`, series: `${root}-series/` };
}
