import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';
import type { KehuFilterBuilder } from '../filter-builder/filter-builder.js';
import { closeRoleStores, roleStore, users } from './permission-fixtures.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);
afterEach(closeRoleStores);

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const headerTexts = (el: KehuRecordList) =>
  qa(el, '[role="columnheader"]:not(.select-cell)').map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
const rows = (el: KehuRecordList) => qa(el, '[part~="row"]:not([part~="placeholder"])');
const cellOf = (row: Element, key: string) => row.querySelector<HTMLElement>(`[data-key="${key}"]`)!;
const buttonTexts = (root: Element | null) =>
  [...(root?.querySelectorAll('button') ?? [])].map((b) => b.textContent!.trim());

async function listOf(store: Store, entity: string, options: { locale?: string; sort?: string } = {}) {
  const el = await fixture<KehuRecordList>(
    html`<kehu-record-list
      entity=${entity}
      locale=${options.locale ?? 'en'}
      sort=${options.sort ?? ''}
      selectable
      editable
      .store=${store}
    ></kehu-record-list>`,
  );
  await waitUntil(() => rows(el).length > 0, 'rows load');
  return el;
}

async function selectFirst(el: KehuRecordList): Promise<HTMLElement> {
  rows(el)[0].querySelector<HTMLInputElement>('.select-cell input')!.click();
  await el.updateComplete;
  return q<HTMLElement>(el, '[part="bulk-bar"]')!;
}

describe('kehu-record-list under role permissions', () => {
  it('does not offer a hidden cost price to a sales adviser: no column, no choice, no filter field', async () => {
    const el = await listOf(await roleStore(users.sales), 'product');
    expect(headerTexts(el)).to.deep.equal(['Code', 'Name', 'Price']);
    expect(rows(el)[0].textContent).not.to.contain('38.5');

    q<HTMLButtonElement>(el, '[part="columns-button"]')!.click();
    // Loaded on first use: a busy, empty panel stands in until its module arrives.
    await waitUntil(() => q(el, '[part="panel"]:not([aria-busy])'), 'the column chooser');
    expect(q(el, '[part="panel"]')!.textContent).to.contain('Price').and.not.contain('Cost price');

    q<HTMLButtonElement>(el, '[part="filter-button"]')!.click();
    await el.updateComplete;
    const builder = q<KehuFilterBuilder>(el, 'kehu-filter-builder')!;
    await customElements.whenDefined('kehu-filter-builder'); // loaded when filtering first opens
    await builder.updateComplete;
    q<HTMLButtonElement>(builder, '[part="add-button"]')!.click();
    await builder.updateComplete;
    const fields = [...builder.shadowRoot!.querySelectorAll('[part="field"] option')].map((o) => o.textContent!.trim());
    expect(fields).to.include('Price').and.not.include('Cost price');
  });

  it('falls back to the default order when asked to sort by a hidden field, without an error', async () => {
    const el = await listOf(await roleStore(users.sales), 'product', { sort: 'costPrice desc' });
    expect(rows(el)).to.have.length(2);
    expect(q(el, '[part="message"]')).to.equal(null);
  });

  it('shows a masked mobile as stored, not sortable or filterable, and only its own customers', async () => {
    const el = await listOf(await roleStore(users.sales), 'customer');
    expect(rows(el)).to.have.length(1, 'the other adviser’s customer is out of scope');
    expect(cellOf(rows(el)[0], 'mobile').textContent!.trim()).to.equal('138****5678');
    const mobileHeader = q(el, '[role="columnheader"][data-key="mobile"]')!;
    expect(mobileHeader.querySelector('button')).to.equal(null, 'no sort button on a masked column');
    expect(q(el, '[role="columnheader"][data-key="name"] button')).not.to.equal(null);

    q<HTMLButtonElement>(el, '[part="filter-button"]')!.click();
    await el.updateComplete;
    const builder = q<KehuFilterBuilder>(el, 'kehu-filter-builder')!;
    await customElements.whenDefined('kehu-filter-builder'); // loaded when filtering first opens
    await builder.updateComplete;
    q<HTMLButtonElement>(builder, '[part="add-button"]')!.click();
    await builder.updateComplete;
    const fields = [...builder.shadowRoot!.querySelectorAll('[part="field"] option')].map((o) => o.textContent!.trim());
    expect(fields).to.include('Name').and.not.include('Mobile');
  });

  it('hides export and delete from a sales adviser and offers only writable fields to set', async () => {
    const el = await listOf(await roleStore(users.sales), 'customer');
    expect(q(el, '[part="export-button"]')).to.equal(null);
    expect(q(el, '[part="save-view-button"]'), 'advisers may save views').not.to.equal(null);
    const bar = await selectFirst(el);
    expect(buttonTexts(bar)).not.to.include('Delete');
    expect(buttonTexts(bar)).not.to.include('Export');
    const settable = [...bar.querySelectorAll('.set-field select option')].map((o) => o.textContent!.trim());
    expect(settable).to.include.members(['Name', 'Remark']);
    expect(settable).not.to.include('Credit limit');
    expect(settable).not.to.include('Sales adviser');
    expect(settable).not.to.include('Mobile');
  });

  it('offers no bulk change where the role may only query', async () => {
    const el = await listOf(await roleStore(users.sales), 'product');
    const bar = await selectFirst(el);
    expect(bar.querySelector('.set-field')).to.equal(null);
    expect(buttonTexts(bar)).to.deep.equal(['Clear selection']);
  });

  it('edits in place only the cells the adviser may change', async () => {
    const el = await listOf(await roleStore(users.sales), 'customer');
    cellOf(rows(el)[0], 'creditLimit').dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(q(el, '.inline-editor'), 'credit limit is read-only for advisers').to.equal(null);
    cellOf(rows(el)[0], 'name').dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await el.updateComplete;
    const input = q<HTMLInputElement>(el, '.inline-editor input')!;
    expect(input.value).to.equal('上海申通汽车服务有限公司');
    input.focus();
    input.value = '申通汽服';
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cellOf(rows(el)[0], 'name').textContent!.includes('申通汽服'), 'the name is saved');
  });

  it('gives an administrator every column, sort, export and delete', async () => {
    const products = await listOf(await roleStore(users.admin), 'product');
    expect(headerTexts(products)).to.deep.equal(['Code', 'Name', 'Price', 'Cost price']);
    expect(q(products, '[role="columnheader"][data-key="costPrice"] button')).not.to.equal(null);
    expect(q(products, '[part="export-button"]')).not.to.equal(null);
    const bar = await selectFirst(products);
    expect(buttonTexts(bar)).to.include.members(['Delete', 'Export']);
    const settable = [...bar.querySelectorAll('.set-field select option')].map((o) => o.textContent!.trim());
    expect(settable).to.include('Cost price');
  });

  it('lets an auditor export but not change, and hides what it may not see', async () => {
    const el = await listOf(await roleStore(users.auditor), 'customer');
    expect(headerTexts(el)).to.deep.equal(['Name', 'Credit limit', 'Sales adviser']);
    expect(q(el, '[part="export-button"]')).not.to.equal(null);
    expect(q(el, '[part="save-view-button"]')).to.equal(null);
    const bar = await selectFirst(el);
    expect(buttonTexts(bar)).to.deep.equal(['Export', 'Clear selection']);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible for a sales adviser with a selection (${locale})`, async () => {
      const el = await listOf(await roleStore(users.sales, locale as 'en'), 'customer', { locale });
      await selectFirst(el);
      await expect(el).to.be.accessible();
    });
  }
});
