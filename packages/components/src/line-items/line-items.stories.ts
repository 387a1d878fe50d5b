import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './define.js';
import type { KehuLineItems, LineItemIssue } from './line-items.js';
import { linesField } from './test-fixtures.js';

type Row = Record<string, unknown>;

interface Args {
  rows: Row[];
  issues: LineItemIssue[];
  readonly: boolean;
  locale?: string;
}

const jobs: Row[] = [
  { description: '更换机油', kind: 'labour', quantity: 1, unitPrice: 120, amount: 120 },
  {
    description: '刹车保养',
    kind: 'part',
    quantity: 1,
    unitPrice: 200,
    discount: 10,
    parts: [
      { name: '刹车片', qty: 2, price: 180, cost: 360 },
      { name: '刹车油', qty: 1, price: 68, cost: 68 },
    ],
    amount: 608,
  },
  { description: '四轮定位', kind: 'labour', quantity: 1, unitPrice: 99.9, amount: 99.9 },
];

const meta: Meta<Args> = {
  title: 'Elements/kehu-line-items',
  component: 'kehu-line-items',
  args: { rows: jobs, issues: [], readonly: false },
  render: (args) =>
    html`<kehu-line-items
      .field=${linesField}
      .rows=${args.rows}
      .issues=${args.issues}
      ?readonly=${args.readonly}
      locale=${args.locale ?? ''}
      @kehu-line-items-change=${(e: CustomEvent) => ((e.target as KehuLineItems).rows = e.detail.rows)}
      style="max-width: 64rem"
    ></kehu-line-items>`,
};

export default meta;
type Story = StoryObj<Args>;

/** A service order's lines: amounts and the total computed, a job with two parts (Enter on 配件 opens them). */
export const ServiceLines: Story = {};

/** The same in English. */
export const English: Story = { args: { locale: 'en' } };

/** No rows yet: add one or paste cells from a spreadsheet. */
export const Empty: Story = { args: { rows: [] } };

/** 1,000 lines: only those in view are rendered; a keystroke redraws one row. */
export const ThousandRows: Story = {
  args: {
    rows: Array.from({ length: 1000 }, (_, i) => ({
      description: `配件 ${i + 1}`,
      kind: 'part',
      quantity: 1 + (i % 5),
      unitPrice: 10 + (i % 7),
      amount: (1 + (i % 5)) * (10 + (i % 7)),
    })),
  },
};

/** Problems from validation, shown on their cells and read out with them. */
export const WithProblems: Story = {
  args: {
    rows: [{ quantity: 0 }, ...jobs.slice(0, 1)],
    issues: [
      { path: [0, 'description'], message: { 'zh-CN': '请填写摘要', en: 'Enter a description' } },
      { path: [0, 'quantity'], message: { 'zh-CN': '数量必须大于 0', en: 'Quantity must be above 0' } },
    ],
  },
};

/** After pasting cells copied from Excel: full-width digits and thousands separators read, bad cells listed. */
export const AfterPaste: Story = {
  args: { rows: [] },
  play: async ({ canvasElement }) => {
    const grid = canvasElement.querySelector<KehuLineItems>('kehu-line-items')!;
    await grid.updateComplete;
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const data = new DataTransfer();
    data.setData('text/plain', '机油\t配件\t１２\t"1,234.50"\n工时\t工时\t2\t￥３０\n滤芯\t零件\tx\t5\n');
    grid
      .shadowRoot!.querySelector('[data-row="0"][data-key="description"]')
      ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }));
  },
};

/** Read-only: navigable with the keyboard, nothing editable, no row actions. */
export const ReadOnly: Story = { args: { readonly: true } };
