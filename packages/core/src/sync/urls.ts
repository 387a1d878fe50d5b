/**
 * The databases a store syncs with, from the records database URL. Its own module so that the
 * public API can name it without pulling the replication (and RxDB's CouchDB plugins) into every
 * host's bundle: the store loads `replication.ts` only when it syncs.
 */
export function syncUrls(url: string): { records: string; changes: string; files: string; series: string } {
  const root = url.replace(/\/+$/, '');
  return { records: `${root}/`, changes: `${root}-changes/`, files: `${root}-files/`, series: `${root}-series/` };
}
