import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuRecordDetail } from './record-detail.js';
import { detailStore, seedCustomer } from './detail-fixtures.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

async function setup(name?: string) {
  const store = await detailStore();
  opened.push(store);
  const ids = await seedCustomer(store, name);
  return { store, ids };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const value = (el: HTMLElement, label: string) => {
  const entry = [...root(el).querySelectorAll('[part~="entry"]')].find(
    (e) => e.querySelector('dt')!.textContent!.trim() === label,
  );
  return entry?.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim();
};
const relatedLists = (el: HTMLElement) => [...root(el).querySelectorAll('kehu-record-list')];
const rowsOf = (list: Element) =>
  [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]:not([part~="placeholder"])')].map((r) =>
    r.textContent!.replace(/\s+/g, ' ').trim(),
  );

async function open(store: Store, id: string, locale = 'zh-CN') {
  const el = await fixture<KehuRecordDetail>(
    html`<kehu-record-detail entity="customer" record-id=${id} locale=${locale} .store=${store}></kehu-record-detail>`,
  );
  await waitUntil(() => root(el).querySelector('h2'), 'the record loads');
  return el;
}

describe('<kehu-record-detail>', () => {
  describe('when showing a record', () => {
    it('lays out the fields by form section with formatted, masked values (zh-CN)', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      expect(root(el).querySelector('h2')!.textContent).to.equal('杭州阿克米汽配');
      const sections = [...root(el).querySelectorAll('h3')].map((h) => h.textContent!.trim());
      expect(sections.slice(0, 2)).to.deep.equal(['基本信息', '财务']);
      expect(value(el, '重要程度')).to.equal('普通');
      expect(value(el, '手机')).to.equal('138****5678');
      expect(value(el, '信用额度')).to.equal('¥50,000.00');
      await waitUntil(() => value(el, '客户级别') === '普通', 'the level title resolves');
      expect(value(el, '开户行')).to.equal('工商银行');
      expect(text(el)).not.to.contain('13812345678');
    });

    it('speaks English when asked', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer, 'en');
      expect(value(el, 'Importance')).to.equal('Normal');
      expect(value(el, 'Credit limit')).to.equal('CN¥50,000.00');
      expect(text(el)).to.contain('Related records');
    });

    it('follows changes to the record live', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await store.entity('customer').patch(ids.customer, { name: '杭州新名字', importance: 'vip' });
      await waitUntil(() => root(el).querySelector('h2')!.textContent === '杭州新名字');
      expect(value(el, '重要程度')).to.equal('贵宾');
    });

    it('keeps following the record after the host moves it in the page', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      elsewhere.append(el);
      await store.entity('customer').patch(ids.customer, { name: '搬家后的名字' });
      await waitUntil(() => root(el).querySelector('h2')!.textContent === '搬家后的名字');
      elsewhere.remove();
    });

    it('shows a <script> in a name as text', async () => {
      const { store, ids } = await setup('<script>window.hacked = 1</script><img src=x onerror="window.hacked=1">');
      const el = await open(store, ids.customer);
      expect(root(el).querySelector('h2')!.textContent).to.contain('<script>');
      expect(root(el).querySelector('script, img')).to.equal(null);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    });
  });

  describe('related records', () => {
    it('lists every entity that points at the record, with a count', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await waitUntil(() => text(el).includes('车辆 (2)') && text(el).includes('活动 (1)'), text(el));
      const [vehicles] = relatedLists(el);
      expect(vehicles.getAttribute('entity')).to.equal('vehicle');
      await waitUntil(() => rowsOf(vehicles).length === 2, 'the vehicles load');
      expect(rowsOf(vehicles).join('|')).to.contain('浙A12345').and.to.contain('浙B54321');
    });

    it('shows none for an entity with no records pointing here, and updates the count live', async () => {
      const { store, ids } = await setup();
      const other = await store.entity('customer').insert({ name: '空客户' });
      const el = await open(store, other.id);
      await waitUntil(() => text(el).includes('车辆 (0)'));
      expect(relatedLists(el)).to.have.length(0);
      await store.entity('vehicle').insert({ plate: '沪C00001', owner: other.id });
      await waitUntil(() => text(el).includes('车辆 (1)'));
      expect(ids.customer).to.be.a('string');
    });

    it('lets kehu-record-activate from a related row reach the page', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await waitUntil(() => relatedLists(el)[0] && rowsOf(relatedLists(el)[0]).length === 2);
      const row = relatedLists(el)[0].shadowRoot!.querySelector<HTMLElement>('[part~="row"]')!;
      const event = oneEvent(document, 'kehu-record-activate');
      row.click();
      const { detail } = await event;
      expect(detail.entity).to.equal('vehicle');
    });
  });

  describe('when the record is not there', () => {
    it('says it was deleted, live, and comes back when restored', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await store.entity('customer').remove(ids.customer);
      await waitUntil(() => text(el).includes('这条记录已被删除'));
      await store.entity('customer').restore(ids.customer);
      await waitUntil(() => root(el).querySelector('h2'));
    });

    it('says an unknown id is not found', async () => {
      const { store } = await setup();
      const el = await fixture<KehuRecordDetail>(
        html`<kehu-record-detail entity="customer" record-id="nope" locale="en" .store=${store}></kehu-record-detail>`,
      );
      await waitUntil(() => text(el).includes('No such record (id nope)'));
    });

    it('explains a missing record-id or an unknown entity instead of throwing', async () => {
      const { store } = await setup();
      const el = await fixture<KehuRecordDetail>(
        html`<kehu-record-detail entity="custmer" record-id="x" locale="zh-CN" .store=${store}></kehu-record-detail>`,
      );
      expect(text(el)).to.contain('未知实体「custmer」');
      el.entity = 'customer';
      el.recordId = '';
      await el.updateComplete;
      expect(text(el)).to.contain('请设置 record-id');
    });

    it('behaves the same when its properties are set before it is attached', async () => {
      const { store, ids } = await setup();
      const el = document.createElement('kehu-record-detail');
      el.store = store;
      el.entity = 'customer';
      el.recordId = ids.customer;
      el.locale = 'en';
      const holder = await fixture(html`<div></div>`);
      holder.append(el);
      await waitUntil(() => root(el).querySelector('h2')?.textContent === '杭州阿克米汽配');
    });
  });

  describe('accessibility', () => {
    for (const locale of ['zh-CN', 'en']) {
      it(`passes axe in ${locale}`, async () => {
        const { store, ids } = await setup();
        const el = await open(store, ids.customer, locale);
        await waitUntil(() => relatedLists(el).length === 2 && rowsOf(relatedLists(el)[0]).length === 2);
        await expect(el).to.be.accessible();
      });
    }
  });
});
