import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type FindOptions, type JsonSchema, type Repository, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';
import type { RecordExportEvent } from './record-export-event.js';
import { EXPORT_PAGE_SIZE } from './list-export.js';

const schema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户', en: 'Customer' },
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    list: { columns: ['name', 'city'], sort: { field: 'name', direction: 'asc' } },
    indexes: ['name', 'city'],
  },
  properties: {
    name: { type: 'string', maxLength: 60, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
    city: { type: 'string', maxLength: 40, 'x-kehu': { label: { 'zh-CN': '城市', en: 'City' } } },
  },
};

const ROWS = 3000;
const many = Array.from({ length: ROWS }, (_, i) => ({
  name: `Customer ${String(i).padStart(4, '0')}`,
  city: i === 7 ? '=HYPERLINK("http://evil","x")' : i === 8 ? '<script>alert(1)</script>' : '上海',
}));

setupIgnoreWindowResizeObserverLoopErrors(before, after);

/**
 * A store whose `find` can be held, one call at a time, so a test sees the export between pages
 * (a real export of a few thousand rows in memory is over before a test could look).
 */
function holdable(store: Store) {
  const waiting: (() => void)[] = [];
  let held = false;
  const entity = store.entity.bind(store);
  store.entity = ((name: string) => {
    const repository = entity(name) as Repository;
    return new Proxy(repository, {
      get(target, key) {
        if (key === 'find')
          return async (options?: FindOptions) => {
            // Only the export's pages: the list's own reads go on.
            if (held && options?.limit === EXPORT_PAGE_SIZE)
              await new Promise<void>((resolve) => waiting.push(resolve));
            return target.find(options);
          };
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as Store['entity'];
  return {
    hold: () => (held = true),
    /** Lets one held read through, once it is waiting. */
    step: async () => {
      await waitUntil(() => waiting.length > 0, 'a read is waiting', { timeout: 10000 });
      waiting.shift()!();
    },
    release: () => {
      held = false;
      waiting.splice(0).forEach((go) => go());
    },
  };
}

let store: Store;
beforeEach(async () => {
  store = await createStore({ entities: [schema], name: `list-export-${Date.now()}` });
  await store.entity<Record<string, unknown>>('customer').bulkInsert(many);
});
afterEach(() => store.close());

const listOf = (locale: string) =>
  fixture<KehuRecordList>(
    html`<kehu-record-list entity="customer" locale=${locale} .store=${store}></kehu-record-list>`,
  );
const root = (el: KehuRecordList) => el.shadowRoot!;
const bar = (el: KehuRecordList) => root(el).querySelector<HTMLElement>('[role="progressbar"]');
const status = (el: KehuRecordList) => root(el).querySelector('.bulk .result')?.textContent?.trim() ?? '';
const loaded = (el: KehuRecordList) =>
  waitUntil(() => el.total === ROWS, 'the list counted its records', { timeout: 10000 });

describe('<kehu-record-list> exporting many records', () => {
  it('shows the progress page by page, in both languages, then hands over the whole file', async () => {
    const el = await listOf('zh-CN');
    await loaded(el);
    const reads = holdable(store);
    reads.hold();
    const exported = oneEvent(el, 'kehu-record-export') as Promise<RecordExportEvent>;
    el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();

    await waitUntil(() => bar(el), 'a progress bar', { timeout: 10000 });
    expect(bar(el)!.getAttribute('aria-valuenow')).to.equal('0');
    expect(bar(el)!.getAttribute('aria-valuemax')).to.equal('3000');
    expect(root(el).querySelector('.export-text')!.textContent).to.equal('正在导出 0 / 3,000 条');
    await expect(el).to.be.accessible();

    await reads.step();
    await waitUntil(() => bar(el)!.getAttribute('aria-valuenow') === '500', 'the first page read', { timeout: 10000 });
    expect(bar(el)!.getAttribute('aria-valuetext')).to.equal('正在导出 500 / 3,000 条');
    await reads.step();
    await waitUntil(() => bar(el)!.getAttribute('aria-valuenow') === '1000', 'the second page read', {
      timeout: 10000,
    });
    el.locale = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('.export-text')!.textContent).to.equal('Exporting 1,000 / 3,000 records');
    expect(root(el).querySelector('[part~="export-progress"] button')!.textContent!.trim()).to.equal('Cancel export');
    await expect(el).to.be.accessible();

    reads.release();
    const { detail } = await exported;
    expect(detail.count).to.equal(ROWS);
    const text = await detail.file.text();
    expect(detail.file.type).to.equal('text/csv;charset=utf-8');
    expect(new Uint8Array(await detail.file.slice(0, 3).arrayBuffer())).to.deep.equal(
      new Uint8Array([0xef, 0xbb, 0xbf]),
      'a UTF-8 BOM',
    );
    expect(`\uFEFF${text}`).to.equal(detail.text, 'text and file agree');
    const lines = text.split('\r\n');
    expect(lines[0]).to.equal('客户名称,城市', 'the header as the export began (zh-CN)');
    expect(lines.length).to.equal(ROWS + 2);
    expect(lines[1]).to.equal('Customer 0000,上海', 'in the list order');
    expect(lines).to.include(`Customer 0007,"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines).to.include('Customer 0008,<script>alert(1)</script>');
    await waitUntil(() => !bar(el), 'the bar goes when done', { timeout: 10000 });
    expect(status(el)).to.equal('已导出 3000 条', 'in the language the export began in, like its header');
  });

  it('cancels from the keyboard before the next page: no event, no download, says so', async () => {
    const el = await listOf('en');
    await loaded(el);
    const reads = holdable(store);
    reads.hold();
    let events = 0;
    el.addEventListener('kehu-record-export', () => events++);
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), create(blob));
    try {
      root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
      await reads.step();
      await waitUntil(() => bar(el)?.getAttribute('aria-valuenow') === '500', 'the first page read', {
        timeout: 10000,
      });
      root(el).querySelector<HTMLButtonElement>('[part~="export-progress"] button')!.focus();
      await sendKeys({ press: 'Enter' });
      reads.release();
      await waitUntil(() => status(el) === 'Export cancelled; no file was saved', 'says it was cancelled', {
        timeout: 10000,
      });
      expect(bar(el)).to.equal(null);
      expect(events).to.equal(0);
      expect(saved).to.deep.equal([]);
    } finally {
      URL.createObjectURL = create;
    }
    // The next export runs afresh and completes.
    const exported = oneEvent(el, 'kehu-record-export') as Promise<RecordExportEvent>;
    el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    expect((await exported).detail.count).to.equal(ROWS);
  });

  it('shows no progress bar for an export of one page', async () => {
    const el = await listOf('en');
    await loaded(el);
    el.search = 'customer 0007';
    await waitUntil(() => el.total === 1, 'searched', { timeout: 10000 });
    const reads = holdable(store);
    reads.hold();
    const exported = oneEvent(el, 'kehu-record-export') as Promise<RecordExportEvent>;
    el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    await reads.step();
    expect(bar(el)).to.equal(null);
    reads.release();
    expect((await exported).detail.count).to.equal(1);
  });
});
