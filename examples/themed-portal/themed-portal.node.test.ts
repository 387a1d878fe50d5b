// The theming example as `npm start` serves it: a bank portal restyling Kehu only through --kehu-*
// properties and ::part, with a dark mode switched by `color-scheme`. Checked in headless Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

type Server = Awaited<ReturnType<typeof serve>>;

describe('the themed portal example (examples/themed-portal)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  /** Computed styles of pieces inside the elements' shadow roots (no named helpers: tsx would wrap them). */
  const look = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [
          ['listBackground', 'list', 'base', 'backgroundColor'],
          ['listText', 'list', 'base', 'color'],
          ['count', 'list', 'count', 'color'],
          ['headerTransform', 'list', 'header', 'textTransform'],
          ['save', 'form', 'save-button', 'backgroundColor'],
          ['cancelText', 'form', 'cancel-button', 'color'],
          ['fontFamily', 'list', 'base', 'fontFamily'],
        ].map(([key, id, part, property]) => [
          key,
          getComputedStyle(
            document.getElementById(id)!.shadowRoot!.querySelector(`[part~="${part}"]`)!,
          ).getPropertyValue(property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
        ]),
      ),
    );

  before(async () => {
    server = await serve({ port: 0, quiet: true });
    const base = `http://localhost:${(server.server!.address() as { port: number }).port}`;
    browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}/examples/themed-portal/`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction(() => /陈静/.test(document.getElementById('list')?.shadowRoot?.textContent ?? ''), {
      timeout: 120_000,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("gives the elements the bank's brand, font and parts styling", async () => {
    const light = await look();
    assert.equal(light.count, 'rgb(155, 28, 49)');
    assert.equal(light.save, 'rgb(155, 28, 49)');
    assert.equal(light.headerTransform, 'uppercase');
    assert.equal(light.listBackground, 'rgb(255, 255, 255)');
    assert.match(light.fontFamily, /Segoe UI/);
  });

  it('turns the portal and the elements dark together through color-scheme', async () => {
    await page.click('#dark');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).colorScheme === 'dark');
    const dark = await look();
    assert.equal(dark.listBackground, 'rgb(30, 27, 29)');
    assert.equal(dark.listText, 'rgb(236, 232, 233)');
    assert.equal(dark.count, 'rgb(255, 138, 155)');
    assert.equal(dark.cancelText, 'rgb(236, 232, 233)');
    assert.equal(await page.$eval('#dark', (b) => b.getAttribute('aria-pressed')), 'true');
    await page.click('#dark');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).colorScheme === 'light');
  });

  it("switches the elements' language with the portal's", async () => {
    await page.select('#language', 'en');
    await page.waitForFunction(() => /4 records/.test(document.getElementById('list')!.shadowRoot!.textContent ?? ''));
    assert.equal(await page.$eval('#list-heading', (h) => h.textContent), 'Customers');
    assert.deepEqual(errors, []);
  });
});
