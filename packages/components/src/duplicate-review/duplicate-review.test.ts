import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuDuplicateReview } from './duplicate-review.js';
import { reviewStore } from './review-fixtures.js';

let opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
/** What a screen reader says: the text without `aria-hidden` parts. */
const spoken = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
};
const pairs = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="pair"]')];
const status = (el: HTMLElement) => text(root(el).querySelector('[part~="status"]')!);
const radio = (el: HTMLElement, name: string, column: number) =>
  root(el).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)[column];
const button = (el: HTMLElement, label: RegExp) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="actions"] button')].find((b) => label.test(text(b)))!;

async function open(store: Store, locale = 'zh-CN') {
  opened.push(store);
  const el = await fixture<KehuDuplicateReview>(
    html`<kehu-duplicate-review entity="customer" locale=${locale} .store=${store}></kehu-duplicate-review>`,
  );
  await waitUntil(() => pairs(el).length, 'the pairs load');
  return el;
}

describe('<kehu-duplicate-review>', () => {
  describe('when it finds duplicates', () => {
    it('lists the pairs with scores, the entity completeness and a side-by-side comparison (zh-CN)', async () => {
      const el = await open(await reviewStore());
      expect(pairs(el).map(spoken)).to.deep.equal([
        '广州恒达汽车贸易有限公司 与 广州恒达汽车贸易公司 相似度 100%',
        '李明伟 与 李伟明 相似度 86%',
      ]);
      expect(text(root(el).querySelector('[part~="header"]')!)).to.match(
        /5 条记录中发现 2 对疑似重复 · 资料完整度 \d+%/,
      );
      expect(pairs(el)[0].getAttribute('aria-pressed')).to.equal('true');
      const headings = [...root(el).querySelectorAll('[part~="record-heading"]')].map(text);
      expect(headings[0]).to.contain('资料完整度 83%');
      // c2 has the email and c1 the city: the emptier side takes the other's value by default.
      expect(radio(el, 'keep', 0).checked).to.equal(true);
      expect(radio(el, 'pick-email', 1).checked).to.equal(true);
      expect(radio(el, 'pick-name', 0).checked).to.equal(true);
    });

    it('merges with values picked by keyboard, re-points references, and undoes', async () => {
      const store = await reviewStore();
      const el = await open(store);
      // Keyboard only: focus the name choice of record 1, move to record 2 with an arrow key.
      radio(el, 'pick-name', 0).focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(radio(el, 'pick-name', 1).checked).to.equal(true);
      button(el, /合并/).focus();
      const merged = oneEvent(el, 'kehu-merge');
      await sendKeys({ press: 'Enter' });
      expect((await merged).detail).to.deep.equal({ entity: 'customer', survivor: 'c1', merged: ['c2'] });
      await waitUntil(() => /已将/.test(status(el)), 'the merge is announced');
      expect(status(el)).to.equal('已将「广州恒达汽车贸易公司」合并到「广州恒达汽车贸易公司」，改指引用 1 处。');
      const survivor = await store.entity('customer').get('c1');
      expect(survivor).to.include({ name: '广州恒达汽车贸易公司', email: 'hengda@example.cn', city: '广州' });
      expect(await store.entity('customer').get('c2')).to.equal(null);
      expect((await store.entity('vehicle').get('v1'))?.owner).to.equal('c1');
      await waitUntil(() => pairs(el).length === 1, 'the merged pair leaves the list');

      const undone = oneEvent(el, 'kehu-merge-undo');
      button(el, /撤销上次合并/).click();
      await undone;
      await waitUntil(() => pairs(el).length === 2, 'the pair is back');
      expect(status(el)).to.equal('已撤销合并，「广州恒达汽车贸易公司」已恢复。');
      expect((await store.entity('customer').get('c1'))?.name).to.equal('广州恒达汽车贸易有限公司');
      expect((await store.entity('vehicle').get('v1'))?.owner).to.equal('c2');
      expect(button(el, /撤销上次合并/)).to.equal(undefined);
    });

    it('keeps the record the user chooses, and sets a pair aside as not duplicates (en)', async () => {
      const store = await reviewStore();
      const el = await open(store, 'en');
      pairs(el)[1].click();
      await el.updateComplete;
      radio(el, 'keep', 1).click();
      await el.updateComplete;
      button(el, /^Merge$/).click();
      await waitUntil(() => /Merged/.test(status(el)), 'the merge is announced');
      expect(await store.entity('customer').get('c3')).to.equal(null);
      expect((await store.entity('customer').get('c4'))?.name).to.equal('李伟明');
      button(el, /Not duplicates/).click();
      await el.updateComplete;
      expect(pairs(el)).to.have.length(0);
      expect(text(root(el).querySelector('.empty')!)).to.equal('No likely duplicates found');
    });
  });

  describe('edge cases', () => {
    it('shows names with <script> as text, never running them', async () => {
      const name = '<script>window.__kehuPwned=1</script>';
      const el = await open(await reviewStore({ first: name, second: ` ${name} ` }), 'en');
      await waitUntil(() => pairs(el).length === 2, 'both pairs');
      expect(root(el).querySelector('script')).to.equal(null);
      expect(text(root(el).querySelector('table')!)).to.contain('<script>');
      expect((window as { __kehuPwned?: number }).__kehuPwned).to.equal(undefined);
    });

    it('warns on a bad threshold and uses the default; explains entities without rules and missing stores', async () => {
      const store = await reviewStore();
      opened.push(store);
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const el = await fixture<KehuDuplicateReview>(
          html`<kehu-duplicate-review
            entity="customer"
            threshold="abc"
            locale="en"
            .store=${store}
          ></kehu-duplicate-review>`,
        );
        await waitUntil(() => pairs(el).length === 2, 'default threshold');
      } finally {
        console.warn = warn;
      }
      expect(warnings.join()).to.contain('threshold "NaN"');
      const vehicles = await fixture<KehuDuplicateReview>(
        html`<kehu-duplicate-review entity="vehicle" locale="en" .store=${store}></kehu-duplicate-review>`,
      );
      await waitUntil(() => root(vehicles).querySelector('[part~="message"]'), 'message');
      expect(text(root(vehicles).querySelector('[part~="message"]')!)).to.contain('declares no match rules');
      const lonely = await fixture<KehuDuplicateReview>(
        html`<kehu-duplicate-review entity="customer"></kehu-duplicate-review>`,
      );
      expect(root(lonely).querySelector('[part~="message"]')).to.not.equal(null);
      // Set before connection, the same as after.
      const late = document.createElement('kehu-duplicate-review');
      late.store = store;
      late.entity = 'customer';
      late.locale = 'en';
      document.body.append(late);
      await waitUntil(() => pairs(late).length === 2, 'late element loads');
      late.remove();
    });
  });

  describe('accessibility', () => {
    for (const locale of ['zh-CN', 'en'])
      it(`passes axe in ${locale}`, async () => {
        const el = await open(await reviewStore(), locale);
        await expect(el).to.be.accessible();
      });
  });
});
