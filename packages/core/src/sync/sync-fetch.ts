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

/**
 * The fetch RxDB's CouchDB replication uses: adds basic authentication, aborts what is in flight
 * when the sync stops (a long-poll would otherwise hold the process for a minute), and turns
 * refused rows of `_bulk_docs` into something the replication can finish with. RxDB throws on any
 * row that is neither ok nor a conflict and retries the batch forever; here a refused update is
 * reported as a conflict (the conflict handler then keeps the server's document and the refused
 * values, see `ConflictKeeper`) and a refused create as written (the record stays local and its
 * values are kept). Every refusal goes to `onRefused`.
 */
export class SyncFetch {
  private controllers = new Set<AbortController>();
  /** Ids the last `_all_docs` look-up found on the server. */
  private existing = new Set<string>();
  private authorization: string;

  constructor(
    username: string,
    password: string,
    private onRefused: (refusal: Refusal) => void,
    private base: typeof fetch = globalThis.fetch.bind(globalThis),
  ) {
    this.authorization = `Basic ${base64(`${username}:${password}`)}`;
  }

  /** Aborts every request in flight. */
  abort(): void {
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const controller = new AbortController();
    this.controllers.add(controller);
    const headers = new Headers(init.headers);
    headers.set('authorization', this.authorization);
    const url = String(input instanceof Request ? input.url : input);
    try {
      const response = await this.base(input, { ...init, headers, signal: controller.signal });
      if (!response.ok || init.method !== 'POST') return response;
      if (url.includes('/_all_docs')) {
        const body = (await response.clone().json()) as { rows?: { id?: string; key: string; doc?: unknown }[] };
        for (const row of body.rows ?? []) if (row.doc) this.existing.add(row.key);
        return response;
      }
      if (url.includes('/_bulk_docs')) return this.bulkDocs(response, init.body);
      return response;
    } finally {
      this.controllers.delete(controller);
    }
  };

  private async bulkDocs(response: Response, sent: BodyInit | null | undefined): Promise<Response> {
    const rows = (await response.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[];
    const docs = typeof sent === 'string' ? ((JSON.parse(sent) as { docs?: Record<string, unknown>[] }).docs ?? []) : [];
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const answer = rows.map((row) => {
      if (row.ok || row.error === 'conflict' || !row.error) return row;
      const exists = this.existing.has(row.id);
      this.onRefused({ id: row.id, reason: row.reason ?? row.error, doc: byId.get(row.id) ?? {}, exists });
      return exists ? { id: row.id, error: 'conflict', reason: row.reason } : { id: row.id, ok: true, rev: '0-refused' };
    });
    this.existing.clear();
    return new Response(JSON.stringify(answer), { status: response.status, headers: response.headers });
  }
}
