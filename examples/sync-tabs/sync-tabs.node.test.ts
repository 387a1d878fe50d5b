// Many tabs, one replication (issue 7): two tabs of one browser open the same store (one IndexedDB)
// syncing with a real sync server. Only the tab RxDB elects leader talks to the server; the other
// gets every record through RxDB's multi-instance events and shows the leader's status ("via
// another tab"). When the leading tab closes, the other takes over and keeps receiving.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { createStore } from '../../packages/core/src/store/create-store.js';
import type { Store } from '../../packages/core/src/store/types.js';
import type { ReplicationOptions, SyncStatus } from '../../packages/core/src/sync/types.js';
import { spawnSyncServer, type TestServer } from '../../packages/core/src/sync/test-server.js';
import { shippedEntities, shippedRoles } from '../../packages/core/src/test-support/permission-stores.js';

const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const schemas = readdirSync(schemasDir)
  .filter((f) => f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(schemasDir + f, 'utf8')) as object);

type TabStore = {
  entity(name: string): { get(id: string): Promise<{ name?: string } | null> };
  sync: { status: SyncStatus; awaitInSync(): Promise<void> };
};
declare global {
  interface Window {
    pageReady?: boolean;
    store: TabStore;
    openStore(schemas: object[], replication: ReplicationOptions, user: object): Promise<boolean>;
  }
}

describe('a store open in two tabs of one browser', () => {
  let server: TestServer;
  let web: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let other: Store;
  let base: string;
  const errors: string[] = [];
  /** Requests each tab sent to the records, audit-log and files databases (not the code counters). */
  const requests = new Map<Page, number>();

  const open = async (): Promise<Page> => {
    const page = await browser.newPage();
    requests.set(page, 0);
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => {
      // The user's own records database (kehu-u-…, read scope), the audit log and the files.
      if (
        /\/kehu(-changes|-files|-u-[0-9a-f]+)?\//.test(new URL(request.url()).pathname) &&
        request.url().startsWith(server.url)
      )
        requests.set(page, requests.get(page)! + 1);
    });
    // The first load transforms the page's modules on the dev server: slow on a busy machine.
    await page.goto(`${base}/examples/sync-tabs/`, { timeout: 120_000 });
    await page.waitForFunction(() => window.pageReady, { timeout: 60_000 });
    await page.evaluate(
      (schemas, replication, user) => window.openStore(schemas, replication, user),
      schemas,
      {
        url: server.db,
        username: 'admin.wang',
        password: 'kehu-demo',
        retryTime: 300,
      } satisfies ReplicationOptions,
      { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
    );
    return page;
  };

  /** A customer written by another client (a store in Node) and sent to the server. */
  let count = 0;
  const serverCustomer = async (): Promise<string> => {
    const code = `TABS-${++count}-${Date.now()}`;
    const customer = await other
      .entity('customer')
      .insert({ code, name: `王<b>${count}</b>`, type: 'consumer', organisation: 'sh' });
    await other.sync!.awaitInSync();
    return customer.id;
  };
  const arrives = (page: Page, id: string) =>
    page.waitForFunction(
      async (id) => (await window.store.entity('customer').get(id)) !== null,
      {
        timeout: 20_000,
        polling: 200,
      },
      id,
    );
  const tabNote = (page: Page) =>
    page.$eval('#status', (el) => el.shadowRoot?.querySelector('[part="tab"]')?.textContent ?? null);

  before(async () => {
    server = await spawnSyncServer();
    web = await serve({ port: 0, quiet: true });
    base = `http://localhost:${(web.server!.address() as { port: number }).port}`;
    browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
    other = await createStore({
      entities: shippedEntities,
      storage: getRxStorageMemory(),
      name: `other-${Math.random().toString(36).slice(2, 8)}`,
      locale: 'en',
      user: { id: 'manager.li', roles: ['sales-manager'], organisation: 'sh' },
      permissions: shippedRoles,
      replication: { url: server.db, username: 'manager.li', password: 'kehu-demo', retryTime: 300 },
    });
  });

  after(async () => {
    await browser?.close();
    await other?.close();
    await web?.stop();
    await server?.stop();
  });

  it('replicates in one tab only, shows changes in both, and hands over when the leader closes', async () => {
    const a = await open();
    const b = await open();
    const first = await serverCustomer();
    await Promise.all([arrives(a, first), arrives(b, first)]);

    // Exactly one tab has talked to the server since it opened.
    const counts = [requests.get(a)!, requests.get(b)!];
    assert.equal(counts.filter((n) => n > 0).length, 1, `requests per tab: ${counts.join(', ')}`);
    const [leader, follower] = counts[0] > 0 ? [a, b] : [b, a];

    // The follower shows the leader's status and says so; its awaitInSync resolves (RxDB's would not).
    await follower.waitForFunction(
      () => window.store.sync.status.otherTab === true && window.store.sync.status.state === 'idle',
      { timeout: 20_000, polling: 200 },
    );
    assert.equal(await tabNote(follower), 'via another tab');
    assert.equal(await tabNote(leader), null);
    await follower.evaluate(() => window.store.sync.awaitInSync());
    assert.equal(requests.get(follower), 0, 'the follower never replicated');

    // The leading tab closes: the other takes over, replicates and keeps receiving.
    await leader.close();
    await follower.waitForFunction(() => window.store.sync.status.otherTab !== true, {
      timeout: 20_000,
      polling: 200,
    });
    const second = await serverCustomer();
    await arrives(follower, second);
    assert.ok(requests.get(follower)! > 0, 'the remaining tab replicates');
    assert.equal(await tabNote(follower), null);
    assert.equal(
      await follower.evaluate(async (id) => (await window.store.entity('customer').get(id))?.name, second),
      `王<b>${count}</b>`,
    );
    assert.deepEqual(errors, []);
  });
});
