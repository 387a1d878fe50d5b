import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuRecordTimeline } from './record-timeline.js';
import { detailStore, seedCustomer } from '../record-detail/detail-fixtures.js';

let opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

async function setup(name?: string, user?: { id: string; name?: string }) {
  const store = await detailStore(user);
  opened.push(store);
  const ids = await seedCustomer(store, name);
  return { store, ids };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const items = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="item"]')].map((i) => i.textContent!.replace(/\s+/g, ' ').trim());
const days = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="day-heading"]')].map((h) => h.textContent!.trim());

async function open(store: Store, id: string, locale = 'zh-CN', limit?: number) {
  const el = await fixture<KehuRecordTimeline>(
    html`<kehu-record-timeline
      entity="customer"
      record-id=${id}
      locale=${locale}
      .limit=${limit ?? 20}
      .store=${store}
    ></kehu-record-timeline>`,
  );
  await waitUntil(() => items(el).length, 'the history loads');
  return el;
}

describe('<kehu-record-timeline>', () => {
  describe('when the record changes', () => {
    it('shows who changed which field from what to what, with labels and titles (zh-CN)', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await store.entity('customer').patch(ids.customer, { importance: 'vip', level: ids.gold });
      await waitUntil(() => items(el).some((i) => i.includes('重要程度')), items(el).join('\n'));
      await waitUntil(
        () => items(el).some((i) => i.includes('张三 将客户级别从「普通」改为「金牌」')),
        items(el).join('\n'),
      );
      expect(items(el)[0]).to.contain('张三 将重要程度从「普通」改为「贵宾」');
      expect(items(el).filter((i) => i.includes('张三 创建了记录'))).to.have.length(1);
    });

    it('keeps following the record after the host moves it in the page', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      elsewhere.append(el);
      await store.entity('customer').patch(ids.customer, { importance: 'vip' });
      await waitUntil(() => items(el).some((i) => i.includes('重要程度')), items(el).join('\n'));
      elsewhere.remove();
    });

    it('says the same in English', async () => {
      const { store, ids } = await setup(undefined, { id: 'u2', name: 'Alice' });
      await store.entity('customer').patch(ids.customer, { importance: 'vip', mobile: '13900000000' });
      const el = await open(store, ids.customer, 'en');
      await waitUntil(
        () => items(el)[0]?.includes('Alice changed Importance from Normal to VIP'),
        items(el).join('\n'),
      );
      // Sensitive values stay masked in the history too.
      expect(items(el)[0]).to.contain('Alice changed Mobile from 138****5678 to 139****0000');
    });

    it('describes nested fields and child rows', async () => {
      const { store, ids } = await setup();
      const customers = store.entity('customer');
      await customers.patch(ids.customer, { contacts: [{ name: '李四' }] });
      await customers.patch(ids.customer, {
        bankAccount: { bank: '建设银行', accountNumber: '6222021234567890' },
        contacts: [{ name: '李四', title: '经理' }],
      });
      const el = await open(store, ids.customer);
      const text = items(el).join('\n');
      expect(text).to.contain('张三 将银行账户 › 开户行从「工商银行」改为「建设银行」');
      expect(text).to.contain('张三 修改了联系人第 1 行：联系人 › 职务「空」→「经理」');
      expect(text).to.contain('张三 将联系人设为「1」');
    });

    it('records deletion and restoring', async () => {
      const { store, ids } = await setup(undefined, { id: 'x' });
      await store.entity('customer').remove(ids.customer);
      await store.entity('customer').restore(ids.customer);
      const el = await open(store, ids.customer);
      await waitUntil(() => items(el).length >= 4);
      expect(items(el).slice(0, 2).join('|')).to.contain('x 恢复了记录').and.to.contain('x 删除了记录');
    });

    it('keeps markup in names and values as text', async () => {
      const { store, ids } = await setup('<img src=x onerror="window.hacked=1">');
      await store.entity('customer').patch(ids.customer, { name: '<script>window.hacked=1</script>' });
      const el = await open(store, ids.customer);
      expect(items(el)[0]).to.contain('<script>');
      expect(root(el).querySelector('script, img')).to.equal(null);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    });
  });

  describe('related dated records', () => {
    it('places activities on their day and opens them with the keyboard', async () => {
      const { store, ids } = await setup();
      const el = await open(store, ids.customer);
      await waitUntil(() => items(el).some((i) => i.includes('活动：回访')), items(el).join('\n'));
      expect(days(el).some((d) => d!.startsWith('2024年3月5日'))).to.equal(true, days(el).join());
      const activity = items(el).find((i) => i.includes('回访'))!;
      expect(activity).to.contain('计划日期 2024年3月5日').and.to.contain('电话');
      // Vehicles point here too but have no date: not on the timeline.
      expect(items(el).join()).not.to.contain('浙A12345');
      const button = root(el).querySelector<HTMLButtonElement>('[part~="related"]')!;
      button.focus();
      const event = oneEvent(el, 'kehu-record-activate');
      await sendKeys({ press: 'Enter' });
      const { detail } = await event;
      expect(detail.entity).to.equal('activity');
      expect(detail.record.subject).to.equal('回访');
    });
  });

  describe('with a long history', () => {
    it('shows a bounded number of events and more on request', async () => {
      const { store, ids } = await setup();
      for (let i = 0; i < 6; i++) await store.entity('customer').patch(ids.customer, { creditLimit: 1000 + i });
      const el = await open(store, ids.customer, 'en', 3);
      await waitUntil(() => items(el).length === 3);
      const more = root(el).querySelector<HTMLButtonElement>('[part~="more"]')!;
      expect(more.textContent!.trim()).to.equal('Show more');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => items(el).length === 6);
      more.click();
      await waitUntil(() => items(el).length === 8, items(el).join('\n'));
      expect(root(el).querySelector('[part~="more"]')).to.equal(null);
    });
  });

  describe('edge cases', () => {
    it('warns about a bad limit and uses the default', async () => {
      const { store, ids } = await setup();
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        const el = await open(store, ids.customer, 'en', -4);
        expect(items(el).length).to.equal(2);
      } finally {
        console.warn = warn;
      }
      expect(String(warnings[0])).to.contain('limit');
    });

    it('shows the empty state for a record without history', async () => {
      const { store } = await setup();
      const el = await fixture<KehuRecordTimeline>(
        html`<kehu-record-timeline
          entity="customer"
          record-id="nope"
          locale="en"
          .store=${store}
        ></kehu-record-timeline>`,
      );
      await waitUntil(() => root(el).querySelector('[part~="empty"]'));
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('Nothing has happened yet');
    });
  });

  describe('accessibility', () => {
    for (const locale of ['zh-CN', 'en']) {
      it(`passes axe in ${locale}`, async () => {
        const { store, ids } = await setup();
        await store.entity('customer').patch(ids.customer, { importance: 'vip' });
        const el = await open(store, ids.customer, locale, 2);
        await waitUntil(() => root(el).querySelector('[part~="more"]'));
        await expect(el).to.be.accessible();
      });
    }
  });
});
