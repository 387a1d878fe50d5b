import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import '@kehu/components/define.js';
import { documentEntryScreen } from './document-entry.js';
import type { ScreenContext } from './types.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

const files = [
  'customer-class',
  'customer-level',
  'customer',
  'insurer',
  'vehicle',
  'price-tier',
  'product',
  'document',
];

let store: Store;
before(async () => {
  const schemas: JsonSchema[] = [];
  for (const name of files) schemas.push(await (await fetch(`/schemas/${name}.schema.json`)).json());
  store = await createStore({ entities: schemas, name: `doc-entry-${Date.now()}` });
});
after(() => store.close());

describe('document-entry screen', () => {
  it('enters a new document with pasted lines and a computed total', async () => {
    const customer = await store.entity('customer').insert({ name: '宁波远航汽车服务', type: 'b2b' });
    const provider = await fixture<HTMLElement>(
      html`<kehu-store-provider .store=${store}><div id="host"></div></kehu-store-provider>`,
    );
    const host = provider.querySelector<HTMLElement>('#host')!;
    const routes: string[] = [];
    const context: ScreenContext = {
      store,
      entities: [...store.entities.values()],
      locale: 'zh-CN',
      params: [],
      navigate: (hash) => routes.push(hash),
    };
    documentEntryScreen.render(host, context);
    const form = host.querySelector('kehu-record-form')!;
    form.record = { kind: 'order', date: '2024-03-01', customer: customer.id, lines: [] };
    await waitUntil(() => form.shadowRoot!.querySelector('kehu-line-items'), 'the lines grid');
    form.shadowRoot!.querySelector<HTMLButtonElement>('#tab-lines')!.click(); // the document's lines tab
    const grid = form.shadowRoot!.querySelector('kehu-line-items')!;
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    await waitUntil(() => grid.shadowRoot!.querySelector('[data-row="0"][data-key="description"]'), 'a row', {
      timeout: 5000,
    });
    const data = new DataTransfer();
    data.setData('text/plain', '机油滤芯\t２\t"1,280.00"\t10\n工时费\t1\t300\t\n');
    grid
      .shadowRoot!.querySelector('[data-row="0"][data-key="description"]')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }),
      );
    await waitUntil(
      () => form.shadowRoot!.querySelector<HTMLInputElement>('#field-totalAmount')?.value === '2604.00',
      'the total',
    );
    expect(form.dirty).to.equal(true);
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => routes.length === 1, 'navigation to the saved document');
    const saved = await store.entity('document').get(decodeURIComponent(routes[0].split('/').pop()!));
    expect(saved?.totalAmount).to.equal(2604);
    expect(saved?.lines?.map((l) => l.amount)).to.deep.equal([2304, 300]);
  });
});
