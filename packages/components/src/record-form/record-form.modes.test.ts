import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JsonSchema, Store } from '@kehu/core';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import type { KehuLineItems } from '../line-items/line-items.js';
import { serviceOrderSchema } from '../line-items/test-fixtures.js';
import { afterEach, closeStores, describe, it, settle, testStore, typeInto } from './test-support.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });
const q = <T extends Element = HTMLInputElement>(el: KehuRecordForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** A client with tabs, B2B-only fields (one by hint, one by if/then) and a computed field. */
const clientSchema: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('客户', 'Client'),
    form: {
      layout: 'tabs',
      sections: [
        { id: 'basic', ...label('基本', 'Basic'), fields: ['name', 'type', 'creditCode'] },
        { id: 'finance', ...label('财务', 'Finance'), fields: ['taxNumber', 'creditLimit', 'deposit', 'available'] },
      ],
    },
  },
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50, 'x-kehu': label('名称', 'Name') },
    type: {
      type: 'string',
      enum: ['consumer', 'b2b'],
      'x-kehu': {
        ...label('类型', 'Type'),
        enumLabels: { consumer: { 'zh-CN': '个人', en: 'Consumer' }, b2b: { 'zh-CN': '企业', en: 'Business' } },
      },
    },
    creditCode: {
      type: 'string',
      maxLength: 18,
      'x-kehu': { ...label('信用代码', 'Credit code'), visibleWhen: { field: 'type', in: ['b2b'] } },
    },
    taxNumber: { type: 'string', maxLength: 20, 'x-kehu': label('税号', 'Tax number') },
    creditLimit: { type: 'number', minimum: 0, 'x-kehu': { ...label('信用额度', 'Credit limit'), widget: 'money' } },
    deposit: { type: 'number', minimum: 0, 'x-kehu': { ...label('押金', 'Deposit'), widget: 'money' } },
    available: {
      type: 'number',
      multipleOf: 0.01,
      'x-kehu': { ...label('可用额度', 'Available'), widget: 'money', formula: 'creditLimit - coalesce(deposit, 0)' },
    },
  },
  allOf: [{ if: { properties: { type: { const: 'b2b' } }, required: ['type'] }, then: { required: ['taxNumber'] } }],
};

async function clientForm(store: Store, locale = 'zh-CN') {
  return fixture<KehuRecordForm>(
    html`<kehu-record-form entity="client" .store=${store} locale=${locale}></kehu-record-form>`,
  );
}

afterEach(closeStores);

describe('<kehu-record-form>', () => {
  describe('with tabs', () => {
    it('should switch tabs with arrow keys and be accessible in both locales', async () => {
      const el = await clientForm(await testStore([clientSchema]));
      const tabs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
      expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['基本', '财务']);
      expect(tabs[0].getAttribute('aria-selected')).to.equal('true');
      expect(q(el, '#panel-finance')!.hidden).to.equal(true);
      tabs[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      await settle();
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-finance');
      expect(q(el, '#panel-finance')!.hidden).to.equal(false);
      expect(q(el, '#panel-basic')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
      await expect(await clientForm(await testStore([clientSchema]), 'en')).to.be.accessible();
    });

    it('should badge the tab holding invalid fields and open it on save', async () => {
      const store = await testStore([clientSchema]);
      const el = await clientForm(store);
      typeInto(q(el, '#field-name'), '华通');
      typeInto(q(el, '#field-type'), '1'); // 企业: the tax number becomes required (if/then)
      q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await waitUntil(() => !q(el, '#panel-finance')!.hidden);
      expect(q(el, '#tab-finance [part~="tab-badge"]')!.textContent).to.equal('1');
      expect(q(el, '#tab-finance')!.textContent).to.contain('1 处问题');
      expect(el.shadowRoot!.activeElement?.id).to.equal('field-taxNumber');
      expect(await store.entity('client').count()).to.equal(0);
    });
  });

  describe('with conditional fields', () => {
    it('should show a field only while its condition holds, and drop its value when hidden', async () => {
      const store = await testStore([clientSchema]);
      const el = await clientForm(store);
      expect(q(el, '#field-creditCode')).to.equal(null);
      expect(q(el, '#field-taxNumber')).to.equal(null); // hidden by the schema's if/then
      typeInto(q(el, '#field-type'), '1');
      await settle();
      expect(q(el, '#field-taxNumber')).to.exist;
      typeInto(q(el, '#field-creditCode'), '91330000MA27XXXX1');
      typeInto(q(el, '#field-type'), '0'); // consumer: hidden again
      await settle();
      expect(q(el, '#field-creditCode')).to.equal(null);
      typeInto(q(el, '#field-name'), '张三');
      const saved = oneEvent(el, 'kehu-record-save');
      q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const { record } = (await saved).detail;
      expect(record).to.not.have.property('creditCode');
      expect(record.type).to.equal('consumer');
    });
  });

  describe('with computed fields', () => {
    it('should recompute them as inputs change and keep them read-only', async () => {
      const el = await clientForm(await testStore([clientSchema]));
      typeInto(q(el, '#field-creditLimit'), '1000.1');
      typeInto(q(el, '#field-deposit'), '0.2');
      await settle();
      expect(q(el, '#field-available')!.value).to.equal('999.90');
      expect(q(el, '#field-available')!.disabled).to.equal(true);
    });

    it('should total line items from the grid', async () => {
      const store = await testStore([serviceOrderSchema]);
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form
          entity="service-order"
          locale="zh-CN"
          .store=${store}
          .record=${{ lines: [{ description: 'A', quantity: 1, unitPrice: 10 }] }}
        ></kehu-record-form>`,
      );
      expect(q(el, '#field-total')!.value).to.equal('10.00');
      const grid = q<KehuLineItems>(el, 'kehu-line-items')!;
      await customElements.whenDefined('kehu-line-items'); // loaded when the form first draws lines
      await waitUntil(() => grid.shadowRoot!.querySelector('[data-row="0"][data-key="quantity"]'), 'grid', {
        timeout: 5000,
      });
      grid.shadowRoot!.querySelector<HTMLElement>('[data-row="0"][data-key="quantity"]')!.focus();
      await sendKeys({ type: '4' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => q(el, '#field-total')!.value === '40.00');
      const saved = oneEvent(el, 'kehu-record-save');
      q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const { record } = (await saved).detail;
      expect(record.total).to.equal(40);
    });

    it('should show invalid line cells in the grid and focus it on save', async () => {
      const store = await testStore([serviceOrderSchema]);
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form
          entity="service-order"
          locale="en"
          .store=${store}
          .record=${{ lines: [{ quantity: 1 }] }}
        ></kehu-record-form>`,
      );
      q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const grid = q<KehuLineItems>(el, 'kehu-line-items')!;
      // The grid may still be loading (line-items/load.ts): it shows the issues once defined.
      await waitUntil(() =>
        grid.shadowRoot?.querySelector('[data-row="0"][data-key="description"][aria-invalid="true"]'),
      );
      expect(q(el, '[part~="summary"]')).to.equal(null);
      expect(await store.entity('service-order').count()).to.equal(0);
    });
  });

  describe('in read mode', () => {
    it('should render stored values as text and no inputs', async () => {
      const store = await testStore([clientSchema]);
      const saved = await store.entity('client').insert({ name: '华通', type: 'b2b', taxNumber: 'T1', creditLimit: 5 });
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form
          entity="client"
          mode="read"
          locale="en"
          record-id=${saved.id}
          .store=${store}
        ></kehu-record-form>`,
      );
      await waitUntil(() => q(el, '#field-name'));
      expect(q(el, '#field-name')!.textContent!.trim()).to.equal('华通');
      expect(q(el, '#field-type')!.textContent!.trim()).to.equal('Business');
      expect(el.shadowRoot!.querySelector('input, select')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('should warn about a bad mode and fall back to editing', async () => {
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        const el = await fixture<KehuRecordForm>(
          html`<kehu-record-form
            entity="client"
            mode="rubbish"
            .store=${await testStore([clientSchema])}
          ></kehu-record-form>`,
        );
        expect(q(el, '#field-name')!.localName).to.equal('input');
        expect(String(warnings.find((w) => String(w).includes('mode')))).to.contain('rubbish');
      } finally {
        console.warn = original;
      }
    });
  });

  describe('when values change', () => {
    it('should track dirty, warn before unload and ask before leaving', async () => {
      const store = await testStore([clientSchema]);
      const el = await clientForm(store);
      expect(el.dirty).to.equal(false);
      expect(await el.confirmLeave()).to.equal(true);
      const became = oneEvent(el, 'kehu-dirty-change');
      typeInto(q(el, '#field-name'), 'x');
      expect((await became).detail.dirty).to.equal(true);
      const unload = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
      window.dispatchEvent(unload);
      expect(unload.defaultPrevented).to.equal(true);

      const staying = el.confirmLeave();
      await waitUntil(() => q<HTMLDialogElement>(el, '[part~="leave-dialog"]')?.open);
      q<HTMLButtonElement>(el, '[part~="stay-button"]')!.click();
      expect(await staying).to.equal(false);
      const leaving = el.confirmLeave();
      await waitUntil(() => q<HTMLDialogElement>(el, '[part~="leave-dialog"]')?.open);
      q<HTMLButtonElement>(el, '[part~="leave-button"]')!.click();
      expect(await leaving).to.equal(true);

      el.beforeLeave = () => false;
      expect(await el.confirmLeave()).to.equal(false);

      const clean = oneEvent(el, 'kehu-dirty-change');
      typeInto(q(el, '#field-name'), '');
      expect((await clean).detail.dirty).to.equal(false);
      const later = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(later);
      expect(later.defaultPrevented).to.equal(false);
    });
  });

  describe('with 150 fields', () => {
    it('should redraw nothing but the typed field on a keystroke', async () => {
      const properties: Record<string, JsonSchema> = {};
      for (let i = 0; i < 150; i++)
        properties[`f${i}`] = { type: 'string', maxLength: 20, 'x-kehu': label(`字段${i}`, `Field ${i}`) };
      const big: JsonSchema = { $id: 'big', type: 'object', 'x-kehu': label('大表单', 'Big form'), properties };
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="big" locale="zh-CN" .store=${await testStore([big])}></kehu-record-form>`,
      );
      expect(el.shadowRoot!.querySelectorAll('input').length).to.equal(150);
      const input = q(el, '#field-f75')!;
      input.focus();
      const touched: Node[] = [];
      const observer = new MutationObserver((records) => records.forEach((r) => touched.push(r.target)));
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      const started = performance.now();
      await sendKeys({ type: 'hello' });
      await settle();
      observer.disconnect();
      expect(performance.now() - started).to.be.below(2000);
      expect(input.value).to.equal('hello');
      expect(touched.filter((node) => node !== input)).to.deep.equal([]);
    });
  });
});
