import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SyncFetch, type Refusal } from './sync-fetch.js';

/** A SyncFetch over a server that answers `_bulk_docs` with `rows`; returns what RxDB would read. */
async function bulkDocs(rows: Record<string, unknown>[]) {
  const refused: Refusal[] = [];
  const server = (async () =>
    new Response(JSON.stringify(rows), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
  const sync = new SyncFetch('sales.chen', 'secret', (r) => refused.push(r), server);
  const docs = rows.map((row) => ({ _id: row.id, d: { name: `doc ${String(row.id)}` } }));
  const response = await sync.fetch('http://127.0.0.1:5984/kehu/_bulk_docs', {
    method: 'POST',
    body: JSON.stringify({ docs, new_edits: true }),
  });
  return { answer: (await response.json()) as Record<string, unknown>[], refused };
}

describe('SyncFetch: rows of _bulk_docs', () => {
  it("reports the server's write checks as refusals and lets the replication finish the batch", async () => {
    const { answer, refused } = await bulkDocs([
      { id: 'a', error: 'forbidden', reason: 'creditLimit / 信用额度' },
      { id: 'b', error: 'unauthorized', reason: 'not yours' },
      { id: 'c', ok: true, rev: '1-x' },
    ]);
    assert.deepEqual(
      refused.map((r) => [r.id, r.reason, r.exists]),
      [
        ['a', 'creditLimit / 信用额度', false],
        ['b', 'not yours', false],
      ],
    );
    // A refused create counts as written (the record stays local, its values kept): no endless retry.
    assert.deepEqual(
      answer.map((row) => row.ok),
      [true, true, true],
    );
  });

  it('hands any other row error back unchanged, so the batch is retried and nothing is counted as refused', async () => {
    const { answer, refused } = await bulkDocs([
      { id: 'a', error: 'internal_server_error', reason: 'database is starting' },
      { id: 'b', error: 'conflict', reason: 'Document update conflict.' },
    ]);
    assert.deepEqual(refused, []);
    assert.deepEqual(answer, [
      { id: 'a', error: 'internal_server_error', reason: 'database is starting' },
      { id: 'b', error: 'conflict', reason: 'Document update conflict.' },
    ]);
  });
});
