// The form as a host that imported only `record-form/define.js` sees it: the reference picker and
// the line-items grid load when a form first draws one (reference-picker/load.ts, line-items/load.ts).
// Its own file, so the page starts with neither defined.
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JsonSchema } from '@kehu/core';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import type { KehuReferencePicker } from '../reference-picker/reference-picker.js';
import { serviceOrderSchema } from '../line-items/test-fixtures.js';
import { afterEach, closeStores, customerSchema, describe, it, settle, testStore } from './test-support.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });
const q = <T extends Element = HTMLInputElement>(el: KehuRecordForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** A visit: a title and the customer it is for (required, so an empty one stops the save). */
const visitSchema: JsonSchema = {
  $id: 'visit',
  type: 'object',
  required: ['title', 'customer'],
  'x-kehu': label('拜访', 'Visit'),
  properties: {
    title: { type: 'string', maxLength: 50, 'x-kehu': label('主题', 'Title') },
    customer: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户', 'Customer'), ref: 'customer' } },
  },
};

const noteSchema: JsonSchema = {
  $id: 'note',
  type: 'object',
  'x-kehu': label('备注', 'Note'),
  properties: { text: { type: 'string', maxLength: 200, 'x-kehu': label('内容', 'Text') } },
};

const form = (entity: string, store: unknown, locale = 'zh-CN', record?: unknown) =>
  fixture<KehuRecordForm>(
    html`<kehu-record-form entity=${entity} locale=${locale} .store=${store} .record=${record}></kehu-record-form>`,
  );

afterEach(closeStores);

describe('<kehu-record-form> with its picker and grid loaded on first use', () => {
  it('defines neither the picker nor the grid for a form that draws neither', async () => {
    expect(customElements.get('kehu-reference-picker')).to.equal(undefined);
    expect(customElements.get('kehu-line-items')).to.equal(undefined);
    const el = await form('note', await testStore([noteSchema]));
    expect(q(el, '#field-text')).to.exist;
    await settle(50);
    expect(customElements.get('kehu-reference-picker')).to.equal(undefined);
    expect(customElements.get('kehu-line-items')).to.equal(undefined);
  });

  it('focuses an empty required reference on save, even before the picker has loaded', async () => {
    const store = await testStore([customerSchema, visitSchema]);
    const acme = await store
      .entity<Record<string, unknown>>('customer')
      .insert({ name: '阿克米', code: 'C001', city: '上海' });
    const el = await form('visit', store, 'en');
    const picker = q<KehuReferencePicker>(el, '#field-customer')!;
    q(el, '#field-title')!.focus();
    await sendKeys({ type: 'First visit' });
    // Saved at once: the picker may still be on its way; the form focuses it once it is drawn.
    q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === picker, 'the picker takes focus', { timeout: 5000 });
    expect(picker.shadowRoot!.activeElement?.localName).to.equal('input');
    expect(await store.entity('visit').count()).to.equal(0);

    // Keyboard only: type, choose, save.
    await sendKeys({ type: '阿克' });
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(picker.value).to.equal(acme.id);
    const saved = oneEvent(el, 'kehu-record-save');
    q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    const { id } = (await saved).detail;
    expect(await store.entity('visit').get(id)).to.include({ title: 'First visit', customer: acme.id });
  });

  it('edits, totals and saves lines once the grid has loaded', async () => {
    const store = await testStore([serviceOrderSchema]);
    const el = await form('service-order', store, 'zh-CN', {
      lines: [{ description: '机油', quantity: 1, unitPrice: 10 }],
    });
    await customElements.whenDefined('kehu-line-items');
    const grid = q(el, 'kehu-line-items')!;
    const quantity = () => grid.shadowRoot!.querySelector<HTMLElement>('[data-row="0"][data-key="quantity"]');
    await waitUntil(quantity, 'the grid draws its row', { timeout: 5000 });
    quantity()!.focus();
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, '#field-total')!.value === '40.00', 'the total follows the grid');
    const saved = oneEvent(el, 'kehu-record-save');
    q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    const { record } = (await saved).detail;
    expect(record.total).to.equal(40);
    expect((record.lines as { quantity: number }[])[0].quantity).to.equal(4);
  });

  it('draws a line table once its module has loaded, and saves its nested fields', async () => {
    const store = await testStore();
    const el = await form('order', store, 'en');
    const add = () => q<HTMLButtonElement>(el, '[data-path="field-lines"] > [part~="add-button"]');
    await waitUntil(add, 'the line table', { timeout: 5000 });
    add()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, '#field-lines-0-product'), 'a new row');
    q(el, '#field-lines-0-product')!.focus();
    await sendKeys({ type: 'P-1' });
    q(el, '#field-lines-0-quantity')!.focus();
    await sendKeys({ type: '2' });
    q(el, '#field-title')!.focus();
    await sendKeys({ type: 'Lines' });
    q(el, '#field-quantity')!.focus();
    await sendKeys({ type: '1' });
    const saved = oneEvent(el, 'kehu-record-save');
    q<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    const { record } = (await saved).detail;
    expect(record.lines).to.deep.equal([{ product: 'P-1', quantity: 2 }]);
  });

  it('is accessible with the loaded picker and grid, in both locales', async () => {
    const store = await testStore([customerSchema, visitSchema, serviceOrderSchema]);
    for (const locale of ['zh-CN', 'en']) {
      const visit = await form('visit', store, locale);
      await customElements.whenDefined('kehu-reference-picker');
      await q<KehuReferencePicker>(visit, '#field-customer')!.updateComplete;
      await expect(visit).to.be.accessible();
      const order = await form('service-order', store, locale, { lines: [{ description: 'A', quantity: 1 }] });
      await customElements.whenDefined('kehu-line-items');
      const grid = q(order, 'kehu-line-items')!;
      // The grid's rows come with its virtualizer's layout, itself loaded on first use, and only in view.
      grid.scrollIntoView();
      await waitUntil(() => grid.shadowRoot?.querySelector('[role="row"][data-row]'), 'rows', { timeout: 5000 });
      await expect(order).to.be.accessible();
    }
  });
});
