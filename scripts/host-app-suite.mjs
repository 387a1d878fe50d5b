// What every framework host example must do, checked in real headless Chromium against the built
// app (examples/<host>/dist, bundled from the packages' dist by scripts/host-apps.mjs) served as plain
// static files: rows render from the store set as a property, the selector property filters, a row
// click fills the form through the host's own state, saving reaches the host as `kehu-record-save`,
// the host's language switch changes the elements' text, and the host's theme reaches inside.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildHostApps, serveFiles } from './host-apps.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Text of an element's shadow root, for matching what a user reads. */
const shadowText = (page, selector) =>
  page.$eval(selector, (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

/** Names in the list's rendered rows (the header row has none of the seeded names). */
const listedNames = (page) =>
  page.$eval('#list', (list) =>
    [...list.shadowRoot.querySelectorAll('[role="row"]')].map((row) => row.textContent.replace(/\s+/g, ' ').trim()),
  );

/**
 * @param {{ host: 'react' | 'vue', brand: string }} options `brand`: the accent colour the host's
 * index.html gives Kehu, as `getComputedStyle` reports it (`rgb(…)`).
 */
export function describeHostApp({ host, brand }) {
  describe(`the ${host} host example (examples/${host}, built bundles)`, () => {
    let browser;
    let page;
    let server;
    const errors = [];

    before(async () => {
      await buildHostApps();
      const served = await serveFiles(join(root, 'examples', host));
      server = served.server;
      browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      // Generous: CI machines are shared, and a slow wait is better than a flaky failure.
      page.setDefaultTimeout(60_000);
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${served.base}/`);
      await page.waitForFunction(() => /李娜/.test(document.getElementById('list')?.shadowRoot?.textContent ?? ''), {
        timeout: 120_000,
      });
    });

    after(async () => {
      await browser?.close();
      server?.close();
    });

    it('renders the seeded customers from the store it set as a property', async () => {
      const names = (await listedNames(page)).join(' | ');
      for (const name of ['张伟', '华信汽车贸易有限公司', '李娜', '东方物流股份有限公司'])
        assert.match(names, new RegExp(name));
      const wiring = await page.$eval('#list', (list) => ({
        storeIsObject: typeof list.store?.entity === 'function',
        storeAttribute: list.getAttribute('store'),
        locale: list.locale,
      }));
      assert.deepEqual(wiring, { storeIsObject: true, storeAttribute: null, locale: 'zh-CN' });
      assert.match(await shadowText(page, '#list'), /共 4 条/);
    });

    it('filters the list through the selector property', async () => {
      await page.click('#vip-only');
      await page.waitForFunction(() => /共 2 条/.test(document.getElementById('list').shadowRoot.textContent));
      const names = (await listedNames(page)).join(' | ');
      assert.match(names, /张伟/);
      assert.match(names, /东方物流/);
      assert.doesNotMatch(names, /李娜|华信/);
      assert.deepEqual(await page.$eval('#list', (list) => list.selector), { importance: 'vip' });
      await page.click('#vip-only');
      await page.waitForFunction(() => /共 4 条/.test(document.getElementById('list').shadowRoot.textContent));
    });

    it('fills the form from the host state when a row is activated', async () => {
      await page.$eval('#list', (list) =>
        [...list.shadowRoot.querySelectorAll('[role="row"]')].find((row) => row.textContent.includes('李娜')).click(),
      );
      await page.waitForFunction(() => document.getElementById('form-heading').textContent === '编辑：李娜');
      await page.waitForFunction(
        () => document.getElementById('form').shadowRoot.getElementById('field-name')?.value === '李娜',
      );
      const recordId = await page.$eval('#form', (form) => form.recordId);
      assert.match(recordId, /.+/);
    });

    it('saves an edit, which the host hears as kehu-record-save and the list shows', async () => {
      const input = await page.waitForSelector('#form >>> #field-name');
      await input.click();
      await page.keyboard.press('End');
      await page.keyboard.type('娜');
      await (await page.waitForSelector('#form >>> [part~="save-button"]')).click();
      await page.waitForFunction(() => document.getElementById('notice').textContent.trim() === '已保存「李娜娜」');
      // Clicking Save scrolled the long form into view; the list only renders rows while it is visible.
      await page.$eval('#list', (list) => list.scrollIntoView());
      await page.waitForFunction(() => /李娜娜/.test(document.getElementById('list').shadowRoot.textContent));
      assert.equal(await page.$eval('#form-heading', (h) => h.textContent), '编辑：李娜娜');
    });

    it('starts a new record from the host button', async () => {
      await page.click('#new');
      await page.waitForFunction(
        () => document.getElementById('form').shadowRoot.getElementById('field-name')?.value === '',
      );
      // React passes `undefined`; Vue sets a nulled string property to ''. Both mean "no record".
      assert.equal(await page.$eval('#form', (form) => Boolean(form.recordId)), false);
    });

    it("switches the elements' language with the host's switch", async () => {
      assert.match(await shadowText(page, '#form'), /保存/);
      await page.select('#language', 'en');
      await page.waitForFunction(() => /4 records/.test(document.getElementById('list').shadowRoot.textContent));
      await page.waitForFunction(() => /Save/.test(document.getElementById('form').shadowRoot.textContent));
      assert.equal(await page.$eval('#list-heading', (h) => h.textContent), 'Customers');
      assert.equal(await page.$eval('#list', (list) => list.locale), 'en');
      assert.doesNotMatch(await shadowText(page, '#list'), /共 4 条/);
      await page.select('#language', 'zh-CN');
      await page.waitForFunction(() => /共 4 条/.test(document.getElementById('list').shadowRoot.textContent));
    });

    it("applies the host's theme through --kehu-* properties and ::part", async () => {
      const look = await page.evaluate(() => {
        const form = document.getElementById('form').shadowRoot;
        const list = document.getElementById('list').shadowRoot;
        const save = getComputedStyle(form.querySelector('[part~="save-button"]'));
        const header = getComputedStyle(list.querySelector('[part~="header"]'));
        return {
          saveBackground: save.backgroundColor,
          saveRadius: save.borderTopLeftRadius,
          headerWeight: header.fontWeight,
          height: getComputedStyle(document.getElementById('list'))
            .getPropertyValue('--kehu-record-list-height')
            .trim(),
        };
      });
      assert.deepEqual(look, { saveBackground: brand, saveRadius: '999px', headerWeight: '600', height: '22rem' });
    });

    it('logs no errors', () => {
      // RxDB's Dexie storage prints a one-time notice about premium storages; it is not an error.
      assert.deepEqual(
        errors.filter((e) => !/premium/i.test(e)),
        [],
      );
    });
  });
}
