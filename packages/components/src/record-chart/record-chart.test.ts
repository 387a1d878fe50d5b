import { fixture, fixtureCleanup, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordChart } from './record-chart.js';

const clientSchema: JsonSchema = {
  $id: 'client',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Client' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 50 } },
};

/** A business document: a kind (enum), a client (reference), a date and a total in yuan. */
const documentSchema: JsonSchema = {
  $id: 'doc',
  type: 'object',
  required: ['kind', 'date'],
  'x-kehu': {
    label: { 'zh-CN': '单据', en: 'Document' },
    pluralLabel: { 'zh-CN': '单据', en: 'Documents' },
    indexes: ['kind'],
  },
  properties: {
    kind: {
      type: 'string',
      enum: ['quote', 'order', 'contract'],
      maxLength: 10,
      'x-kehu': {
        label: { 'zh-CN': '单据类型', en: 'Kind' },
        enumLabels: {
          quote: { 'zh-CN': '报价单', en: 'Quote' },
          order: { 'zh-CN': '销售订单', en: 'Order' },
          contract: { 'zh-CN': '合同', en: 'Contract' },
        },
      },
    },
    client: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '客户', en: 'Client' }, ref: 'client' } },
    date: { type: 'string', format: 'date', 'x-kehu': { label: { 'zh-CN': '单据日期', en: 'Date' } } },
    total: {
      type: 'number',
      minimum: 0,
      multipleOf: 0.01,
      'x-kehu': { label: { 'zh-CN': '合计金额', en: 'amount' }, widget: 'money' },
    },
    note: { type: 'string', maxLength: 50 },
  },
};

const clients = [
  { id: 'c1', name: '杭州<script>alert(1)</script>汽配' },
  { id: 'c2', name: 'Beijing Motors' },
];

/** Six documents: January and March 2024 (February empty), totals with cents. */
const documents = [
  { kind: 'order', client: 'c1', date: '2024-01-05', total: 1999.99 },
  { kind: 'order', client: 'c2', date: '2024-01-20', total: 0.1 },
  { kind: 'quote', client: 'c1', date: '2024-01-31', total: 0.2 },
  { kind: 'order', client: 'c1', date: '2024-03-02', total: 350 },
  { kind: 'contract', client: 'c2', date: '2024-03-15' },
  { kind: 'quote', date: '2024-03-31', total: 12.5 },
];

let opened: Store[] = [];
let count = 0;
async function seeded(docs = documents): Promise<Store> {
  const store = await createStore({
    entities: [clientSchema, documentSchema],
    name: `record-chart-${Date.now()}-${count++}`,
  });
  opened.push(store);
  await store.entity('client').bulkInsert(clients);
  if (docs.length) await store.entity('doc').bulkInsert(docs);
  return store;
}

afterEach(async () => {
  fixtureCleanup();
  for (const store of opened) await store.close();
  opened = [];
});

const root = (el: KehuRecordChart) => el.shadowRoot!;
const part = (el: KehuRecordChart, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
/** The data table as text: header row, then one array per category. */
const table = (el: KehuRecordChart) =>
  [...root(el).querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
const drawn = async (el: KehuRecordChart) => waitUntil(() => el.chart, 'ECharts never drew', { timeout: 15000 });
/** The series data ECharts was given. */
const option = (el: KehuRecordChart) =>
  el.chart!.getOption() as { series: { type: string; name: string; data: unknown[] }[]; xAxis?: { data: string[] }[] };

async function chart(store: Store | undefined, attributes: string, locale = 'en'): Promise<KehuRecordChart> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div lang=${locale}><kehu-record-chart entity="doc" ${attributes}></kehu-record-chart></div>`,
  );
  const el = wrapper.querySelector('kehu-record-chart')!;
  el.store = store;
  await el.updateComplete;
  return el;
}

/** Records console.warn calls for the duration of one test. */
function warnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

describe('<kehu-record-chart>', () => {
  describe('when grouping by an enum field', () => {
    it('should count records per group, in the schema order, with zh-CN labels', async () => {
      const el = await chart(await seeded(), 'group-by="kind"', 'zh-CN');
      await waitUntil(() => table(el).length === 4, 'table rows');
      expect(table(el)).to.deep.equal([
        ['单据类型', '数量'],
        ['报价单', '2'],
        ['销售订单', '3'],
        ['合同', '1'],
      ]);
      expect(part(el, 'heading')!.textContent!.trim()).to.equal('按单据类型统计的单据数量');
      await drawn(el);
      const { series, xAxis } = option(el);
      expect(series[0].type).to.equal('bar');
      expect(series[0].data).to.deep.equal([2, 3, 1]);
      expect(xAxis![0].data).to.deep.equal(['报价单', '销售订单', '合同']);
      expect(part(el, 'chart')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('should draw a pie with one slice per group', async () => {
      const el = await chart(await seeded(), 'type="pie" group-by="kind" measure="sum:total"');
      await drawn(el);
      const [pie] = option(el).series;
      expect(pie.type).to.equal('pie');
      expect(pie.data.map((d) => (d as { name: string; value: number }).value)).to.deep.equal([12.7, 2350.09]);
      expect(table(el)[3]).to.deep.equal(['Contract', '—']);
    });
  });

  describe('when charting over time', () => {
    it('should sum money per month in currency, the empty month included', async () => {
      const el = await chart(await seeded(), 'type="line" period="month:date" measure="sum:total"');
      await waitUntil(() => table(el).length === 4, 'table rows');
      expect(table(el)).to.deep.equal([
        ['Date', 'Total amount'],
        ['Jan 2024', 'CN¥2,000.29'],
        ['Feb 2024', 'CN¥0.00'],
        ['Mar 2024', 'CN¥362.50'],
      ]);
      await drawn(el);
      expect(option(el).series[0].data).to.deep.equal([2000.29, 0, 362.5]);
    });

    it('should draw one series per group', async () => {
      const el = await chart(await seeded(), 'type="line" period="quarter:date" group-by="kind"', 'zh-CN');
      await drawn(el);
      const { series, xAxis } = option(el);
      expect(series.map((s) => [s.name, s.data])).to.deep.equal([
        ['报价单', [2]],
        ['销售订单', [3]],
        ['合同', [1]],
      ]);
      expect(xAxis![0].data).to.deep.equal(['2024年第1季度']);
    });
  });

  it('should label references with the referenced record titles, as text', async () => {
    const el = await chart(await seeded(), 'group-by="client"');
    await waitUntil(() => table(el).length === 4, 'table rows');
    expect(table(el).slice(1)).to.deep.equal([
      ['杭州<script>alert(1)</script>汽配', '3'],
      ['Beijing Motors', '2'],
      ['(none)', '1'],
    ]);
    expect(root(el).querySelector('script')).to.equal(null);
  });

  it('should keep to the selector', async () => {
    const el = await chart(await seeded(), `group-by="kind" selector='{"client":"c2"}'`);
    await waitUntil(() => table(el).length === 3, 'table rows');
    expect(table(el).slice(1)).to.deep.equal([
      ['Order', '1'],
      ['Contract', '1'],
    ]);
  });

  it('should update after records are inserted and removed', async () => {
    const store = await seeded();
    const el = await chart(store, 'group-by="kind"');
    await waitUntil(() => table(el)[1]?.[1] === '2', 'first count');
    const added = await store.entity('doc').insert({ kind: 'quote', date: '2024-04-01' });
    await waitUntil(() => table(el)[1][1] === '3', 'count after insert');
    await drawn(el);
    await waitUntil(() => (option(el).series[0].data as number[])[0] === 3, 'chart after insert');
    await store.entity('doc').remove(added.id);
    await waitUntil(() => table(el)[1][1] === '2', 'count after remove');
  });

  it('should switch locale at run time', async () => {
    const el = await chart(await seeded(), 'group-by="kind"', 'en');
    await waitUntil(() => table(el)[1]?.[0] === 'Quote');
    el.locale = 'zh-CN';
    await waitUntil(() => table(el)[1][0] === '报价单');
    expect(part(el, 'table-toggle')!.textContent!.trim()).to.equal('显示为表格');
    await drawn(el);
    await waitUntil(() => option(el).xAxis![0].data[0] === '报价单', 'chart labels follow');
  });

  it('should show the table from the keyboard', async () => {
    const el = await chart(await seeded(), 'group-by="kind"');
    await waitUntil(() => part(el, 'table-toggle'));
    expect(part(el, 'table')!.classList.contains('visually-hidden')).to.equal(true);
    part(el, 'table-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'table-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'table')!.classList.contains('visually-hidden')).to.equal(false);
    expect(el.hasAttribute('table-visible')).to.equal(true);
  });

  it('should show the empty state for an entity without records', async () => {
    const el = await chart(await seeded([]), 'group-by="kind"', 'zh-CN');
    await waitUntil(() => part(el, 'empty'));
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('暂无数据');
    expect(part(el, 'table')).to.equal(null);
  });

  describe('with bad attributes', () => {
    for (const [attributes, expected] of [
      ['type="donut"', 'type "donut"'],
      ['measure="median:total"', 'measure "median:total"'],
      ['measure="sum:note"', 'field "note" is not a number'],
      ['group-by="colour"', 'no field "colour"'],
      ['period="fortnight:date"', 'period "fortnight:date"'],
      ['period="month:kind"', 'period "month:kind"'],
      [`selector='{oops'`, 'selector is not a JSON object'],
    ]) {
      it(`should warn and show the empty state for ${attributes}`, async () => {
        const log = warnings();
        try {
          const el = await chart(await seeded(), attributes);
          await waitUntil(() => part(el, 'empty'));
          expect(
            log.messages.some((m) => m.includes(expected)),
            log.messages.join('\n'),
          ).to.equal(true);
          expect(part(el, 'table')).to.equal(null);
          expect(el.chart).to.equal(undefined);
        } finally {
          log.restore();
        }
      });
    }
  });

  it('should say when there is no store', async () => {
    const el = await chart(undefined, 'group-by="kind"', 'zh-CN');
    expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'message')!.textContent).to.contain('未连接数据存储');
  });

  it('should take properties set before it is connected', async () => {
    const store = await seeded();
    const el = document.createElement('kehu-record-chart');
    Object.assign(el, { store, entity: 'doc', groupBy: 'kind', measure: 'count', locale: 'en', heading: 'Mix' });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(el);
    await waitUntil(() => table(el).length === 4);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Mix');
  });

  it('should resize with the element and dispose ECharts when removed', async () => {
    const el = await chart(await seeded(), 'group-by="kind"');
    el.style.width = '600px';
    await drawn(el);
    const instance = el.chart!;
    await waitUntil(() => instance.getWidth() > 500, 'initial width');
    el.style.width = '300px';
    await waitUntil(() => instance.getWidth() < 320, `resized, still ${instance.getWidth()}`);
    el.remove();
    expect(instance.isDisposed()).to.equal(true);
    expect(el.chart).to.equal(undefined);
  });

  it('should draw with the dark theme colours when the page is dark', async () => {
    const store = await seeded();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="color-scheme: dark">
        <kehu-record-chart entity="doc" group-by="kind" .store=${store}></kehu-record-chart>
      </div>`,
    );
    const el = wrapper.querySelector('kehu-record-chart')!;
    await drawn(el);
    const { textStyle, color } = el.chart!.getOption() as { textStyle: { color: string }; color: string[] };
    expect(textStyle.color).to.equal('rgb(230, 232, 235)');
    expect(color[0]).to.equal('rgb(107, 156, 255)');
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`should be accessible in ${locale}, table hidden and shown`, async () => {
      const el = await chart(await seeded(), 'group-by="kind" period="month:date"', locale);
      await drawn(el);
      await expect(el).to.be.accessible();
      el.tableVisible = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
