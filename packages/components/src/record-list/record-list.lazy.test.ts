// The list as a host that imported only `record-list/define.js` sees it: the filter builder loads
// when filtering first opens, the bulk bar's value editors when rows are first selected, and the
// reference picker when one of them edits a reference. Its own file, so the page starts without them.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';
import type { KehuReferencePicker } from '../reference-picker/reference-picker.js';
import { button, choose, root, showing } from './test-support.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

const companySchema: JsonSchema = {
  $id: 'company',
  type: 'object',
  required: ['name'],
  'x-kehu': { ...label('公司', 'Company'), titleField: 'name', search: ['name'] },
  properties: { name: { type: 'string', maxLength: 60, 'x-kehu': label('名称', 'Name') } },
};

const contactSchema: JsonSchema = {
  $id: 'contact',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('联系人', 'Contact'),
    pluralLabel: label('联系人', 'Contacts').label,
    titleField: 'name',
    list: { columns: ['name', 'role'], sort: { field: 'name', direction: 'asc' } },
    indexes: ['name', 'role'],
  },
  properties: {
    name: { type: 'string', maxLength: 60, 'x-kehu': label('姓名', 'Name') },
    company: { type: 'string', maxLength: 64, 'x-kehu': { ...label('公司', 'Company'), ref: 'company' } },
    role: {
      type: 'string',
      enum: ['buyer', 'boss'],
      'x-kehu': {
        ...label('角色', 'Role'),
        enumLabels: { buyer: label('采购', 'Buyer').label, boss: label('老板', 'Boss').label },
      },
    },
  },
};

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let stores: Store[] = [];
async function contacts(): Promise<Store> {
  const store = await createStore({
    entities: [companySchema, contactSchema],
    name: `list-lazy-${Date.now()}-${stores.length}`,
  });
  stores.push(store);
  await store.entity<Record<string, unknown>>('contact').bulkInsert([
    { name: 'Alice', role: 'buyer' },
    { name: 'Bob', role: 'boss' },
    { name: 'Carol', role: 'buyer' },
  ]);
  return store;
}
afterEach(async () => {
  for (const store of stores) await store.close();
  stores = [];
});

const listOf = (store: Store, locale = 'en') =>
  fixture<KehuRecordList>(
    html`<kehu-record-list entity="contact" locale=${locale} selectable .store=${store}></kehu-record-list>`,
  );

describe('<kehu-record-list> with its filter builder, value editors and picker loaded on first use', () => {
  it('sets a reference on the selected records with the picker, keyboard only', async () => {
    expect(customElements.get('kehu-reference-picker')).to.equal(undefined);
    const store = await contacts();
    const acme = await store.entity<Record<string, unknown>>('company').insert({ name: '阿克米' });
    const el = await listOf(store);
    await showing(el, ['Alice', 'Bob', 'Carol']);
    expect(customElements.get('kehu-reference-picker'), 'a list without a bulk bar needs no picker').to.equal(
      undefined,
    );
    root(el).querySelector<HTMLInputElement>('input[aria-label="Select Alice"]')!.click();
    root(el).querySelector<HTMLInputElement>('input[aria-label="Select Bob"]')!.click();
    const bulk = await waitUntil(() => root(el).querySelector<HTMLElement>('.bulk'), 'the bulk bar').then(() =>
      root(el).querySelector<HTMLElement>('.bulk')!,
    );
    choose(bulk.querySelector<HTMLSelectElement>('select[aria-label="Field to set"]')!, 'company');
    await waitUntil(() => bulk.querySelector('kehu-reference-picker'), 'the value editor draws a picker');
    await customElements.whenDefined('kehu-reference-picker');
    const picker = bulk.querySelector<KehuReferencePicker>('kehu-reference-picker')!;
    await picker.updateComplete;
    picker.focus();
    await sendKeys({ type: '阿克' });
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 1, 'one match');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, /^Apply$/).disabled, 'Apply is enabled by the chosen company');
    button(el, /^Apply$/).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Updated 2 records/.test(bulk.querySelector('.result')!.textContent!));
    const linked = await store.entity('contact').find({ selector: { company: acme.id } });
    expect(linked.map((r) => r.name).sort()).to.deep.equal(['Alice', 'Bob']);
    await expect(el).to.be.accessible();
  });

  it('opens the column chooser with the keyboard and hides a column once it has loaded', async () => {
    const el = await listOf(await contacts());
    await showing(el, ['Alice', 'Bob', 'Carol']);
    button(el, /^Columns$/).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.columns'), 'the column chooser', { timeout: 5000 });
    const role = [...root(el).querySelectorAll<HTMLLabelElement>('.columns label')]
      .find((l) => l.textContent!.trim() === 'Role')!
      .querySelector('input')!;
    role.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !root(el).querySelector('[role="columnheader"][data-key="role"], [data-field="role"]'));
    const headers = [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]:not(.select-cell)')].map((h) =>
      h.textContent!.replace(/[▲▼]/g, '').trim(),
    );
    expect(headers).to.deep.equal(['Name']);
    await expect(el).to.be.accessible();
  });

  it('opens filtering with the keyboard and filters once the builder has loaded, in both locales', async () => {
    const store = await contacts();
    for (const [locale, filterLabel, add] of [
      ['en', /^Filter/, /Add condition/],
      ['zh-CN', /^筛选/, /添加条件/],
    ] as const) {
      const el = await listOf(store, locale);
      await showing(el, ['Alice', 'Bob', 'Carol']);
      button(el, filterLabel).focus();
      await sendKeys({ press: 'Enter' });
      await customElements.whenDefined('kehu-filter-builder');
      const builder = await waitUntil(() => root(el).querySelector('kehu-filter-builder')).then(() =>
        root(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('kehu-filter-builder')!,
      );
      await builder.updateComplete;
      const addButton = [...builder.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        add.test(b.textContent!),
      )!;
      addButton.focus();
      await sendKeys({ press: 'Enter' });
      await builder.updateComplete;
      choose(builder.shadowRoot!.querySelector<HTMLSelectElement>('.field')!, 'role');
      await builder.updateComplete;
      const value = builder.shadowRoot!.querySelector<HTMLSelectElement>('select.value')!;
      choose(value, 'buyer');
      await showing(el, ['Alice', 'Carol']);
      await expect(el).to.be.accessible();
      el.remove(); // the next locale's list takes its place in view (rows are drawn only in view)
    }
  });
});
