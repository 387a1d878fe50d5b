// `npm run start:sync` as two users meet it: the sync server and the demo server (proxying it under
// the page's own origin, so the strict CSP stays), and two browser contexts, i.e. two clients with
// their own IndexedDB. The first seeds the server, the second pulls; an edit on one reaches the other.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { strictPolicy } from '../../scripts/serve.mjs';
import { demoSyncUsers } from '../../scripts/demo-sync.mjs';
import { demoUsers } from './roles.js';
import { generateSeed } from './seed/index.js';

const seededCustomers = generateSeed().customer.length;
const script = fileURLToPath(new URL('../../scripts/demo-sync.mjs', import.meta.url));

type DemoStore = {
  entity(n: string): {
    count(): Promise<number>;
    find(q: object): Promise<{ id: string }[]>;
    get(id: string): Promise<{ remark?: string } | null>;
    patch(id: string, p: object): Promise<unknown>;
  };
  sync: { stop(): Promise<void>; start(): Promise<void> };
};
declare global {
  interface Window {
    demoStore(): DemoStore;
  }
}

describe('the demo CRM syncing (npm run start:sync)', () => {
  // A child process, as `npm run start:sync` runs it (and because in-memory PouchDB keeps timers
  // after its server closes, which would keep this test's process alive).
  let servers: ChildProcess;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];

  const open = async (): Promise<Page> => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluateOnNewDocument(() => {
      window.demoStore = () => (document.getElementById('provider') as unknown as { store: DemoStore }).store;
    });
    const response = await page.goto(`${base}/examples/demo/#customer`);
    assert.equal(response?.headers()['content-security-policy'], strictPolicy);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('IndexedDB'), {
      timeout: 80_000,
    });
    return page;
  };
  const syncState = (page: Page) => page.$eval('kehu-sync-status', (el) => el.getAttribute('state'));
  const pendingText = (page: Page) =>
    page.$eval('kehu-sync-status', (el) => el.shadowRoot?.querySelector('[part="pending"]')?.textContent ?? '');

  before(async () => {
    servers = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, PORT: '0', KEHU_SYNC_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = await once(createInterface({ input: servers.stdout! }), 'line');
    base = new URL((JSON.parse(String(line)) as { page: string }).page).origin;
    browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    if (servers && servers.exitCode === null) {
      servers.kill('SIGTERM');
      await once(servers, 'exit');
    }
  });

  it("has the demo's users on the server, with the ids and organisations the demo opens stores with", () => {
    const expected = Object.values(demoUsers).map((user) => {
      const u = user('en');
      return { name: u.id, roles: [...(u.roles ?? []), `org:${u.organisation}`] };
    });
    assert.deepEqual(
      demoSyncUsers.map(({ name, roles }) => ({ name, roles })),
      expected,
    );
  });

  it('seeds the server from the first client, and the second pulls it; an edit on one shows on the other', async () => {
    const a = await open();
    assert.equal(await a.evaluate(() => window.demoStore().entity('customer').count()), seededCustomers);
    // The server holds the seed now: the second client pulls it instead of seeding again.
    const b = await open();
    assert.equal(await b.evaluate(() => window.demoStore().entity('customer').count()), seededCustomers);
    await a.waitForFunction(() => document.querySelector('kehu-sync-status')?.getAttribute('state') === 'idle');
    assert.equal(await syncState(b), 'idle');

    const id = await a.evaluate(async () => (await window.demoStore().entity('customer').find({ limit: 1 }))[0].id);
    // Offline, the edit waits and the status says so; back online it is sent.
    await a.evaluate(() => window.demoStore().sync.stop());
    await a.evaluate(
      (id) => window.demoStore().entity('customer').patch(id, { remark: '<script>同步</script> from A' }),
      id,
    );
    await a.waitForFunction(
      () => document.querySelector('kehu-sync-status')?.shadowRoot?.querySelector('[part="pending"]')?.textContent,
    );
    assert.match(await pendingText(a), /1/);
    assert.equal(await syncState(a), 'offline');
    await a.evaluate(() => window.demoStore().sync.start());
    await a.waitForFunction(
      () => {
        const status = document.querySelector('kehu-sync-status');
        return status?.getAttribute('state') === 'idle' && !status.shadowRoot?.querySelector('[part="pending"]');
      },
      { timeout: 20_000 },
    );

    await b.waitForFunction(
      async (id) => (await window.demoStore().entity('customer').get(id))?.remark === '<script>同步</script> from A',
      { timeout: 20_000, polling: 250 },
      id,
    );
    // …and B's form shows it, as text.
    await b.evaluate((id) => (location.hash = `customer/${id}`), id);
    await b.waitForFunction(
      () => {
        // Breadth-first through shadow roots (no named helper: tsx would wrap it in `__name`).
        const roots: (Document | ShadowRoot)[] = [document];
        for (let i = 0; i < roots.length; i++)
          for (const el of roots[i].querySelectorAll('*')) {
            if (el.shadowRoot) roots.push(el.shadowRoot);
            if (el instanceof HTMLTextAreaElement && el.value === '<script>同步</script> from A') return true;
          }
        return false;
      },
      { timeout: 10_000, polling: 250 },
    );

    // Both offline, both change the remark: A syncs first, so B's push loses and B keeps its value
    // as a conflict. B's header links to 冲突处理, where B keeps its own value, keyboard only.
    await Promise.all([a, b].map((page) => page.evaluate(() => window.demoStore().sync.stop())));
    await a.evaluate((id) => window.demoStore().entity('customer').patch(id, { remark: 'A 的备注' }), id);
    await b.evaluate((id) => window.demoStore().entity('customer').patch(id, { remark: 'B 的备注 <b>' }), id);
    await a.evaluate(() => window.demoStore().sync.start());
    await a.waitForFunction(
      () => {
        const status = document.querySelector('kehu-sync-status');
        return status?.getAttribute('state') === 'idle' && !status.shadowRoot?.querySelector('[part="pending"]');
      },
      { timeout: 20_000 },
    );
    await b.evaluate(() => window.demoStore().sync.start());
    await b.waitForSelector('#sync-conflicts:not([hidden])', { timeout: 20_000 });
    await b.click('#sync-conflicts');
    const remark = 'fieldset[data-field="remark"]';
    await b.waitForFunction(
      (selector) => document.querySelector('kehu-conflict-picker')?.shadowRoot?.querySelector(selector),
      { timeout: 10_000, polling: 250 },
      remark,
    );
    // Tab from the screen's heading to the first radio group (the current value is picked), arrow
    // to "mine", Tab to Resolve, Enter.
    await b.evaluate(() => {
      const heading = document.getElementById('conflicts-heading')!;
      heading.tabIndex = -1;
      heading.focus();
    });
    await b.keyboard.press('Tab');
    await b.keyboard.press('ArrowLeft');
    await b.keyboard.press('Tab');
    await b.keyboard.press('Enter');
    await b.waitForFunction(
      async (id) => (await window.demoStore().entity('customer').get(id))?.remark === 'B 的备注 <b>',
      { timeout: 10_000, polling: 250 },
      id,
    );
    await b.waitForSelector('#sync-conflicts[hidden]', { timeout: 10_000 });
    await a.waitForFunction(
      async (id) => (await window.demoStore().entity('customer').get(id))?.remark === 'B 的备注 <b>',
      { timeout: 20_000, polling: 250 },
      id,
    );
    assert.deepEqual(errors, []);
  });
});
