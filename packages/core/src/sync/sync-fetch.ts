import type { LocalizedText } from '../i18n/locale.js';

/** A write the server refused (`validate_doc_update` threw `{ forbidden }`, or 401). */
export interface Refusal {
  /** The document `_id` (`entity|id` for records). */
  id: string;
  reason: string;
  /** The document as it was sent. */
  doc: Record<string, unknown>;
  /** True when the server has a version of the document (an update), false for a refused create. */
  exists: boolean;
}

/** `English / 中文` (how Kehu's design documents word refusals) as localised text. */
export function reasonText(reason: string): LocalizedText {
  const at = reason.lastIndexOf(' / ');
  return at < 0 ? { en: reason, 'zh-CN': reason } : { en: reason.slice(0, at), 'zh-CN': reason.slice(at + 3) };
}

const base64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

/** An empty `_changes` answer that keeps the long-poll's position. */
function nothingNew(url: string): Response {
  const since = decodeURIComponent(/[?&]since=([^&]*)/.exec(url)?.[1] ?? '0');
  const seq = /^\d+$/.test(since) ? Number(since) : since;
  return new Response(JSON.stringify({ results: [], last_seq: seq }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * The fetch RxDB's CouchDB replication uses: adds basic authentication, aborts what is in flight
 * when the sync stops (a long-poll would otherwise hold the process for a minute), and turns
 * refused rows of `_bulk_docs` into something the replication can finish with. RxDB throws on any
 * row that is neither ok nor a conflict and retries the batch until it goes through; here a refused update is
 * reported as a conflict (the conflict handler then keeps the server's document and the refused
 * values, see `ConflictKeeper`) and a refused create as written (the record stays local and its
 * values are kept). Every refusal goes to `onRefused`.
 */
export class SyncFetch {
  private controllers = new Set<AbortController>();
  /** Ids the last `_all_docs` look-up found on the server. */
  private existing = new Set<string>();
  private authorization: string;
  /** Resolves with the `last_seq` of the first pull that reached the end of the changes feed. */
  private caughtUp: Promise<string>;
  private markCaughtUp!: (seq: string) => void;
  private cancelWait!: (error: Error) => void;
  /** The last error the server answered with, cleared by the next success; `undefined` after a network failure. */
  lastFailure?: { status: number; error: string; reason: string };
  /** Called whenever the server answers without an error (the sync status leaves offline/error on it). */
  onAnswer?: () => void;

  constructor(
    username: string,
    password: string,
    private onRefused: (refusal: Refusal) => void,
    private base: typeof fetch = globalThis.fetch.bind(globalThis),
    private longPollMs = 5000,
  ) {
    this.authorization = `Basic ${base64(`${username}:${password}`)}`;
    this.caughtUp = new Promise((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.cancelWait = reject;
    });
    this.caughtUp.catch(() => {}); // only awaited by long-polls
  }

  /** Aborts every request in flight. */
  abort(): void {
    this.cancelWait(new Error('sync stopped'));
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const controller = new AbortController();
    this.controllers.add(controller);
    const headers = new Headers(init.headers);
    headers.set('authorization', this.authorization);
    let url = String(input instanceof Request ? input.url : input);
    // RxDB long-polls `since=now` while its first pull runs: a change written between that pull's
    // read and the long-poll's start would never arrive. Long-poll from where the pull ended instead.
    if (url.includes('feed=longpoll') && url.includes('since=now')) {
      url = url.replace('since=now', `since=${encodeURIComponent(await this.caughtUp)}`);
      input = url;
    }
    // RxDB takes a batch shorter than it asked for as the end of the feed. The design documents
    // filtered out of `_changes` would shorten a full batch: ask for one more document.
    if (url.includes('feed=normal') && url.includes('/_changes?')) {
      url = url.replace(/([?&]limit=)(\d+)/, (_m, key: string, n: string) => `${key}${Number(n) + 1}`);
      input = url;
    }
    // A long-poll that has waited `longPollMs` is answered here with "nothing new": PouchDB-based
    // servers can miss the change that arrives while a long-poll starts, and would then hold it
    // until the next change; asking again costs one request.
    let timedOut = false;
    const timer = url.includes('feed=longpoll')
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, this.longPollMs)
      : undefined;
    try {
      let response: Response;
      try {
        response = await this.base(input, { ...init, headers, signal: controller.signal });
      } catch (error) {
        if (timedOut) return nothingNew(url);
        this.lastFailure = undefined;
        throw error;
      }
      if (!response.ok) {
        // RxDB reads answers without checking the status (a 401 on `_changes` would crash its
        // long-poll loop): an error answer becomes a thrown error, which RxDB retries and reports.
        const body = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
        this.lastFailure = {
          status: response.status,
          error: body.error ?? '',
          reason: body.reason ?? response.statusText,
        };
        throw new Error(`${response.status} ${body.error ?? ''}: ${body.reason ?? ''}`);
      }
      this.lastFailure = undefined;
      this.onAnswer?.();
      if (url.includes('/_changes?')) {
        try {
          return await this.withoutDesignDocuments(response, url);
        } catch (error) {
          if (timedOut) return nothingNew(url);
          throw error;
        }
      }
      if (init.method !== 'POST') return response;
      if (url.includes('/_all_docs')) {
        const body = (await response.clone().json()) as { rows?: { id?: string; key: string; doc?: unknown }[] };
        for (const row of body.rows ?? []) if (row.doc) this.existing.add(row.key);
        return response;
      }
      if (url.includes('/_bulk_docs')) return this.bulkDocs(response, init.body);
      return response;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  };

  /** Design documents (the server's write checks) are not data: they never reach a collection. */
  private async withoutDesignDocuments(response: Response, url: string): Promise<Response> {
    const body = (await response.json()) as { results?: { id: string }[]; last_seq?: unknown };
    const limit = Number(/[?&]limit=(\d+)/.exec(url)?.[1] ?? Infinity);
    if (url.includes('feed=normal') && body.results && body.results.length < limit && body.last_seq !== undefined)
      this.markCaughtUp(String(body.last_seq));
    if (body.results) body.results = body.results.filter((row) => !row.id.startsWith('_design/'));
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  }

  private async bulkDocs(response: Response, sent: BodyInit | null | undefined): Promise<Response> {
    const rows = (await response.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[];
    const docs =
      typeof sent === 'string' ? ((JSON.parse(sent) as { docs?: Record<string, unknown>[] }).docs ?? []) : [];
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const answer = rows.map((row) => {
      if (row.ok || row.error === 'conflict' || !row.error) return row;
      // Only the server's write checks refuse (`validate_doc_update` throws `forbidden` or
      // `unauthorized`). Any other row error (a server still starting, out of space…) goes back to
      // RxDB as it is: the batch fails, is retried, and the status shows the error meanwhile —
      // a transient failure must never count as a refusal, which would keep the record off the server.
      if (row.error !== 'forbidden' && row.error !== 'unauthorized') return row;
      const exists = this.existing.has(row.id);
      this.onRefused({ id: row.id, reason: row.reason ?? row.error, doc: byId.get(row.id) ?? {}, exists });
      return exists
        ? { id: row.id, error: 'conflict', reason: row.reason }
        : { id: row.id, ok: true, rev: '0-refused' };
    });
    this.existing.clear();
    return new Response(JSON.stringify(answer), { status: response.status, headers: response.headers });
  }
}
