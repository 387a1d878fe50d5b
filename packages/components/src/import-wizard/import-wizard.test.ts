import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuImportWizard } from './import-wizard.js';

const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 15000 });

let schemas: JsonSchema[] | undefined;
let opened: Store[] = [];
let count = 0;

async function crmStore(): Promise<Store> {
  schemas ??= await Promise.all(
    ['customer', 'customer-class', 'customer-level'].map(async (n) =>
      (await fetch(`/schemas/${n}.schema.json`)).json(),
    ),
  );
  const store = await createStore({
    entities: schemas!,
    storage: getRxStorageMemory(),
    name: `import-wizard-${Date.now()}-${count++}`,
  });
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

/** GBK bytes from a few known GB18030 codes: what Chinese Excel writes for "CSV". */
const gbk: Record<string, number[]> = {
  张: [0xd5, 0xc5],
  三: [0xc8, 0xfd],
  李: [0xc0, 0xee],
  四: [0xcb, 0xc4],
  个: [0xb8, 0xf6],
  人: [0xc8, 0xcb],
};
const encodeGbk = (text: string) =>
  new Uint8Array([...text].flatMap((c) => gbk[c] ?? (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : [])));

const root = (el: KehuImportWizard) => el.shadowRoot!;
const text = (el: KehuImportWizard) => root(el).textContent!.replace(/\s+/g, ' ');
const current = (el: KehuImportWizard) => root(el).querySelector('[aria-current="step"]')?.textContent?.trim();
const button = (el: KehuImportWizard, label: string | RegExp) =>
  [...root(el).querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!),
  )!;

async function wizardOf(store: Store, locale = 'en', attrs: { batchSize?: number } = {}) {
  return fixture<KehuImportWizard>(
    html`<kehu-import-wizard
      entity="customer"
      locale=${locale}
      .store=${store}
      .batchSize=${attrs.batchSize}
    ></kehu-import-wizard>`,
  );
}

async function choose(el: KehuImportWizard, file: File, selector = 'input#file') {
  const input = root(el).querySelector<HTMLInputElement>(selector)!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const gbkFile = () =>
  new File(
    [
      encodeGbk(
        'name,type,mobile,remark\r\n张三,个人,+86 138-0013-8000,<script>window.hacked=1</script>\r\n\r\n李四,个人,12345,ok\r\n,个人,13800138001,\r\n',
      ),
    ],
    'customers.csv',
    { type: 'text/csv' },
  );

describe('<kehu-import-wizard>', () => {
  it('reads a GBK file, shows markup in cells as text, and imports the valid rows after a dry run', async function () {
    this.timeout(60000);
    const store = await crmStore();
    const el = await wizardOf(store);
    await expect(el).to.be.accessible();
    await choose(el, gbkFile());
    await until(() => current(el) === 'Encoding and header', 'source step');
    expect(text(el)).to.contain('Detected: gb18030');
    expect(text(el)).to.contain('background thread', 'parsed in a Web Worker');
    expect(text(el)).to.contain('张三');
    expect(text(el)).to.contain('<script>window.hacked=1</script>');
    expect(root(el).querySelector('script')).to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'Next').click();
    await until(() => current(el) === 'Columns');
    const selects = [...root(el).querySelectorAll<HTMLSelectElement>('tbody select')];
    expect(selects.map((s) => s.value)).to.deep.equal(['name', 'type', 'mobile', 'remark']);
    // The user decides the remark column is not to be imported.
    selects[3].value = '';
    selects[3].dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el)).to.contain('3 of 4 columns mapped');
    await expect(el).to.be.accessible();

    button(el, 'Next').click();
    await until(() => current(el) === 'Mode');
    await expect(el).to.be.accessible();
    button(el, 'Check all rows').click();
    await until(() => /can be imported/.test(text(el)), 'dry run');
    expect(text(el)).to.contain('3 rows: 1 can be imported, 2 have problems');
    const rows = [...root(el).querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((c) => c.textContent!.trim()).slice(0, 2),
    );
    expect(rows).to.deep.equal([
      ['4', 'mobile'],
      ['5', 'name'],
    ]);
    expect(await store.entity('customer').count()).to.equal(0);
    await expect(el).to.be.accessible();

    const done = oneEvent(el, 'kehu-import-done');
    button(el, 'Import').click();
    const { detail } = await done;
    expect(detail).to.include({ entity: 'customer', inserted: 1, rejected: 2, cancelled: false });
    const [zhang] = await store.entity('customer').find();
    expect([zhang.name, zhang.type, zhang.mobile, zhang.remark]).to.deep.equal([
      '张三',
      'consumer',
      '13800138000',
      undefined,
    ]);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    const report = root(el).querySelector<HTMLAnchorElement>('[part="report"]')!;
    const bytes = new Uint8Array(await (await fetch(report.href)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const csv = new TextDecoder().decode(bytes);
    expect(csv).to.contain('李四,个人,12345');
    expect(csv.split('\r\n')[0]).to.equal('name,type,mobile,remark,Reason');
    await expect(el).to.be.accessible();
  });

  it('cancels between batches and offers to resume the unfinished job with the same file', async function () {
    this.timeout(120000);
    const store = await crmStore();
    const lines = ['客户名称,客户类型', ...Array.from({ length: 8000 }, (_, i) => `客户${i},个人`)];
    const file = new File([lines.join('\n')], 'many.csv');
    const el = await wizardOf(store, 'zh-CN', { batchSize: 50 });
    await choose(el, file);
    await until(() => current(el) === '编码与表头');
    button(el, '下一步').click();
    await until(() => current(el) === '字段对应');
    button(el, '下一步').click();
    await until(() => current(el) === '导入方式');
    button(el, '开始预检').click();
    await until(() => /可以导入/.test(text(el)), 'dry run');
    const start = oneEvent(el, 'kehu-import-start');
    button(el, '开始导入').click();
    await start;
    await until(() => root(el).querySelector('progress') && /已处理 [1-9]/.test(text(el)), 'progress');
    const done = oneEvent(el, 'kehu-import-done');
    button(el, '取消导入').click();
    const { detail } = await done;
    await expect(el).to.be.accessible();
    expect(detail.cancelled).to.equal(true);
    const written = await store.entity('customer').count();
    expect(written).to.be.above(0).and.below(8000);
    expect(written % 50).to.equal(0, 'whole batches only');
    expect(text(el)).to.contain('导入已取消');

    // After a reload: a new wizard finds the unfinished job and continues it from the same file.
    el.remove();
    const again = await wizardOf(store, 'zh-CN', { batchSize: 500 });
    await until(() => /导入未完成/.test(text(again)), 'resume offer');
    expect(text(again)).to.contain('many.csv');
    await expect(again).to.be.accessible();
    await choose(again, new File(['客户名称,客户类型\n别的,个人\n'], 'many.csv'), '.notice input[type=file]');
    await until(() => /不是原来的文件/.test(text(again)), 'other file refused');
    const finished = oneEvent(again, 'kehu-import-done');
    await choose(again, file, '.notice input[type=file]');
    expect((await finished).detail.cancelled).to.equal(false);
    expect(await store.entity('customer').count()).to.equal(8000);
  });

  it('warns and stays usable for a bad mode, and explains a missing store or entity', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const store = await crmStore();
      const el = await fixture<KehuImportWizard>(
        html`<kehu-import-wizard entity="customer" mode="merge" locale="en" .store=${store}></kehu-import-wizard>`,
      );
      expect(warnings.join()).to.contain('mode "merge"');
      expect(text(el)).to.contain('Choose a CSV or Excel');
      const lonely = await fixture<KehuImportWizard>(
        html`<kehu-import-wizard entity="nope" locale="zh-CN" .store=${store}></kehu-import-wizard>`,
      );
      expect(text(lonely)).to.contain('未知实体「nope」');
      await expect(lonely).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
