import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createStore, openBackup, type JsonSchema, type Store } from '@kehu/core';
import '@kehu/components/define.js';
import { dataQualityScreen } from './data-quality.js';
import type { ScreenContext } from './types.js';

let store: Store;
before(async () => {
  const schemas: JsonSchema[] = [];
  for (const name of ['customer-class', 'customer-level', 'customer', 'vehicle'])
    schemas.push(await (await fetch(`/schemas/${name}.schema.json`)).json());
  store = await createStore({ entities: schemas, name: `dq-${Date.now()}`, user: { id: 'u', name: '王经理' } });
  await store.entity('customer').bulkInsert([
    { id: 'a', name: '宁波远航汽车服务有限公司', type: 'b2b', mobile: '13800138000' },
    { id: 'b', name: '宁波远航汽车服务公司', type: 'b2b', mobile: '13800138000', remark: '<script>x</script>' },
    { id: 'c', name: '张三', type: 'consumer' },
  ]);
});
after(() => store.close());

describe('data-quality screen', () => {
  it('shows the duplicate review, completeness per archive and makes a backup', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const context: ScreenContext = {
      store,
      entities: [...store.entities.values()],
      locale: 'zh-CN',
      params: [],
      navigate: () => undefined,
    };
    dataQualityScreen.render(host, context);
    const review = host.querySelector('kehu-duplicate-review')!;
    await waitUntil(() => review.shadowRoot!.querySelectorAll('[part~="pair"]').length === 1, 'the planted pair');
    await waitUntil(() => host.querySelector('#dq-completeness-table tbody tr'), 'completeness rows');
    expect(host.querySelector('#dq-completeness-table')!.textContent).to.contain('客户档案');
    let saved: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => ((saved = blob), 'blob:test');
    try {
      host.querySelector<HTMLButtonElement>('#dq-download')!.click();
      await waitUntil(() => /备份已生成/.test(host.querySelector('#dq-download-status')!.textContent!), 'backup ready');
    } finally {
      URL.createObjectURL = original;
    }
    const backup = await openBackup(await saved!.text());
    expect(backup.content.entities.customer.records).to.have.length(3);
    dataQualityScreen.render(host, { ...context, locale: 'en' });
    expect(host.querySelector('#dq-duplicates')!.textContent).to.equal('Find and merge duplicate customers');
    await expect(host).to.be.accessible({ ignoredRules: ['page-has-heading-one', 'region'] });
  });
});
