// The demo under its Content-Security-Policy, as `npm start` serves it: every screen toured, a chart
// hovered, a record edited and saved through the form, a bad record refused with localised messages,
// and not one policy violation or page error on the way. The policy is the strict one (no unsafe-eval,
// no unsafe-inline, not even for style attributes), also sent as Report-Only: neither Kehu's elements
// and core nor the demo's own screens may break it anywhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { demoPolicy, serve, strictPolicy } from '../../scripts/serve.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

type Server = Awaited<ReturnType<typeof serve>>;

interface Violation {
  disposition: string;
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}

declare global {
  interface Window {
    kehuViolations?: Violation[];
  }
}

describe('the demo CRM under a strict Content-Security-Policy', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let headers: Record<string, string> = {};
  const errors: string[] = [];
  const refusals: string[] = [];

  /** Everything either policy refused so far: there is no exception. */
  const violations = () => page.evaluate(() => window.kehuViolations ?? []);
  const ready = () =>
    page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('IndexedDB'), {
      timeout: 180_000,
    });

  before(async () => {
    server = await serve({ port: 0, quiet: true, reportStrict: true });
    base = `http://localhost:${(server.server!.address() as { port: number }).port}`;
    browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
    page = await browser.newPage();
    await page.setViewport({ width: 1300, height: 900 });
    page.on('pageerror', (error) =>
      errors.push(`${page.url().split('#')[1] ?? ''}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`),
    );
    // Chromium also says so on the console; kept as a second witness with the blocked source.
    page.on('console', (message) => {
      const text = message.text();
      if (/Content.Security.Policy/i.test(text) && !/report-only/i.test(text)) refusals.push(text);
    });
    // Runs before any of the page's scripts, and is not itself subject to the policy.
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window.kehuViolations ??= []).push({
          disposition: event.disposition,
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: event.sourceFile,
          line: event.lineNumber,
        });
      });
    });
    // The first visit compiles every module and seeds IndexedDB: slow on a busy machine.
    const response = await page.goto(`${base}/examples/demo/`, { timeout: 180_000, waitUntil: 'domcontentloaded' });
    headers = response?.headers() ?? {};
    await ready();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the page with the policy, and the strict one as Report-Only, and nothing inline', async () => {
    assert.equal(headers['content-security-policy'], demoPolicy);
    assert.equal(headers['content-security-policy-report-only'], strictPolicy);
    assert.doesNotMatch(strictPolicy, /unsafe-(eval|inline)/);
    assert.equal(demoPolicy, strictPolicy);
    const html = await (await fetch(`${base}/examples/demo/`)).text();
    // Neither the page nor the dev server may add inline scripts, styles or style attributes.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style\b|\sstyle=/);
  });

  it('serves validators precompiled from the schema files, used without eval', async () => {
    const source = await (await fetch(`${base}/examples/demo/shipped-validators.js`)).text();
    assert.match(source, /export const validators = \{/);
    assert.doesNotMatch(source, /new Function|\beval\(/);
    // Each was generated from the very schema the demo loads (else the entity would not use it).
    const matches = await page.evaluate(async () => {
      const [{ validators }, core] = await Promise.all([
        import('/examples/demo/shipped-validators.js' as string) as Promise<{
          validators: Record<string, { fingerprint: string }>;
        }>,
        import('/packages/core/src/index.ts' as string) as Promise<typeof import('@kehu/core')>,
      ]);
      const names: string[] = await (await fetch('/schemas/index.json')).json();
      return Promise.all(
        names.map(async (file) => {
          const schema = await (await fetch(`/schemas/${file}`)).json();
          const name = file.replace('.schema.json', '');
          const full = { ...schema, properties: { ...core.systemProperties, ...schema.properties } };
          return [name, validators[name]?.fingerprint === core.schemaFingerprint(full)] as const;
        }),
      );
    });
    assert.ok(matches.length >= 8);
    for (const [name, same] of matches) assert.ok(same, `${name}: no precompiled validator for the served schema`);
  });

  it('shows every entity list and every screen without a violation', async (t) => {
    const hashes = await page.$$eval('#nav a, #screens a', (links) => links.map((a) => a.getAttribute('href')!));
    assert.ok(hashes.length > 8, hashes.join(' '));
    for (const hash of hashes) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForFunction(
        (h) => document.querySelector(`a[href="${h}"][aria-current="page"]`) !== null,
        { timeout: 30_000 },
        hash,
      );
      // Lit renders asynchronously; let each screen's elements load their data.
      await page.waitForFunction(
        () => {
          const host = document.getElementById('screen')!;
          const shown = host.hidden ? document.getElementById('list')! : host;
          return shown.hidden === false && (shown.shadowRoot?.childElementCount ?? shown.childElementCount) > 0;
        },
        { timeout: 30_000 },
      );
      // Each shown element renders once before the tour moves on; their data loads while it goes on,
      // so screens are left with async work pending, as a user clicking through leaves them.
      await page.evaluate(() =>
        Promise.all(
          [...document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('main:not([hidden]) *')]
            .filter((el) => el.localName.startsWith('kehu-'))
            .map((el) => el.updateComplete),
        ),
      );
    }
    // That pending work finishes after its screen is gone: it must notice (`ScreenContext.signal`)
    // rather than throw on elements that are no longer there.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    t.diagnostic(`${hashes.length} lists and screens toured`);
  });

  it('draws the dashboard chart (ECharts) and its tooltip without a violation', async () => {
    await page.evaluate(() => (location.hash = 'screen/dashboard'));
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('kehu-record-chart')].some(
          (chart) => (chart.shadowRoot?.querySelector('svg')?.querySelectorAll('path').length ?? 0) > 3,
        ),
      { timeout: 60_000 },
    );
    const box = await page.evaluate(() => {
      const svg = document.querySelector('kehu-record-chart')!.shadowRoot!.querySelector('svg')!;
      const rect = svg.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, width: rect.width };
    });
    assert.ok(box.width > 0);
    // Sweep across the plot so the tooltip shows for some bar, slice or point.
    for (let dx = -0.3; dx <= 0.3; dx += 0.1) await page.mouse.move(box.x + dx * box.width, box.y, { steps: 3 });
    // ECharts puts its tooltip in the chart's container: it must have shown, with our content.
    const tooltip = await page.waitForFunction(
      () =>
        [...document.querySelector('kehu-record-chart')!.shadowRoot!.querySelectorAll<HTMLElement>('div')].find(
          (div) =>
            div.style.position === 'absolute' && div.style.display !== 'none' && /: /.test(div.textContent ?? ''),
        )?.textContent,
      { timeout: 10_000 },
    );
    assert.ok(await tooltip.jsonValue());
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  });

  it('edits a record in the form and saves it', async () => {
    await page.evaluate(() => (location.hash = 'customer'));
    await page.waitForFunction(
      () => (document.getElementById('list')?.shadowRoot?.querySelectorAll('[role="row"]').length ?? 0) > 2,
      { timeout: 30_000 },
    );
    await page.$eval('#list', (list) => list.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')[1].click());
    await page.waitForFunction(() => /#customer\/.+/.test(location.hash));
    const id = await page.evaluate(() => decodeURIComponent(location.hash.split('/')[1]));
    await page.waitForFunction(() => {
      const input = document.getElementById('form')!.shadowRoot?.querySelector<HTMLInputElement>('#field-name');
      return !!input && input.value.length > 0;
    });
    const name = `CSP测试客户${Date.now() % 10000}`;
    await page.$eval(
      '#form',
      (form, value) => {
        const input = form.shadowRoot!.querySelector<HTMLInputElement>('#field-name')!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      },
      name,
    );
    const saved = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document
            .getElementById('form')!
            .addEventListener('kehu-record-save', (event) => resolve(event.detail.id), { once: true }),
        ),
    );
    await page.$eval('#form', (form) =>
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click(),
    );
    assert.equal(await saved, id);
    const stored = await page.evaluate(async (recordId) => {
      const provider = document.getElementById('provider') as HTMLElement & {
        store: { entity(n: string): { get(id: string): Promise<{ name: string } | undefined> } };
      };
      return (await provider.store.entity('customer').get(recordId))?.name;
    }, id);
    assert.equal(stored, name);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  });

  it('refuses an invalid record with localised per-field messages, still without eval', async () => {
    const issues = await page.evaluate(async () => {
      const provider = document.getElementById('provider') as HTMLElement & {
        store: { entity(n: string): { insert(r: object): Promise<unknown> } };
      };
      try {
        await provider.store.entity('customer').insert({ name: '张三', type: 'consumer', mobile: '12345' });
        return [];
      } catch (error) {
        return (error as { issues?: { path: string[]; message: Record<string, string> }[] }).issues ?? [];
      }
    });
    const mobile = issues.find((issue) => issue.path.join('.') === 'mobile');
    assert.ok(mobile, JSON.stringify(issues));
    assert.match(mobile.message['zh-CN'], /11 位中国大陆手机号/);
    assert.match(mobile.message.en, /11-digit mainland mobile number/);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(refusals, []);
    assert.deepEqual(errors, []);
  });
});
