import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';

// The column resize handles say their column's width (`aria-valuenow`), measured by a ResizeObserver
// after layout rather than while the list renders (column-widths.ts).
const schema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户', en: 'Customer' },
    titleField: 'name',
    list: { columns: ['name', 'city'] },
    indexes: ['name', 'city'],
  },
  properties: {
    name: { type: 'string', maxLength: 60, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
    city: { type: 'string', maxLength: 20, 'x-kehu': { label: { 'zh-CN': '城市', en: 'City' } } },
  },
};

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
beforeEach(async () => {
  store = await createStore({ entities: [schema], name: `column-widths-${Date.now()}` });
  await store.entity<Record<string, unknown>>('customer').bulkInsert([{ name: 'Alice', city: 'Beijing' }]);
});
afterEach(() => store.close());

const handle = (el: KehuRecordList, column: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[role="separator"][aria-label='Resize "${column}"']`)!;
const headerWidth = (el: KehuRecordList, key: string) =>
  Math.round(el.shadowRoot!.querySelector(`[role="columnheader"][data-key="${key}"]`)!.getBoundingClientRect().width);
const says = (el: KehuRecordList, column: string, key: string) =>
  waitUntil(
    () => Number(handle(el, column)?.getAttribute('aria-valuenow')) === headerWidth(el, key),
    `${column}'s handle says ${handle(el, column)?.getAttribute('aria-valuenow')}, its header is ${headerWidth(el, key)} px`,
  );

describe('column resize handles', () => {
  it('say the width of their column as laid out, also after the list is resized', async () => {
    const el = await fixture<KehuRecordList>(
      html`<kehu-record-list entity="customer" locale="en" style="width: 700px" .store=${store}></kehu-record-list>`,
    );
    await says(el, 'Name', 'name');
    await says(el, 'City', 'city');
    const wide = headerWidth(el, 'name');
    el.style.width = '400px';
    await waitUntil(() => headerWidth(el, 'name') < wide, 'the columns narrow with the list');
    await says(el, 'Name', 'name');
  });

  it('widen from the keyboard by a step from the width shown', async () => {
    const el = await fixture<KehuRecordList>(
      html`<kehu-record-list entity="customer" locale="en" style="width: 700px" .store=${store}></kehu-record-list>`,
    );
    await says(el, 'City', 'city');
    const before = headerWidth(el, 'city');
    handle(el, 'City').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.widths.city).to.equal(before + 16);
    await says(el, 'City', 'city');
    expect(headerWidth(el, 'city')).to.equal(before + 16);
  });
});
