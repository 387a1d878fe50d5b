import { expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { pricesScreen } from './prices.js';
import { crmStore, mountScreen } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
let fleet: { id: string };
let oil: { id: string };
let agreement: { id: string };
before(async () => {
  store = await crmStore('prices');
  await store.entity('price-tier').insert({ id: 'ptr-001', code: 'DIRECT', name: '零售价', kind: 'direct' });
  fleet = await store
    .entity('customer')
    .insert({ name: '广州粤顺物流有限公司', type: 'b2b', organisation: '广州分公司' });
  oil = await store.entity('product').insert({
    name: '嘉实多极护 5W-40 4L',
    unit: 'drum',
    prices: [{ tier: 'ptr-001', price: 429 }],
  });
  agreement = await store.entity('period-price').insert({
    name: '粤顺年度协议',
    product: oil.id,
    customer: fleet.id,
    validFrom: '2026-01-01',
    validTo: '2026-11-01', // ends on the demo's "today"
    price: 309,
  });
});
after(() => store.close());

const open = (params: string[], locale: 'zh-CN' | 'en' = 'zh-CN') => mountScreen(pricesScreen, store, params, locale);

function lookup(host: HTMLElement, values: { customer?: string; product?: string; date?: string }) {
  const pick = (id: string) => host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>(id)!;
  pick('#lookup-customer').value = values.customer ?? '';
  pick('#lookup-product').value = values.product ?? '';
  if (values.date) host.querySelector<HTMLInputElement>('#lookup-date')!.value = values.date;
  host.querySelector<HTMLButtonElement>('#lookup-go')!.click();
}

describe('prices screen', () => {
  it('looks a price up and says which rule and record gave it', async () => {
    const { host, routes } = await open([]);
    const rule = () => host.querySelector('#lookup-rule')?.textContent ?? '';
    lookup(host, { customer: fleet.id, product: oil.id, date: '2026-11-01' });
    await waitUntil(() => rule().includes('① 客户期间价'), 'the customer period price, ending today');
    expect(host.querySelector('#lookup-price')!.textContent).to.contain('309.00');
    expect(host.querySelector('#lookup-explanation')!.textContent).to.contain('粤顺年度协议');
    host.querySelector<HTMLButtonElement>('#lookup-source')!.click();
    expect(routes).to.deep.equal([`screen/prices/${agreement.id}`]);
    lookup(host, { customer: fleet.id, product: oil.id, date: '2026-11-02' });
    await waitUntil(() => rule().includes('④ 组织默认价格层级'), 'the day after: the default tier');
    expect(host.querySelector('#lookup-price')!.textContent).to.contain('429.00');
    await expect(host).to.be.accessible();
  });

  it('asks for a product, and edits a period price from the list in English', async () => {
    const { host } = await open([agreement.id], 'en');
    lookup(host, {});
    await waitUntil(() => host.querySelector('#lookup-result')!.textContent === 'Choose a product first.');
    expect(host.querySelector('#prices-form-title')!.textContent).to.equal('Edit period price');
    const form = host.querySelector('kehu-record-form')!;
    await waitUntil(() => form.values.name === '粤顺年度协议', 'the period price in the form');
    await expect(host).to.be.accessible();
  });
});
