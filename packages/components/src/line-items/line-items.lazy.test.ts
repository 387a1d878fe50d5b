// The grid as a host that imported only `line-items/define.js` sees it: reference cells edit with
// `<kehu-reference-picker>`, which loads when a grid with reference columns is drawn
// (reference-picker/load.ts). Its own file, so the page starts without the picker.
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineEntity, type FieldModel, type JsonSchema } from '@kehu/core';
import './define.js';
import type { KehuLineItems, LineItemsChangeDetail } from './line-items.js';
import { linesField } from './test-fixtures.js';
import {
  afterEach,
  closeStores,
  customerSchema,
  describe,
  it,
  settle,
  testStore,
} from '../record-form/test-support.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

/** Quote lines: a product name and the customer each line is for. */
const quoteSchema: JsonSchema = {
  $id: 'quote',
  type: 'object',
  'x-kehu': label('报价', 'Quote'),
  properties: {
    lines: {
      type: 'array',
      'x-kehu': label('明细', 'Lines'),
      items: {
        type: 'object',
        properties: {
          product: { type: 'string', maxLength: 50, 'x-kehu': label('产品', 'Product') },
          customer: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户', 'Customer'), ref: 'customer' } },
        },
      },
    },
  },
};
const quoteLines = defineEntity(quoteSchema).field('lines') as FieldModel;

const cell = (el: KehuLineItems, row: number, key: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[role="gridcell"][data-row="${row}"][data-key="${key}"]`);

afterEach(closeStores);

describe('<kehu-line-items> with the reference picker loaded on first use', () => {
  it('does not load the picker for a grid without reference columns', async () => {
    const el = await fixture<KehuLineItems>(
      html`<kehu-line-items .field=${linesField} .rows=${[{ description: 'A', quantity: 1 }]}></kehu-line-items>`,
    );
    await waitUntil(() => cell(el, 0, 'description'), 'the row is drawn', { timeout: 5000 });
    await settle(50);
    expect(customElements.get('kehu-reference-picker')).to.equal(undefined);
  });

  it('opens a reference cell in the picker with Enter and stores the chosen id', async () => {
    expect(customElements.get('kehu-reference-picker')).to.equal(undefined);
    const store = await testStore([customerSchema, quoteSchema]);
    const acme = await store
      .entity<Record<string, unknown>>('customer')
      .insert({ name: '阿克米', code: 'C001', city: '上海' });
    const el = await fixture<KehuLineItems>(
      html`<kehu-line-items
        locale="en"
        .field=${quoteLines}
        .rows=${[{ product: 'Oil' }]}
        .store=${store}
      ></kehu-line-items>`,
    );
    await waitUntil(() => cell(el, 0, 'customer'), 'the row is drawn', { timeout: 5000 });
    cell(el, 0, 'customer')!.focus();
    await sendKeys({ press: 'Enter' });
    const picker = () => cell(el, 0, 'customer')?.querySelector('kehu-reference-picker');
    // The picker takes focus once defined and drawn, however long it took to arrive.
    await waitUntil(() => el.shadowRoot!.activeElement === picker(), 'the picker takes focus', { timeout: 5000 });
    expect(picker()!.shadowRoot!.activeElement?.localName).to.equal('input');
    await sendKeys({ type: '阿克' });
    await waitUntil(() => picker()!.shadowRoot!.querySelectorAll('[role="option"]').length === 1);
    const changed = oneEvent(el, 'kehu-line-items-change');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const { rows } = ((await changed) as CustomEvent<LineItemsChangeDetail>).detail;
    expect(rows).to.deep.equal([{ product: 'Oil', customer: acme.id }]);
    await expect(el).to.be.accessible();
  });
});
