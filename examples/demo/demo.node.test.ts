// The README's first command, tested as a user meets it: the server `npm start` runs, the demo page
// in real headless Chromium, data seeded into IndexedDB, lists and forms for every entity, and an
// entity file dropped next to the shipped ones appearing with no code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { generateSeed } from './seed/index.js';

/** How many customers the demo seeds (1,000 plus a few planted duplicates for the data-quality screen). */
const seededCustomers = generateSeed().customer.length;

const shipped = fileURLToPath(new URL('../../schemas/', import.meta.url));
const fixture = fileURLToPath(
  new URL('../../packages/core/src/test-fixtures/maintenance-order.schema.json', import.meta.url),
);

type Server = Awaited<ReturnType<typeof serve>>;

describe('the demo CRM (npm start)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  before(async () => {
    // The shipped schemas plus one nobody wrote code for, as an integrator would drop it in.
    const schemas = mkdtempSync(join(tmpdir(), 'kehu-schemas-'));
    for (const file of readdirSync(shipped).filter((f) => f.endsWith('.schema.json')))
      copyFileSync(join(shipped, file), join(schemas, file));
    copyFileSync(fixture, join(schemas, 'maintenance-order.schema.json'));
    server = await serve({ port: 0, quiet: true, schemas });
    base = `http://localhost:${(server.server!.address() as { port: number }).port}`;
    browser = await puppeteer.launch({
      executablePath: chromiumPath({ install: true }),
      args: chromiumArgs,
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1300, height: 900 });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('IndexedDB'), {
      timeout: 120_000,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const count = (entity: string) =>
    page.evaluate(async (name) => {
      const provider = document.getElementById('provider') as HTMLElement & {
        store: { entity(n: string): { count(): Promise<number> } };
      };
      return provider.store.entity(name).count();
    }, entity);

  it('seeds the deterministic data set into IndexedDB on first open', async () => {
    assert.ok((await count('customer')) >= seededCustomers);
    assert.ok((await count('vehicle')) >= 600);
    assert.ok((await count('product')) >= 200);
    assert.ok((await count('document')) >= 500);
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    assert.ok(
      databases.some((name) => name.includes('kehu-demo')),
      databases.join(', '),
    );
    assert.deepEqual(errors, []);
  });

  it('lists customers first, virtualised, with the total', async () => {
    assert.match(page.url(), /\/examples\/demo\/$/);
    const nav = await page.$$eval('#nav a', (links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(nav.slice(0, 4), ['#customer', '#vehicle', '#product', '#document']);
    await page.waitForFunction(
      () => (document.getElementById('list')?.shadowRoot?.querySelectorAll('[role="row"]').length ?? 0) > 5,
    );
    const rows = await page.$eval('#list', (list) => list.shadowRoot!.querySelectorAll('[role="row"]').length);
    assert.ok(rows < 100, `only visible rows are rendered, got ${rows}`);
    const text = await page.$eval('#list', (list) => list.shadowRoot!.textContent ?? '');
    assert.ok(text.includes(`共 ${seededCustomers.toLocaleString('en')} 条`), text.slice(0, 200));
  });

  it('opens the activated row in the form', async () => {
    await page.$eval('#list', (list) => list.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')[1].click());
    await page.waitForFunction(() => /#customer\/.+/.test(location.hash));
    await page.waitForFunction(() => {
      const form = document.getElementById('form')!;
      const input = form.shadowRoot?.querySelector<HTMLInputElement>('input[name="name"], #name, input');
      return !!input && input.value.length > 0;
    });
  });

  it('switches the whole page to English at run time', async () => {
    await page.select('#locale', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const nav = await page.$eval('#nav', (el) => el.textContent ?? '');
    assert.match(nav, /Customers|Customer/);
    await page.waitForFunction(() => /records/.test(document.getElementById('list')?.shadowRoot?.textContent ?? ''));
  });

  it('gives a dropped-in entity file a list and a working form, with no code', async () => {
    await page.goto(`${base}/examples/demo/#maintenance-order`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('IndexedDB'), {
      timeout: 60_000,
    });
    const title = await page.$eval('#list-title', (el) => el.textContent);
    assert.equal(title, 'Maintenance order');
    const saved = await page.evaluate(async () => {
      const provider = document.getElementById('provider') as HTMLElement & {
        store: { entity(n: string): { insert(r: object): Promise<{ number: string }> } };
      };
      return provider.store
        .entity('maintenance-order')
        .insert({ plate: '京A12345', status: 'open', openedOn: '2024-05-01' });
    });
    assert.match(saved.number, /^WX\d{8}$/);
    await page.waitForFunction(() => /京A12345/.test(document.getElementById('list')?.shadowRoot?.textContent ?? ''));
  });

  it('shows every assembled screen with its elements filled from the store', async () => {
    // Each screen, the element that must show data, and what in its shadow DOM proves it did.
    const screens: [string, string, string][] = [
      ['customer-360/cus-000001', 'kehu-record-detail', 'h2, h1, [part~="heading"]'],
      ['customer-360/cus-000001', 'kehu-record-timeline', 'li, [part~="event"], [part~="empty"]'],
      ['vehicle-archive', 'kehu-record-list', '[part~="row"]:not([part~="placeholder"])'],
      ['product-catalogue', 'kehu-record-list', '[part~="row"]:not([part~="placeholder"])'],
      ['document-entry', 'kehu-record-form', 'input, select'],
      ['opportunity-kanban', 'kehu-record-kanban', '[part~="card"]'],
      ['due-list', 'kehu-due-list', '[part~="item"], [part~="group"]'],
      ['dashboard', 'kehu-record-chart', 'table, [part~="table"]'],
    ];
    for (const [route, tag, selector] of screens) {
      await page.evaluate((hash) => (location.hash = hash), `screen/${route}`);
      await page.waitForFunction(
        (t, s) => [...document.querySelectorAll(t)].some((el) => (el.shadowRoot?.querySelectorAll(s).length ?? 0) > 0),
        { timeout: 60_000 },
        tag,
        selector,
      );
      const current = await page.$eval('#screens [aria-current="page"]', (a) => a.getAttribute('href'));
      assert.equal(current, `#screen/${route.split('/')[0]}`);
    }
    assert.deepEqual(errors, []);
  });

  it('does not seed again on reload', async () => {
    await page.goto(`${base}/examples/demo/#customer`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('IndexedDB'), {
      timeout: 60_000,
    });
    assert.equal(await count('customer'), seededCustomers);
    assert.deepEqual(errors, []);
  });
});
