import { expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { documentEntryScreen } from './document-entry.js';
import { crmStore, mountScreen } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
let customer: { id: string };
let oil: { id: string };
before(async () => {
  store = await crmStore('doc-workflow', { id: 'u', name: '李会计' });
  await store.entity('price-tier').insert({ id: 'ptr-001', code: 'DIRECT', name: '零售价', kind: 'direct' });
  customer = await store.entity('customer').insert({ name: '宁波远航汽车服务', type: 'b2b' });
  oil = await store.entity('product').insert({
    name: '嘉实多极护 5W-40 4L',
    unit: 'drum',
    prices: [{ tier: 'ptr-001', price: 429 }],
  });
  await store.entity('period-price').insert({
    name: '双十一机油促销',
    product: oil.id,
    validFrom: '2026-11-01',
    validTo: '2026-11-11',
    price: 379,
  });
});
after(() => store.close());

async function open(params: string[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { host, routes, context } = await mountScreen(documentEntryScreen, store, params, locale);
  return { host, routes, context, form: host.querySelector('kehu-record-form')! };
}

const button = (host: HTMLElement, action: string) => host.querySelector<HTMLButtonElement>(`#wf-${action}`)!;
const visible = (host: HTMLElement) =>
  ['submit', 'approve', 'reject', 'reverse'].filter((a) => !button(host, a).hidden);

describe('document-entry workflow', () => {
  it('fills an empty unit price from the price rules when a line’s product is chosen', async () => {
    const { host, form } = await open([]);
    form.record = { kind: 'order', date: '2026-11-05', customer: customer.id, lines: [] };
    await waitUntil(() => form.shadowRoot!.querySelector('kehu-line-items'), 'the lines grid');
    const grid = form.shadowRoot!.querySelector('kehu-line-items')!;
    // What the grid reports once a product is picked in the first row.
    grid.dispatchEvent(
      new CustomEvent('kehu-line-items-change', {
        detail: { rows: [{ product: oil.id, description: '机油', quantity: 2 }], path: [0, 'product'] },
        bubbles: true,
        composed: true,
      }),
    );
    await waitUntil(() => (form.values.lines as { unitPrice?: number }[])?.[0]?.unitPrice === 379, 'the price');
    expect(host.querySelector('#wf-price')!.textContent).to.contain('全部客户期间价「双十一机油促销」');
    await waitUntil(() => form.values.totalAmount === 758, 'the total follows');
    await waitUntil(() => grid.rows[0]?.unitPrice === 379, 'the grid shows the price');
    expect(visible(host)).to.deep.equal([], 'no workflow for a document not saved yet');
  });

  it('submits, rejects with a comment, resubmits, approves and reverses a document', async () => {
    const draft = await store.entity('document').insert({
      kind: 'order',
      customer: customer.id,
      date: '2026-11-05',
      lines: [{ product: oil.id, description: '机油', quantity: 10, unitPrice: 379 }],
    });
    const { host, form, routes } = await open([draft.id]);
    const status = () => host.querySelector('#wf-status')!.textContent;
    await waitUntil(() => status()?.includes('草稿'), 'draft status');
    expect(visible(host)).to.deep.equal(['submit']);
    button(host, 'submit').click();
    await waitUntil(() => status()?.includes('已提交'), 'submitted');
    expect(visible(host)).to.deep.equal(['approve', 'reject']);
    button(host, 'reject').click();
    await waitUntil(() => host.querySelector('#wf-message')!.textContent!.includes('驳回须填写审核意见'));
    host.querySelector<HTMLInputElement>('#wf-reason')!.value = '价格低于最低限价';
    button(host, 'reject').click();
    await waitUntil(() => status()?.includes('已驳回'), 'rejected');
    expect((await store.entity('document').get(draft.id))?.reviewComment).to.equal('价格低于最低限价');
    button(host, 'submit').click();
    await waitUntil(() => status()?.includes('已提交'), 'resubmitted');
    button(host, 'approve').click();
    await waitUntil(() => status()?.includes('已审核'), 'approved');
    expect(form.readonly).to.equal(true);
    expect(host.querySelector('#wf-message')!.textContent).to.contain('已审核');
    const [tracking] = await store.entity('tracking-price').find({ selector: { customer: customer.id } });
    expect(tracking?.price).to.equal(379);
    expect(visible(host)).to.deep.equal(['reverse']);
    button(host, 'reverse').click();
    await waitUntil(() => routes.length === 1, 'navigation to the reversal');
    const reversal = await store.entity('document').get(decodeURIComponent(routes[0].split('/').pop()!));
    expect(reversal?.reverses).to.equal(draft.id);
    expect(reversal?.totalAmount).to.equal(-3790);
    await expect(host).to.be.accessible();
  });

  it('works again when the demo shows the screen anew in the same host', async () => {
    const draft = await store.entity('document').insert({
      kind: 'order',
      customer: customer.id,
      date: '2026-11-07',
      lines: [{ product: oil.id, description: '机油', quantity: 1, unitPrice: 379 }],
    });
    const { host, context } = await open([draft.id]);
    await waitUntil(() => host.querySelector('#wf-status')!.textContent!.includes('草稿'), 'draft status');
    // The demo empties its one screen host for another screen, then builds this one again in it.
    host.replaceChildren();
    documentEntryScreen.render(host, context);
    const status = () => host.querySelector('#wf-status')!.textContent;
    await waitUntil(() => status()?.includes('草稿'), 'draft status again');
    button(host, 'submit').click();
    await waitUntil(() => status()?.includes('已提交'), 'the new bar submits');
  });

  it('shows the bar in English and stays accessible', async () => {
    const doc = await store.entity('document').insert({
      kind: 'quote',
      customer: customer.id,
      date: '2026-11-06',
      lines: [{ description: '<script>alert(1)</script>', quantity: 1, unitPrice: 1 }],
    });
    const { host } = await open([doc.id], 'en');
    await waitUntil(() => host.querySelector('#wf-status')!.textContent!.includes('Draft'));
    expect(button(host, 'submit').textContent).to.equal('Submit');
    expect(host.querySelector('script')).to.equal(null);
    await expect(host).to.be.accessible();
  });
});
