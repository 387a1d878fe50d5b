import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import { NEVER } from 'rxjs';
import '../store-provider/define.js';
import './define.js';
import type { KehuStoreProvider } from '../store-provider/store-provider.js';
import type { KehuRecordList } from './record-list.js';

const levelSchema: JsonSchema = {
  $id: 'customer-level',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户级别', en: 'Level' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 50, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } } },
};

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户', en: 'Customer' },
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    list: {
      columns: ['name', 'importance', 'level', 'mobile', 'creditLimit', 'since', 'active'],
      sort: { field: 'name', direction: 'asc' },
    },
    search: ['name'],
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
    importance: {
      type: 'string',
      enum: ['vip', 'normal'],
      'x-kehu': {
        label: { 'zh-CN': '重要程度', en: 'Importance' },
        enumLabels: { vip: { 'zh-CN': '贵宾', en: 'VIP' }, normal: { 'zh-CN': '普通', en: 'Normal' } },
      },
    },
    level: {
      type: 'string',
      maxLength: 64,
      'x-kehu': { label: { 'zh-CN': '客户级别', en: 'Level' }, ref: 'customer-level' },
    },
    mobile: { type: 'string', maxLength: 11, 'x-kehu': { label: { 'zh-CN': '手机', en: 'Mobile' }, sensitive: true } },
    creditLimit: {
      type: 'number',
      minimum: 0,
      'x-kehu': { label: { 'zh-CN': '信用额度', en: 'Credit limit' }, widget: 'money' },
    },
    since: { type: 'string', format: 'date', 'x-kehu': { label: { 'zh-CN': '建档日期', en: 'Since' } } },
    active: { type: 'boolean', 'x-kehu': { label: { 'zh-CN': '有效', en: 'Active' } } },
  },
};

/** The test entity's repository, untyped: it is not the shipped customer schema. */
const repository = (store: Store, entity: string) => store.entity(entity);

let opened: Store[] = [];
let storeCount = 0;

/** A fresh store (IndexedDB, unique name) with the given customers. */
async function storeWith(customers: Record<string, unknown>[] = []): Promise<Store> {
  const store = await createStore({
    entities: [levelSchema, customerSchema],
    name: `record-list-${Date.now()}-${storeCount++}`,
  });
  opened.push(store);
  if (customers.length) await repository(store, 'customer').bulkInsert(customers);
  return store;
}

const threeCustomers = [
  { name: 'Bao Lin', importance: 'normal', creditLimit: 500, active: false },
  {
    name: 'Alice Wang',
    importance: 'vip',
    mobile: '13812341234',
    creditLimit: 12345.5,
    since: '2024-03-05',
    active: true,
  },
  { name: 'Zhou Min', importance: 'normal' },
];

const shadow = (el: KehuRecordList) => el.shadowRoot!;
/** Rows showing a record (not placeholders), in display order. */
const dataRows = (el: KehuRecordList) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="row"]:not([part~="placeholder"])')].sort(
    (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
  );
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll<HTMLElement>('[part~="cell"]')].map((c) => c.textContent!.trim());
const headers = (el: KehuRecordList) => [...shadow(el).querySelectorAll<HTMLElement>('[role="columnheader"]')];
/** Column labels, without the ▲/▼ of the sorted column. */
const headerTexts = (el: KehuRecordList) => headers(el).map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
const countText = (el: KehuRecordList) => shadow(el).querySelector('[part~="count"]')!.textContent!.trim();
const firstName = (el: KehuRecordList) => (dataRows(el)[0] ? cells(dataRows(el)[0])[0] : undefined);

async function listOf(store: Store, locale = 'en', entity = 'customer'): Promise<KehuRecordList> {
  const el = await fixture<KehuRecordList>(
    html`<kehu-record-list entity=${entity} locale=${locale} .store=${store}></kehu-record-list>`,
  );
  return el;
}

async function shown(el: KehuRecordList, rows: number): Promise<void> {
  await waitUntil(() => dataRows(el).length === rows, `expected ${rows} rows, saw ${dataRows(el).length}`);
}

// Scrolling a virtualizer far in one step makes Chromium report a benign ResizeObserver loop;
// the virtualizer's own tests ignore it the same way.
setupIgnoreWindowResizeObserverLoopErrors(before, after);

afterEach(async () => {
  for (const store of opened) await store.close();
  opened = [];
});

describe('<kehu-record-list>', () => {
  describe('when showing an entity', () => {
    it('should label the columns from the schema in zh-CN', async () => {
      const el = await listOf(await storeWith(threeCustomers), 'zh-CN');
      expect(headerTexts(el)).to.deep.equal([
        '客户名称',
        '重要程度',
        '客户级别',
        '手机',
        '信用额度',
        '建档日期',
        '有效',
      ]);
      await waitUntil(() => countText(el) === '共 3 条');
    });

    it('should label the columns from the schema in en', async () => {
      const el = await listOf(await storeWith(threeCustomers), 'en');
      expect(headerTexts(el)).to.deep.equal([
        'Name',
        'Importance',
        'Level',
        'Mobile',
        'Credit limit',
        'Since',
        'Active',
      ]);
      await waitUntil(() => countText(el) === '3 records');
    });

    it('should format values by field kind and mask sensitive ones', async () => {
      const store = await storeWith();
      const gold = await repository(store, 'customer-level').insert({ name: 'Gold' });
      await repository(store, 'customer').insert({ ...threeCustomers[1], level: gold.id });
      const el = await listOf(store, 'en');
      await shown(el, 1);
      await waitUntil(() => cells(dataRows(el)[0])[2] === 'Gold', 'the level title resolves');
      const [name, importance, level, mobile, credit, since, active] = cells(dataRows(el)[0]);
      expect({ name, importance, level, mobile, credit, since }).to.deep.equal({
        name: 'Alice Wang',
        importance: 'VIP',
        level: 'Gold',
        mobile: '138****1234',
        credit: 'CN¥12,345.50',
        since: 'Mar 5, 2024',
      });
      expect(active).to.contain('✓');
      expect(shadow(el).textContent).not.to.contain('13812341234');
    });

    it('should export referenced records by their titles, fetched for the export itself', async () => {
      const store = await storeWith();
      const gold = await repository(store, 'customer-level').insert({ name: 'Gold' });
      await repository(store, 'customer').insert({ name: 'Zed', importance: 'normal', level: gold.id });
      const el = await listOf(store, 'en');
      await shown(el, 1);
      const exported = oneEvent(el, 'kehu-record-export');
      el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
      [...shadow(el).querySelectorAll<HTMLButtonElement>('button')]
        .find((b) => b.textContent!.trim() === 'Export')!
        .click();
      const { detail } = await exported;
      expect(detail.text.split('\r\n')[1]).to.match(/^Zed,Normal,Gold,/);
    });

    it('should format money and dates for zh-CN', async () => {
      const el = await listOf(await storeWith([threeCustomers[1]]), 'zh-CN');
      await shown(el, 1);
      const row = cells(dataRows(el)[0]);
      expect(row[1]).to.equal('贵宾');
      expect(row[4]).to.equal('¥12,345.50');
      expect(row[5]).to.equal('2024年3月5日');
    });

    it('should render markup in values as text', async () => {
      const el = await listOf(await storeWith([{ name: '<script>window.pwned = true</script><b>x</b>' }]));
      await shown(el, 1);
      expect(cells(dataRows(el)[0])[0]).to.equal('<script>window.pwned = true</script><b>x</b>');
      expect(shadow(el).querySelector('script, b')).to.equal(null);
      expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
    });

    it('should show only the columns it is given', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      el.columns = ['name', 'active'];
      await el.updateComplete;
      expect(headerTexts(el)).to.deep.equal(['Name', 'Active']);
      await shown(el, 3);
      expect(cells(dataRows(el)[0]).length).to.equal(2);
    });

    it('should follow a change of the page language', async () => {
      const store = await storeWith([threeCustomers[1]]);
      const page = await fixture<HTMLDivElement>(
        html`<div lang="en"><kehu-record-list entity="customer" .store=${store}></kehu-record-list></div>`,
      );
      const el = page.querySelector('kehu-record-list')!;
      await shown(el, 1);
      expect(cells(dataRows(el)[0])[1]).to.equal('VIP');
      page.lang = 'zh-CN';
      await waitUntil(() => headerTexts(el)[0] === '客户名称', 'headers switch');
      await waitUntil(() => cells(dataRows(el)[0])[1] === '贵宾', 'cells switch');
      expect(countText(el)).to.equal('共 1 条');
    });

    it('should load every page in view when pages are small', async () => {
      const el = await fixture<KehuRecordList>(
        html`<kehu-record-list
          entity="customer"
          locale="en"
          page-size="1"
          .store=${await storeWith(threeCustomers)}
        ></kehu-record-list>`,
      );
      await shown(el, 3);
      headers(el)[0].querySelector('button')!.click();
      await waitUntil(() => firstName(el) === 'Zhou Min');
      await shown(el, 3);
    });

    it('should pass an accessibility check', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      await expect(el).to.be.accessible();
    });
  });

  describe('when sorting', () => {
    it('should start in the entity’s default order', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      expect(dataRows(el).map((r) => cells(r)[0])).to.deep.equal(['Alice Wang', 'Bao Lin', 'Zhou Min']);
      expect(headers(el)[0].getAttribute('aria-sort')).to.equal('ascending');
    });

    it('should sort by a clicked header, then the other way', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      const credit = () => headers(el)[4].querySelector('button')!;
      credit().click();
      await waitUntil(() => firstName(el) === 'Zhou Min', 'no credit limit sorts first ascending');
      expect(headers(el)[4].getAttribute('aria-sort')).to.equal('ascending');
      expect(headers(el)[0].getAttribute('aria-sort')).to.equal('none');
      credit().click();
      await waitUntil(() => firstName(el) === 'Alice Wang', 'the largest credit limit comes first descending');
      expect(headers(el)[4].getAttribute('aria-sort')).to.equal('descending');
    });

    it('should sort from the keyboard', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      headers(el)[0].querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => firstName(el) === 'Zhou Min', 'Enter sorts by name descending');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => firstName(el) === 'Alice Wang', 'Space sorts by name ascending');
    });

    it('should take a sort set before it is attached', async () => {
      const store = await storeWith(threeCustomers);
      const el = document.createElement('kehu-record-list');
      el.store = store;
      el.sort = { field: 'name', direction: 'desc' };
      el.entity = 'customer';
      el.locale = 'en';
      const holder = await fixture(html`<div></div>`);
      holder.append(el);
      await shown(el, 3);
      expect(firstName(el)).to.equal('Zhou Min');
    });
  });

  describe('when given a selector', () => {
    it('should list and count only the records that meet it, and follow a new selector', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      el.selector = { importance: 'normal' };
      await shown(el, 2);
      expect(dataRows(el).map((row) => cells(row)[0])).to.deep.equal(['Bao Lin', 'Zhou Min']);
      await waitUntil(() => countText(el) === '2 records');
      el.selector = { importance: 'vip' };
      await shown(el, 1);
      expect(firstName(el)).to.equal('Alice Wang');
      await waitUntil(() => countText(el) === '1 record');
    });
  });

  describe('when searching', () => {
    it('should filter the rows and the count as the user types', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      const input = shadow(el).querySelector<HTMLInputElement>('[part~="search"]')!;
      expect(input.getAttribute('aria-label')).to.equal('Search Customers');
      input.focus();
      await sendKeys({ type: 'zhou' });
      await waitUntil(() => countText(el) === '1 record', 'the count follows the search');
      await shown(el, 1);
      expect(firstName(el)).to.equal('Zhou Min');
      expect(el.search).to.equal('zhou');
    });

    it('should keep the found rows and the count current as records change', async () => {
      const store = await storeWith(threeCustomers);
      const el = await listOf(store);
      el.search = 'zhou';
      await waitUntil(() => countText(el) === '1 record', 'the search applies');
      await repository(store, 'customer').insert({ name: 'Zhou Lei' });
      await waitUntil(() => countText(el) === '2 records', 'an inserted match is counted');
      await shown(el, 2);
      const [first] = await repository(store, 'customer').find({ search: 'zhou min' });
      await repository(store, 'customer').patch(first.id, { name: 'Min Wu' });
      await waitUntil(() => countText(el) === '1 record', 'a record renamed away from the search leaves it');
      expect(firstName(el)).to.equal('Zhou Lei');
    });

    it('should get the store ready for searching when the search box is focused', async () => {
      const store = await storeWith(threeCustomers);
      const customers = repository(store, 'customer');
      let readied = 0;
      const ready = customers.searchReady.bind(customers);
      customers.searchReady = () => {
        readied++;
        return ready();
      };
      const el = await listOf(store);
      await shown(el, 3);
      expect(readied).to.equal(0, 'not before the user goes to search');
      shadow(el).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      expect(readied).to.equal(1);
    });

    it('should say so when nothing matches', async () => {
      const el = await listOf(await storeWith(threeCustomers), 'zh-CN');
      el.search = 'nobody';
      await waitUntil(() => shadow(el).querySelector('[part~="empty"]')?.textContent === '暂无记录');
      expect(countText(el)).to.equal('共 0 条');
    });
  });

  describe('when the store changes', () => {
    it('should show an inserted record without reloading', async () => {
      const store = await storeWith(threeCustomers);
      const el = await listOf(store);
      await shown(el, 3);
      await repository(store, 'customer').insert({ name: 'Aaron Ma' });
      await waitUntil(() => firstName(el) === 'Aaron Ma', 'the new record appears first');
      await waitUntil(() => countText(el) === '4 records');
    });

    it('should drop a removed record and show edits', async () => {
      const store = await storeWith(threeCustomers);
      const el = await listOf(store);
      await shown(el, 3);
      const [alice, bao] = await repository(store, 'customer').find({
        sort: { field: 'name', direction: 'asc' },
        limit: 2,
      });
      await repository(store, 'customer').remove(alice.id);
      await repository(store, 'customer').patch(bao.id, { importance: 'vip' });
      await waitUntil(() => countText(el) === '2 records');
      await waitUntil(() => firstName(el) === 'Bao Lin' && cells(dataRows(el)[0])[1] === 'VIP');
    });

    it('should stay live after being moved in the page', async () => {
      const store = await storeWith(threeCustomers);
      const el = await listOf(store);
      await shown(el, 3);
      const elsewhere = await fixture(html`<section></section>`);
      elsewhere.append(el);
      await repository(store, 'customer').insert({ name: 'Aaron Ma' });
      await waitUntil(() => firstName(el) === 'Aaron Ma', 'the list still follows the store');
    });

    it('should show records once a provider gets its store', async () => {
      const store = await storeWith(threeCustomers);
      const provider = await fixture<KehuStoreProvider>(
        html`<kehu-store-provider
          ><kehu-record-list entity="customer" locale="en"></kehu-record-list
        ></kehu-store-provider>`,
      );
      const el = provider.querySelector('kehu-record-list')!;
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="message"]')!.textContent).to.contain('No store');
      provider.store = store;
      await shown(el, 3);
    });
  });

  describe('when a row is activated', () => {
    it('should send the record on click', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      const row = dataRows(el)[1];
      setTimeout(() => row.querySelector<HTMLElement>('[part~="cell"]')!.click());
      const event = await oneEvent(el, 'kehu-record-activate');
      expect(event.detail.entity).to.equal('customer');
      expect(event.detail.record.name).to.equal('Bao Lin');
      expect(event.detail.id).to.equal(event.detail.record.id);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('should send the record on Enter, after moving with the arrow keys', async () => {
      const el = await listOf(await storeWith(threeCustomers));
      await shown(el, 3);
      const first = dataRows(el)[0];
      expect(first.getAttribute('tabindex')).to.equal('0');
      expect(first.getAttribute('aria-label')).to.equal('Alice Wang');
      first.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => shadow(el).activeElement === dataRows(el)[1], 'focus moves to the next row');
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'kehu-record-activate');
      expect(event.detail.record.name).to.equal('Bao Lin');
    });
  });

  describe('when it cannot show records', () => {
    it('should name the known entities for an unknown one', async () => {
      const el = await listOf(await storeWith(), 'en', 'costomer');
      const message = shadow(el).querySelector('[part~="message"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('costomer');
      expect(message.textContent).to.contain('customer-level, customer');
    });

    it('should explain in zh-CN when no entity is set', async () => {
      const el = await fixture<KehuRecordList>(html`<kehu-record-list locale="zh-CN"></kehu-record-list>`);
      expect(shadow(el).querySelector('[part~="message"]')!.textContent).to.equal('请设置 entity 属性（实体名称）。');
    });

    it('should show records once the entity is set after attaching', async () => {
      const el = await listOf(await storeWith(threeCustomers), 'en', '');
      el.entity = 'customer';
      await shown(el, 3);
    });
  });

  describe('when the count is slow', () => {
    it('should show the first rows before the total arrives', async () => {
      const store = await storeWith(threeCustomers);
      // A store whose counts never answer, as a count over a huge entity may take a while.
      const stalled = new Proxy(store, {
        get(target, key, receiver) {
          if (key !== 'entity') return Reflect.get(target, key, receiver);
          return (name: string) => {
            const real = target.entity(name);
            return new Proxy(real, {
              get: (r, k) => {
                const value = Reflect.get(r, k);
                if (k === 'count$') return () => NEVER;
                return typeof value === 'function' ? value.bind(r) : value;
              },
            });
          };
        },
      });
      const el = await listOf(stalled);
      await shown(el, 3);
      expect(firstName(el)).to.equal('Alice Wang');
      expect(countText(el)).not.to.match(/3 records/);
    });
  });

  describe('when the entity has many records', () => {
    it('should render only the rows in view and load more as it scrolls', async function (this: Mocha.Context) {
      this.timeout(60000);
      const customers = Array.from({ length: 5000 }, (_, i) => ({ name: `Customer ${String(i).padStart(4, '0')}` }));
      const el = await listOf(await storeWith(customers));
      await waitUntil(() => countText(el) === '5,000 records', 'the count', { timeout: 10000 });
      await waitUntil(() => dataRows(el).length > 0, 'first rows', { timeout: 10000 });
      expect(firstName(el)).to.equal('Customer 0000');
      expect(shadow(el).querySelectorAll('[part~="row"]').length).to.be.below(60);
      const table = shadow(el).querySelector('[role="grid"]')!;
      expect(table.getAttribute('aria-rowcount')).to.equal('5001');
      const body = shadow(el).querySelector('lit-virtualizer')!;
      await waitUntil(
        () => {
          // Like a user dragging the scrollbar to the end: the height settles as rows are measured.
          body.scrollTop = body.scrollHeight;
          return dataRows(el).some((r) => cells(r)[0] === 'Customer 4999');
        },
        'the last record loads when scrolled to',
        { timeout: 20000 },
      );
      expect(shadow(el).querySelectorAll('[part~="row"]').length).to.be.below(60);
    });

    it('should render the rows in view first, then rows past them for scrolling', async () => {
      const customers = Array.from({ length: 300 }, (_, i) => ({ name: `Customer ${String(i).padStart(3, '0')}` }));
      const store = await storeWith(customers);
      const el = await fixture<KehuRecordList>(
        html`<kehu-record-list entity="customer" locale="en"></kehu-record-list>`,
      );
      let firstPass = 0;
      const observer = new MutationObserver(() => (firstPass ||= dataRows(el).length));
      observer.observe(shadow(el), { childList: true, subtree: true });
      el.store = store;
      await waitUntil(() => firstPass > 0, 'the first rows', { timeout: 10000 });
      observer.disconnect();
      const inView = Math.ceil(
        shadow(el).querySelector('lit-virtualizer')!.clientHeight / dataRows(el)[0].offsetHeight,
      );
      expect(firstPass).to.be.within(inView - 1, inView + 1);
      await waitUntil(() => dataRows(el).length > inView + 10, 'rows past the view, ready for scrolling');
    });
  });
});
