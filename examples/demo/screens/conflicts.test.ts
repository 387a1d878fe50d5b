import { expect, waitUntil } from '@open-wc/testing';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { conflictsScreen } from './conflicts.js';
import { crmStore, mountScreen } from './crm-test-support.js';

let store: Store;
afterEach(() => store?.close());

/** A customer whose remark this client and someone else changed; the sync kept this client's value. */
async function withConflict(): Promise<string> {
  store = await crmStore('conflicts');
  const customer = await store
    .entity('customer')
    .insert({ code: 'KH1', name: '张伟', type: 'consumer', remark: '已回访' });
  await store.entity('kehu-conflict').insert({
    entity: 'customer',
    recordId: customer.id,
    kind: 'edit',
    status: 'open',
    detectedAt: new Date().toISOString(),
    fields: [{ field: 'remark', local: '"周五回访"', server: '"已回访"', base: '"新客户"' }],
  });
  return customer.id;
}

describe('冲突处理 screen', () => {
  it('shows a picker for each entity with conflicts, and goes to the record once resolved', async () => {
    const id = await withConflict();
    const { host, routes } = await mountScreen(conflictsScreen, store, []);
    await waitUntil(() => host.querySelector('kehu-conflict-picker'), 'a picker shows');
    const picker = host.querySelector('kehu-conflict-picker')!;
    expect(picker.entity).to.equal('customer');
    await waitUntil(
      () => picker.shadowRoot?.querySelector('fieldset[data-field="remark"]'),
      'the remark conflict shows',
    );
    expect(host.querySelector('h1')!.textContent).to.equal('冲突处理');
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="local"]')!.click();
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="resolve"]')!.click();
    await waitUntil(() => routes.length, 'it navigates');
    expect(routes).to.deep.equal([`customer/${id}`]);
    expect((await store.entity('customer').get(id))?.remark).to.equal('周五回访');
  });

  it('shows the empty state in English when nothing is open', async () => {
    store = await crmStore('conflicts-none');
    const { host } = await mountScreen(conflictsScreen, store, [], 'en');
    await waitUntil(() => host.querySelector('kehu-conflict-picker'), 'a picker shows');
    const picker = host.querySelector('kehu-conflict-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('[part="message"]'), 'the empty state shows');
    expect(picker.shadowRoot!.textContent).to.contain('No sync conflicts to resolve.');
    await expect(host).to.be.accessible();
  });
});
