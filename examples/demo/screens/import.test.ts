import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { FindOptions, Repository, Store } from '@kehu/core';
import '@kehu/components/define.js';
import { importScreen } from './import.js';
import { crmStore, screenContext } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
before(async () => {
  store = await crmStore('import-screen');
  await store.entity('customer').bulkInsert([
    { id: 'cus-1', name: '广州粤顺物流有限公司', type: 'b2b' },
    { id: 'cus-2', name: '=HYPERLINK("http://x","y")', type: 'consumer' },
  ]);
});
after(() => store.close());

describe('import & export screen (导入导出)', () => {
  it('shows the wizard and the list for the chosen archive and exports the list as CSV and XLSX', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), create(blob));
    try {
      importScreen.render(el, screenContext(store, 'en'));
      const wizard = el.querySelector('kehu-import-wizard')!;
      expect(wizard.entity).to.equal('customer');
      expect(el.querySelector('#import-heading')!.textContent).to.equal('Import');
      importScreen.render(el, screenContext(store, 'zh-CN', ['vehicle']));
      expect(wizard.entity).to.equal('vehicle');
      expect(el.querySelector('kehu-record-list')!.entity).to.equal('vehicle');
      expect(el.querySelector('#export-csv')!.textContent).to.equal('导出 CSV');

      importScreen.render(el, screenContext(store, 'en', ['customer']));
      const status = el.querySelector('#export-status')!;
      el.querySelector<HTMLButtonElement>('#export-csv')!.click();
      await waitUntil(() => status.textContent === '2 records exported.', 'csv export');
      const csv = await saved.at(-1)!.text();
      expect(csv).to.contain(`"'=HYPERLINK(""http://x"",""y"")"`);
      el.querySelector<HTMLButtonElement>('#export-xlsx')!.click();
      await waitUntil(() => saved.at(-1)!.type !== 'text/csv;charset=utf-8' && saved.length === 2, 'xlsx export');
      const head = new Uint8Array(await saved[1].slice(0, 2).arrayBuffer());
      expect([...head]).to.deep.equal([0x50, 0x4b], 'a ZIP (XLSX) file');
      await expect(el).to.be.accessible();
    } finally {
      URL.createObjectURL = create;
    }
  });

  it('shows the progress of a large export, and cancelling saves nothing', async () => {
    const big = await crmStore('import-screen-big');
    const el = await fixture<HTMLElement>(html`<div></div>`);
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), create(blob));
    try {
      await big
        .entity('customer')
        .bulkInsert(Array.from({ length: 2500 }, (_, i) => ({ name: `客户 ${i}`, type: 'consumer' as const })));
      // Each page the export reads waits for the test, so it sees the export between pages.
      const waiting: (() => void)[] = [];
      const entity = big.entity.bind(big);
      big.entity = ((name: string) =>
        new Proxy(entity(name) as Repository, {
          get: (target, key) =>
            key === 'find'
              ? async (options?: FindOptions) => {
                  // Only the export's pages (the list on the screen reads 100 at a time).
                  if (options?.limit === 1000) await new Promise<void>((resolve) => waiting.push(resolve));
                  return target.find(options);
                }
              : (Reflect.get(target, key, target) as (...args: unknown[]) => unknown).bind(target),
        })) as Store['entity'];
      importScreen.render(el, screenContext(big, 'zh-CN', ['customer']));
      el.querySelector<HTMLButtonElement>('#export-csv')!.click();
      const progress = el.querySelector<HTMLElement>('#export-progress')!;
      const bar = progress.querySelector('[role="progressbar"]')!;
      await waitUntil(() => !progress.hidden && waiting.length, 'the progress bar', { timeout: 10000 });
      expect(bar.getAttribute('aria-valuenow')).to.equal('0');
      waiting.shift()!();
      await waitUntil(() => bar.getAttribute('aria-valuenow') === '1000' && waiting.length, 'a page read', {
        timeout: 10000,
      });
      expect(progress.textContent).to.contain('正在导出 1,000 / 2,500 条');
      await expect(progress).to.be.accessible();
      el.querySelector<HTMLButtonElement>('#export-cancel')!.click();
      waiting.splice(0).forEach((go) => go());
      const status = el.querySelector('#export-status')!;
      await waitUntil(() => status.textContent === '已取消导出，未保存文件。', 'cancelled', { timeout: 10000 });
      expect(progress.hidden).to.equal(true);
      expect(saved).to.deep.equal([]);
    } finally {
      URL.createObjectURL = create;
      await big.close();
    }
  });
});
