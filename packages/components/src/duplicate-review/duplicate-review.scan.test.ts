import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  createStore,
  findDuplicates,
  type FindOptions,
  type JsonSchema,
  type Repository,
  type Store,
} from '@kehu/core';
import { plantedCustomers, plantedScore } from '../../../core/src/dedupe/planted-duplicates.js';
import './define.js';
import type { KehuDuplicateReview } from './duplicate-review.js';
import { reviewStore } from './review-fixtures.js';
import { SCAN_PAGE_SIZE } from './duplicate-scan.js';

// Every worker the page starts, so a test can tell where the scan ran.
const started: string[] = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    started.push(String(url));
  }
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const spoken = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
};
const pairs = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="pair"]')];
const bar = (el: HTMLElement) => root(el).querySelector<HTMLElement>('[role="progressbar"]');
const button = (el: HTMLElement, label: RegExp) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(text(b)));

/** The progress the review showed, as its bar announced it. */
function progressSeen(el: HTMLElement): string[] {
  const seen: string[] = [];
  const note = () => {
    const value = bar(el)?.getAttribute('aria-valuetext');
    if (value && value !== seen.at(-1)) seen.push(value);
  };
  new MutationObserver(note).observe(root(el), { subtree: true, childList: true, attributes: true });
  return seen;
}

let big: Store;
let expected: string[];
/** Customers in all, of which `PLANTED` are planted duplicates. */
const SIZE = 3000;
const PLANTED = 150;

before(async () => {
  const schemas: JsonSchema[] = [];
  for (const file of ['customer-class', 'customer-level', 'customer'])
    schemas.push(await (await fetch(`/schemas/${file}.schema.json`)).json());
  big = await createStore({ entities: schemas, name: `duplicate-scan-${Date.now()}` });
  const { customers, planted } = plantedCustomers(SIZE, PLANTED);
  // Their IDs are random digits, without the check digit the schema asks for: left out here.
  await big
    .entity<Record<string, unknown>>('customer')
    .bulkInsert(customers.map(({ residentId: _id, creditCode: _code, ...customer }) => customer));
  // What the core scan finds among the stored records, as the review words each pair.
  const core = await findDuplicates(big, 'customer');
  expect(plantedScore(core, planted).recall).to.be.greaterThan(0.85);
  const names = new Map((await big.entity('customer').find()).map((r) => [r.id, String(r.name)]));
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
  expected = core.map((p) => `${names.get(p.a)} and ${names.get(p.b)} score ${percent.format(p.score)}`);
});
after(() => big.close());

const review = (store: Store, options: { locale?: string; noWorker?: boolean } = {}) =>
  fixture<KehuDuplicateReview>(
    html`<kehu-duplicate-review
      entity="customer"
      locale=${options.locale ?? 'en'}
      ?no-worker=${options.noWorker}
      .store=${store}
    ></kehu-duplicate-review>`,
  );

describe('<kehu-duplicate-review> scanning many records', () => {
  it('scans in a Web Worker, shows how far it has got, and lists the pairs the core scan finds', async () => {
    const el = await review(big);
    const seen = progressSeen(el);
    await waitUntil(() => pairs(el).length, 'the pairs load', { timeout: 20000 });
    expect(started.some((url) => /duplicate-scan\.worker\.ts$/.test(url))).to.equal(true, 'a worker ran the scan');
    expect(pairs(el).map(spoken)).to.deep.equal(expected);
    expect(text(root(el).querySelector('[part~="header"]')!)).to.contain(`among ${SIZE} records`);
    // Pages are posted as they are read: the bar moved through them before the pairs came.
    const counts = seen.map((s) => /Scanned ([\d,]+) \/ 3,000 records/.exec(s)?.[1]).filter(Boolean);
    expect(counts.length, seen.join(' | ')).to.be.greaterThan(1);
    expect(counts).to.include('1,000');
    expect(bar(el)).to.equal(null, 'the bar goes when the scan is done');
  });

  it('scans on the page, in slices, when told not to use a worker, finding the same pairs', async () => {
    const before = started.length;
    const el = await review(big, { noWorker: true });
    const seen = progressSeen(el);
    await waitUntil(() => pairs(el).length, 'the pairs load', { timeout: 20000 });
    expect(started.length).to.equal(before, 'no worker');
    expect(pairs(el).map(spoken)).to.deep.equal(expected);
    expect(seen.filter((s) => /^Scanned/.test(s)).length).to.be.greaterThan(1);
  });

  it('can be cancelled from the keyboard and scanned again; its progress is accessible in both languages', async () => {
    // Each page the scan reads waits for the test, so it sees the scan between pages.
    const waiting: (() => void)[] = [];
    const entity = big.entity.bind(big);
    const held = Object.assign(Object.create(big) as Store, {
      entity: (name: string) =>
        new Proxy(entity(name) as Repository, {
          get: (target, key) =>
            key === 'find'
              ? async (options?: FindOptions) => {
                  if (options?.limit === SCAN_PAGE_SIZE) await new Promise<void>((go) => waiting.push(go));
                  return target.find(options);
                }
              : (Reflect.get(target, key, target) as (...args: unknown[]) => unknown).bind(target),
        }),
    });
    const el = await review(held, { locale: 'zh-CN' });
    await waitUntil(() => waiting.length, 'the first page is asked for', { timeout: 20000 });
    waiting.shift()!();
    await waitUntil(() => bar(el)?.getAttribute('aria-valuenow') === '1000', 'one page scanned', { timeout: 10000 });
    expect(bar(el)!.getAttribute('aria-valuetext')).to.equal('已扫描 1,000 / 3,000 条');
    expect(bar(el)!.getAttribute('aria-valuemax')).to.equal('3000');
    await expect(el).to.be.accessible();
    el.locale = 'en';
    await el.updateComplete;
    expect(bar(el)!.getAttribute('aria-valuetext')).to.equal('Scanned 1,000 / 3,000 records');
    await expect(el).to.be.accessible();

    button(el, /^Cancel scan$/)!.focus();
    await sendKeys({ press: 'Enter' });
    waiting.splice(0).forEach((go) => go());
    await el.updateComplete;
    expect(text(root(el).querySelector('.cancelled')!)).to.equal('Scan cancelled. Scan again');
    expect(bar(el)).to.equal(null);
    expect(pairs(el)).to.have.length(0);
    expect(root(el).querySelector('.empty'), 'not "no duplicates": it did not finish').to.equal(null);
    await expect(el).to.be.accessible();

    const again = setInterval(() => waiting.splice(0).forEach((go) => go()), 10);
    try {
      button(el, /^Scan again$/)!.click();
      await waitUntil(() => pairs(el).length, 'scanned again', { timeout: 20000 });
    } finally {
      clearInterval(again);
    }
    expect(pairs(el).map(spoken)).to.deep.equal(expected);
    expect(root(el).querySelector('.cancelled')).to.equal(null);
  });

  it('merges on the page too, and rescans', async () => {
    const store = await reviewStore();
    try {
      const el = await review(store, { noWorker: true });
      await waitUntil(() => pairs(el).length === 2, 'the pairs load', { timeout: 10000 });
      button(el, /^Merge$/)!.click();
      await waitUntil(() => pairs(el).length === 1, 'the merged pair leaves the list', { timeout: 10000 });
      expect(await store.entity('customer').get('c2')).to.equal(null);
      expect((await store.entity('vehicle').get('v1'))?.owner).to.equal('c1');
    } finally {
      await store.close();
    }
  });
});
