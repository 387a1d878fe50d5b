import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuRecordDetail } from './record-detail.js';
import { closeRoleStores, roleStore, users } from '../record-list/permission-fixtures.js';

afterEach(closeRoleStores);

const labels = (el: KehuRecordDetail) =>
  [...el.shadowRoot!.querySelectorAll('[part~="label"]')].map((dt) => dt.textContent!.trim());
const columnHeaders = (el: KehuRecordDetail) =>
  [...el.shadowRoot!.querySelectorAll('table.rows thead th')].map((th) => th.textContent!.trim());

async function open(store: Store, entity: string, id: string, locale = 'en') {
  const el = await fixture<KehuRecordDetail>(
    html`<kehu-record-detail entity=${entity} record-id=${id} locale=${locale} .store=${store}></kehu-record-detail>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="heading"]'), 'the record shows');
  return el;
}

describe('kehu-record-detail under role permissions', () => {
  it('leaves out a cost price the sales adviser may not see', async () => {
    const el = await open(await roleStore(users.sales), 'product', 'prd-oil');
    expect(labels(el)).to.include('Price').and.not.include('Cost price');
    expect(el.shadowRoot!.textContent).not.to.contain('38.5');
  });

  it('shows an administrator the cost price', async () => {
    const el = await open(await roleStore(users.admin), 'product', 'prd-oil');
    expect(labels(el)).to.include('Cost price');
  });

  it('leaves out mobiles an auditor may not see, in rows too, and keeps the rest', async () => {
    const el = await open(await roleStore(users.auditor), 'customer', 'cus-mine');
    expect(labels(el)).to.include.members(['Name', 'Credit limit', 'Contacts']).and.not.include('Mobile');
    expect(columnHeaders(el)).to.include('Name').and.not.include('Mobile');
    expect(el.shadowRoot!.textContent).to.contain('王芳').and.not.contain('1111');
  });

  it('shows an adviser the mobile masked', async () => {
    const el = await open(await roleStore(users.sales), 'customer', 'cus-mine');
    expect(el.shadowRoot!.textContent).to.contain('138****5678').and.not.contain('13812345678');
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible with fields left out (${locale})`, async () => {
      const el = await open(await roleStore(users.auditor, locale as 'en'), 'customer', 'cus-mine', locale);
      await expect(el).to.be.accessible();
    });
  }
});
