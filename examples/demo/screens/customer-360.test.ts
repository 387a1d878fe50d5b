import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import '@kehu/components/define.js';
import { customer360Screen } from './customer-360.js';
import type { ScreenContext } from './types.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

const files = ['customer-class', 'customer-level', 'customer', 'insurer', 'vehicle', 'price-tier', 'product'];
const more = ['opportunity', 'activity', 'document'];

let store: Store;
before(async () => {
  const schemas: JsonSchema[] = [];
  for (const name of [...files, ...more]) schemas.push(await (await fetch(`/schemas/${name}.schema.json`)).json());
  store = await createStore({ entities: schemas, name: `c360-${Date.now()}`, user: { id: 'u', name: '王经理' } });
});
after(() => store.close());

describe('customer-360 screen', () => {
  it('shows the chosen customer, its vehicles and its history side by side', async () => {
    const customer = await store.entity('customer').insert({ name: '宁波远航汽车服务', type: 'b2b' });
    await store.entity('vehicle').insert({ vin: 'LSVAM4187C2184847', plate: '浙B12345', owner: customer.id });
    await store.entity('customer').patch(customer.id, { importance: 'vip' });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const routes: string[] = [];
    const context: ScreenContext = {
      store,
      entities: [...store.entities.values()],
      locale: 'zh-CN',
      params: [customer.id],
      navigate: (hash) => routes.push(hash),
    };
    customer360Screen.render(host, context);
    const detail = host.querySelector('kehu-record-detail')!;
    const timeline = host.querySelector('kehu-record-timeline')!;
    await waitUntil(() => detail.shadowRoot!.querySelector('h2')?.textContent === '宁波远航汽车服务');
    await waitUntil(() => detail.shadowRoot!.textContent!.includes('车辆档案 (1)'), 'the vehicle section');
    await waitUntil(() => timeline.shadowRoot!.textContent!.includes('王经理 将重要程度'), 'the history');
    customer360Screen.render(host, { ...context, locale: 'en', params: [] });
    await waitUntil(() => host.querySelector<HTMLElement>('#c360-body')!.hidden);
    expect(host.textContent).to.contain('Choose a customer to see');
  });
});
