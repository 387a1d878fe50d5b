import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import { afterEach, closeStores, describe, it, settle, testStore, typeInto } from './test-support.js';

const q = <T extends Element = HTMLInputElement>(el: KehuRecordForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** The error text shown for the control with `id`, found the way a screen reader would: via aria-describedby. */
function errorFor(el: KehuRecordForm, id: string): string | undefined {
  const control = q(el, `#${id}`)!;
  if (control.getAttribute('aria-invalid') !== 'true') return undefined;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const message = ids.map((i) => q(el, `#${i}`)).find((node) => node?.matches('[part~="error"]'));
  return message?.textContent?.replace(/\s+/g, ' ').trim();
}

async function form(store: Store, locale = 'zh-CN') {
  return fixture<KehuRecordForm>(
    html`<kehu-record-form entity="order" .store=${store} locale=${locale}></kehu-record-form>`,
  );
}

async function submit(el: KehuRecordForm) {
  q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
  await settle(20);
  await el.updateComplete;
}

afterEach(closeStores);

describe('<kehu-record-form>', () => {
  describe('when required fields are missing', () => {
    it('should show the message under each field, focus the first and store nothing', async () => {
      const store = await testStore();
      const el = await form(store);
      let saves = 0;
      el.addEventListener('kehu-record-save', () => saves++);
      await submit(el);
      expect(errorFor(el, 'field-title')).to.contain('标题');
      expect(errorFor(el, 'field-quantity')).to.contain('数量');
      expect(q(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.activeElement?.id).to.equal('field-title');
      expect(await store.entity('order').count()).to.equal(0);
      expect(saves).to.equal(0);
    });

    it('should say it in English when locale is en', async () => {
      const el = await form(await testStore(), 'en');
      await submit(el);
      expect(errorFor(el, 'field-title')).to.contain('Title');
    });
  });

  describe('when a value has the wrong format or is out of range', () => {
    it('should name the problem under the field and store nothing', async () => {
      const store = await testStore();
      const el = await form(store);
      typeInto(q(el, '#field-title'), 'T');
      typeInto(q(el, '#field-email'), 'not-an-email');
      typeInto(q(el, '#field-quantity'), '1000');
      typeInto(q(el, '#field-discount'), '-1');
      await submit(el);
      expect(errorFor(el, 'field-email')).to.match(/邮箱/);
      expect(errorFor(el, 'field-quantity')).to.match(/999/);
      expect(errorFor(el, 'field-discount')).to.match(/0/);
      expect(errorFor(el, 'field-title')).to.equal(undefined);
      expect(el.shadowRoot!.activeElement?.id).to.equal('field-email');
      expect(await store.entity('order').count()).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('when a line-item cell is invalid', () => {
    it('should show the message in that cell', async () => {
      const store = await testStore();
      const el = await form(store);
      typeInto(q(el, '#field-title'), 'T');
      typeInto(q(el, '#field-quantity'), '1');
      // The line table is drawn by a module loaded when a form first shows one.
      await waitUntil(() => q(el, '[data-path="field-lines"] > [part~="add-button"]'), 'the line table');
      for (let i = 0; i < 3; i++) q<HTMLButtonElement>(el, '[data-path="field-lines"] > [part~="add-button"]')!.click();
      await settle();
      for (let i = 0; i < 3; i++) {
        typeInto(q(el, `#field-lines-${i}-product`), `P${i}`);
        typeInto(q(el, `#field-lines-${i}-quantity`), i === 2 ? '0' : '1');
      }
      await submit(el);
      expect(errorFor(el, 'field-lines-2-quantity')).to.contain('第3行');
      expect(errorFor(el, 'field-lines-1-quantity')).to.equal(undefined);
      expect(q(el, '#field-lines-2-quantity')!.closest('td')!.querySelector('[part~="error"]')).to.exist;
      expect(await store.entity('order').count()).to.equal(0);
    });
  });

  describe('when a field with an error changes', () => {
    it('should re-validate that field at once', async () => {
      const el = await form(await testStore());
      await submit(el);
      expect(errorFor(el, 'field-title')).to.exist;
      typeInto(q(el, '#field-title'), 'now valid');
      expect(errorFor(el, 'field-title')).to.equal(undefined);
      expect(errorFor(el, 'field-quantity')).to.exist;
      typeInto(q(el, '#field-email'), 'bad');
      expect(errorFor(el, 'field-email')).to.equal(undefined, 'fields without a shown error wait for Save');
    });
  });

  describe('when the store refuses the record', () => {
    it('should show its issues under the fields and keep every input', async () => {
      const store = await testStore();
      await store.entity('order').insert({ title: '重复', quantity: 1 });
      const el = await form(store);
      typeInto(q(el, '#field-title'), '重复');
      typeInto(q(el, '#field-quantity'), '2');
      typeInto(q(el, '#field-note'), '保留我');
      await submit(el);
      await waitUntil(() => errorFor(el, 'field-title'));
      expect(errorFor(el, 'field-title')).to.contain('已被');
      expect(q(el, '#field-title')!.value).to.equal('重复');
      expect(q<HTMLTextAreaElement>(el, '#field-note')!.value).to.equal('保留我');
      expect(await store.entity('order').count()).to.equal(1);
    });
  });

  describe('when an issue concerns the record as a whole', () => {
    it('should list it in the summary at the top', async () => {
      const store = await testStore();
      const el = await form(store);
      const entity = store.entities.get('order')!;
      const validate = entity.validate;
      entity.validate = () => [
        {
          path: [],
          keyword: 'rule',
          label: { 'zh-CN': '订单', en: 'Order' },
          message: { 'zh-CN': '订单金额超出信用额度', en: 'Over the credit limit' },
        },
      ];
      try {
        await submit(el);
        const summary = q(el, '[part~="summary"]')!;
        expect(summary.getAttribute('role')).to.equal('alert');
        expect(summary.textContent).to.contain('订单金额超出信用额度');
        expect(await store.entity('order').count()).to.equal(0);
      } finally {
        entity.validate = validate;
      }
    });
  });
});
