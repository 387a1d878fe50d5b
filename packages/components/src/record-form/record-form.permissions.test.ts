import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { KehuError, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import { lineItemsChangeEvent } from '../line-items/line-items-change-event.js';
import { closeRoleStores, roleStore, storedRecord, users } from '../record-list/permission-fixtures.js';
import { afterEach, describe, it, typeInto } from './test-support.js';

afterEach(closeRoleStores);

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function formOf(store: Store, entity: string, id?: string, locale = 'en') {
  const el = await fixture<KehuRecordForm>(
    html`<kehu-record-form entity=${entity} record-id=${id ?? ''} locale=${locale} .store=${store}></kehu-record-form>`,
  );
  await waitUntil(() => q(el, '[part="form"]'), 'the form shows');
  return el;
}

const valueText = (el: KehuRecordForm, key: string) =>
  q(el, `[data-path="field-${key}"] [part="value"]`)?.textContent!.trim();

async function save(el: KehuRecordForm) {
  const saved = oneEvent(el, 'kehu-record-save');
  q<HTMLButtonElement>(el, '[part="save-button"]')!.click();
  return (await saved).detail;
}

describe('kehu-record-form under role permissions', () => {
  it('shows an adviser the masked mobile and read-only fields as text, and saves another change', async () => {
    const store = await roleStore(users.sales);
    const el = await formOf(store, 'customer', 'cus-mine');
    expect(valueText(el, 'mobile')).to.equal('138****5678');
    expect(q(el, 'input#field-mobile')).to.equal(null, 'no input for a masked value');
    expect(valueText(el, 'creditLimit')).to.match(/50,000/);
    expect(q(el, '#field-creditLimit input, input#field-creditLimit')).to.equal(null);
    expect(valueText(el, 'salesRep')).to.equal('u-sales');
    const grid = q(el, 'kehu-line-items')!;
    await customElements.whenDefined('kehu-line-items'); // loaded when the form first draws lines
    await (grid as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const cell = (key: string) => grid.shadowRoot!.querySelector(`[role="gridcell"][data-key="${key}"]`)!;
    grid.scrollIntoView(); // the grid's virtualizer draws rows only in view
    await waitUntil(() => cell('mobile'), 'the contact rows render', { timeout: 5000 });
    expect(cell('mobile').getAttribute('aria-readonly')).to.equal('true');
    expect(cell('mobile').textContent).to.contain('139****1111');
    expect(cell('name').getAttribute('aria-readonly')).to.equal('false');

    typeInto(q(el, '#field-remark'), '周末可联系');
    // A contact renamed in the grid: its row goes back with the masked mobile it was shown.
    grid.dispatchEvent(lineItemsChangeEvent({ rows: [{ name: '王芳芳', mobile: '139****1111' }], path: [0, 'name'] }));
    const detail = await save(el);
    expect(detail.record.remark).to.equal('周末可联系');
    expect(q(el, '[part="summary"]')).to.equal(null);

    const stored = await storedRecord(store, 'customer', 'cus-mine');
    expect(stored?.remark).to.equal('周末可联系');
    expect(stored?.mobile).to.equal('13812345678', 'the masked echo kept the number');
    expect(stored?.contacts).to.deep.equal([{ name: '王芳芳', mobile: '13900001111' }]);
  });

  it('does not render a hidden cost price, and opens a query-only record read-only with a notice', async () => {
    const el = await formOf(await roleStore(users.sales, 'zh-CN'), 'product', 'prd-oil', 'zh-CN');
    expect(q(el, '[data-path="field-costPrice"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('38.5');
    expect(valueText(el, 'name')).to.equal('机油');
    expect(q(el, '[part="save-button"]')).to.equal(null);
    expect(q(el, '[part="notice"]')!.textContent).to.contain('您的角色没有修改产品的权限');
  });

  it('shows a new record read-only with a notice when the role may not add one', async () => {
    const el = await formOf(await roleStore(users.auditor), 'customer');
    expect(q(el, '[part="notice"]')!.textContent).to.contain('may not add a Customer');
    expect(q(el, 'input')).to.equal(null);
    expect(q(el, '[data-path="field-mobile"]'), 'auditors never see mobiles').to.equal(null);
    expect(await el.save()).to.equal(undefined);
  });

  it('creates a record as an adviser, leaving owner and read-only fields to the store', async () => {
    const store = await roleStore(users.sales);
    const el = await formOf(store, 'customer');
    expect(q(el, 'input#field-mobile')).to.equal(null, 'a masked field cannot be set on a new record');
    typeInto(q(el, '#field-name'), '新客户');
    const { record } = await save(el);
    expect(record.salesRep).to.equal('u-sales');
  });

  it('puts a forbidden error from the store next to the field it names, localised', async () => {
    const store = await roleStore(users.sales, 'zh-CN');
    const el = await formOf(store, 'customer', 'cus-mine', 'zh-CN');
    const repository = store.entity('customer');
    const refusal = (field?: string) =>
      Object.assign(
        new KehuError('forbidden', { en: 'Remark is locked for you.', 'zh-CN': '「备注」对您不可修改。本次未保存。' }),
        { field },
      );
    repository.patch = () => Promise.reject(refusal('remark'));
    typeInto(q(el, '#field-remark'), 'x');
    q<HTMLButtonElement>(el, '[part="save-button"]')!.click();
    await waitUntil(() => q(el, '[data-path="field-remark"] [part="error"]'), 'the error shows at the field');
    expect(q(el, '[data-path="field-remark"] [part="error"]')!.textContent).to.contain('「备注」对您不可修改');
    expect(el.shadowRoot!.activeElement?.id).to.equal('field-remark');

    // A refusal naming a field the user cannot change (or none) is shown at the top.
    repository.patch = () => Promise.reject(refusal('creditLimit'));
    q<HTMLButtonElement>(el, '[part="save-button"]')!.click();
    await waitUntil(() => q(el, '[part="summary"]'), 'the error shows at the top');
    expect(q(el, '[part="summary"]')!.textContent).to.contain('本次未保存');
  });

  it('gives an administrator every field as an input, the mobile in full', async () => {
    const el = await formOf(await roleStore(users.admin), 'customer', 'cus-mine');
    expect(q<HTMLInputElement>(el, 'input#field-mobile')!.value).to.equal('13812345678');
    expect(q(el, '#field-creditLimit')).not.to.equal(null);
    expect(q(el, '[part="notice"]')).to.equal(null);
    const product = await formOf(await roleStore(users.admin), 'product', 'prd-oil');
    expect(q(product, '[data-path="field-costPrice"] input')).not.to.equal(null);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible for an adviser with masked and read-only fields (${locale})`, async () => {
      const el = await formOf(await roleStore(users.sales, locale as 'en'), 'customer', 'cus-mine', locale);
      await expect(el).to.be.accessible();
      const product = await formOf(await roleStore(users.sales, locale as 'en'), 'product', 'prd-oil', locale);
      await expect(product).to.be.accessible();
    });
  }
});
