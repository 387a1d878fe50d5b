import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';

/** Rows as the list draws them: one template per row, column keys in its markup, titles on hover. */
const partSchema: JsonSchema = {
  $id: 'spare-part',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '配件', en: 'Spare part' },
    titleField: 'name',
    list: { columns: ['name', 'price', 'stocked'], sort: { field: 'name', direction: 'asc' } },
  },
  properties: {
    name: { type: 'string', maxLength: 200, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } },
    price: { type: 'number', 'x-kehu': { label: { 'zh-CN': '单价', en: 'Price' }, widget: 'money' } },
    stocked: { type: 'boolean', 'x-kehu': { label: { 'zh-CN': '有货', en: 'Stocked' } } },
  },
};

const parts = [
  { name: 'Air filter for the 2.0T engine, genuine part, box of two', price: 88, stocked: true },
  { name: 'Brake pads', price: 320.5 },
  { name: 'Wiper blade', stocked: false },
];

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function list(): Promise<KehuRecordList> {
  store = await createStore({ entities: [partSchema], name: `record-row-${Date.now()}` });
  await store.entity('spare-part').bulkInsert(parts);
  const el = await fixture<KehuRecordList>(
    html`<kehu-record-list entity="spare-part" locale="en" .store=${store}></kehu-record-list>`,
  );
  await waitUntil(() => rows(el).length === 3, 'three rows');
  return el;
}

/** Record rows in display order. */
const rows = (el: KehuRecordList) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]:not([part~="placeholder"])')].sort(
    (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
  );
const cellsOf = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
const hover = (cell: HTMLElement) => cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));

describe('<kehu-record-list> rows', () => {
  it('marks every cell with its column key and kind', async () => {
    const el = await list();
    for (const row of rows(el)) {
      expect(cellsOf(row).map((cell) => [cell.dataset.key, cell.dataset.kind])).to.deep.equal([
        ['name', 'text'],
        ['price', 'money'],
        ['stocked', 'boolean'],
      ]);
    }
  });

  it("shows a cell's whole text as its tooltip on hover, for the record the row shows now", async () => {
    const el = await list();
    const [name, price, stocked] = cellsOf(rows(el)[0]);
    expect(name.hasAttribute('title')).to.equal(false);
    hover(name);
    expect(name.title).to.equal(parts[0].name);
    hover(price);
    expect(price.title).to.equal('CN¥88.00');
    // A boolean cell shows ✓ and says "Yes" to screen readers: the tooltip is what it shows.
    hover(stocked);
    expect(stocked.title).to.equal('✓');
    const empty = cellsOf(rows(el)[1])[2];
    hover(empty);
    expect(empty.hasAttribute('title')).to.equal(false);

    // Sorted the other way, the same row element shows another record: a new hover says so.
    const header = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="columnheader"][data-key="name"] button')!;
    header.click();
    await waitUntil(() => cellsOf(rows(el)[0])[0].textContent!.trim() === 'Wiper blade', 'sorted descending');
    const first = cellsOf(rows(el)[0])[0];
    hover(first);
    expect(first.title).to.equal('Wiper blade');
  });

  it('stacks the rows one below the other, each a row height lower', async () => {
    const el = await list();
    await waitUntil(() => rows(el).every((row) => row.style.transform), 'rows positioned');
    const tops = rows(el).map((row) => row.getBoundingClientRect().top);
    const height = rows(el)[0].getBoundingClientRect().height;
    expect(height).to.be.greaterThan(0);
    tops.forEach((top, i) => expect(top - tops[0]).to.be.closeTo(i * height, 1));
  });
});
