/**
 * Naming-series codes across clients (docs/decisions/0012-codes-across-clients.md): each client
 * reserves blocks of counter values from a counter document on the server, `<db>-series`, using
 * CouchDB's MVCC — the document is written back with the `_rev` it was read at, so of two clients
 * reserving at once exactly one wins and the other (409) reads again and takes the next block.
 */
import { CodesUnavailable, type CodeSource } from '../store/naming-blocks.js';

/** A counter document of `<db>-series`: the next value no client has reserved yet. */
interface CounterDoc {
  _id: string;
  _rev?: string;
  next: number;
}

/** The design document of `<db>-series`: signed-in users move counters forward, never back, never delete them. */
export function seriesDesignDocument(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return {
    _id: '_design/kehu',
    language: 'javascript',
    validate_doc_update: `function (newDoc, oldDoc, userCtx, secObj) {
  function no(en, zh) { throw { forbidden: en + ' / ' + zh }; }
  var roles = (userCtx && userCtx.roles) || [];
  for (var i = 0; i < roles.length; i++) if (roles[i] === '_admin') return;
  if (String(newDoc._id).indexOf('_design/') === 0) no('Only administrators may change design documents.', '只有管理员可以修改设计文档。');
  if (typeof userCtx.name !== 'string' || !userCtx.name) no('Sign in to sync.', '请登录后再同步。');
  if (newDoc._deleted) no('Code counters cannot be deleted.', '编号计数器不能删除。');
  if (String(newDoc._id).indexOf('series|') !== 0 || typeof newDoc.next !== 'number' || newDoc.next % 1 !== 0 || newDoc.next < 1)
    no('Document ' + newDoc._id + ' is not a code counter.', '文档 ' + newDoc._id + ' 不是编号计数器。');
  if (oldDoc && !(newDoc.next > oldDoc.next))
    no('A code counter only moves forward (' + oldDoc.next + ' → ' + newDoc.next + ').', '编号计数器只能递增（' + oldDoc.next + ' → ' + newDoc.next + '）。');
}`,
  };
}

const base64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

/** Reserves blocks from `<db>-series` over HTTP with the sync's credentials. */
export class ServerCodes implements CodeSource {
  private authorization: string;

  constructor(
    /** The series database URL with a trailing slash. */
    private url: string,
    username: string,
    password: string,
    readonly blockSize: number,
    /** False while the sync is stopped: the user chose to work offline, so the server is not asked. */
    private online: () => boolean,
    private base: typeof fetch = globalThis.fetch.bind(globalThis),
  ) {
    this.authorization = `Basic ${base64(`${username}:${password}`)}`;
  }

  private async call(method: string, id: string, body?: CounterDoc): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await this.base(this.url + encodeURIComponent(id), {
        method,
        headers: { authorization: this.authorization, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(10000),
      });
    } catch (error) {
      throw new CodesUnavailable(String(error));
    }
    return { status: response.status, json: await response.json().catch(() => ({})) };
  }

  async reserve(id: string, floor: number, count: number): Promise<{ first: number; end: number }> {
    if (!this.online()) throw new CodesUnavailable('sync stopped');
    // Each round reads the counter and writes it forward with the `_rev` it read; a 409 means
    // another client reserved in between, so read again. Backing off with jitter spreads a crowd.
    for (let attempt = 0; attempt < 50; attempt++) {
      const read = await this.call('GET', id);
      if (read.status !== 200 && read.status !== 404) throw new CodesUnavailable(JSON.stringify(read.json));
      const current = read.status === 200 ? (read.json as CounterDoc) : undefined;
      const first = Math.max(current?.next ?? 1, floor, 1);
      const doc: CounterDoc = { _id: id, next: first + count, ...(current?._rev ? { _rev: current._rev } : {}) };
      const write = await this.call('PUT', id, doc);
      if (write.status === 201 || write.status === 200) return { first, end: first + count };
      // PouchDB-based servers run the design document against the current counter before the
      // revision check, so a lost race can come back as 403 "only moves forward" instead of 409.
      // This client never asks for less than the counter it read: either way, someone else won.
      const lostRace =
        write.status === 409 ||
        (write.status === 403 && /only moves forward/.test(String((write.json as { reason?: string }).reason)));
      if (!lostRace) throw new CodesUnavailable(JSON.stringify(write.json));
      await new Promise((r) => setTimeout(r, Math.random() * 20 * Math.min(attempt + 1, 10)));
    }
    throw new CodesUnavailable('too many clients reserving at once');
  }
}
