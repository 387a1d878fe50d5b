import type { Locale } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import { renderSegments } from './segments-panel.js';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

/** One chart on the dashboard: its entity, attributes and heading per locale. */
interface Tile {
  id: string;
  entity: string;
  attributes: Record<string, string>;
  heading: Record<Locale, string>;
  /** Spans two grid columns. */
  wide?: boolean;
}

const tiles: Tile[] = [
  {
    id: 'documents-per-month',
    entity: 'document',
    attributes: { type: 'bar', period: 'month:date', measure: 'count' },
    heading: { 'zh-CN': '每月单据数', en: 'Documents per month' },
    wide: true,
  },
  {
    id: 'amount-per-month',
    entity: 'document',
    attributes: { type: 'line', period: 'month:date', measure: 'sum:totalAmount' },
    heading: { 'zh-CN': '每月单据金额', en: 'Document amount per month' },
    wide: true,
  },
  {
    id: 'customers-by-importance',
    entity: 'customer',
    attributes: { type: 'pie', 'group-by': 'importance' },
    heading: { 'zh-CN': '客户重要程度', en: 'Customers by importance' },
  },
  {
    id: 'customers-by-type',
    entity: 'customer',
    attributes: { type: 'pie', 'group-by': 'type' },
    heading: { 'zh-CN': '客户类型', en: 'Customers by type' },
  },
  {
    id: 'vehicles-by-brand',
    entity: 'vehicle',
    attributes: { type: 'bar', 'group-by': 'brand' },
    heading: { 'zh-CN': '车辆品牌', en: 'Vehicles by brand' },
  },
  {
    id: 'products-by-category',
    entity: 'product',
    attributes: { type: 'bar', 'group-by': 'category' },
    heading: { 'zh-CN': '产品类别', en: 'Products by category' },
  },
  {
    id: 'documents-by-kind',
    entity: 'document',
    attributes: { type: 'line', period: 'quarter:date', 'group-by': 'kind' },
    heading: { 'zh-CN': '各类单据（按季度）', en: 'Documents by kind per quarter' },
    wide: true,
  },
];

const intro = {
  'zh-CN': '图表随数据实时更新；每个图表都可以“显示为表格”，读屏软件始终可读到表格。',
  en: 'Charts update live with the data; each one can be shown as a table, which screen readers always get.',
} satisfies Record<Locale, string>;

function build(host: HTMLElement): void {
  adoptCrmStyles();
  host.innerHTML = `
    <p id="dashboard-intro" class="crm-note"></p>
    <div class="crm-grid crm-grid-charts"></div>
    <section id="dashboard-segments" class="crm-gap-large"></section>`;
  const grid = host.querySelector('div')!;
  for (const tile of tiles) {
    const chart = document.createElement('kehu-record-chart');
    chart.id = `dashboard-${tile.id}`;
    chart.entity = tile.entity;
    for (const [name, value] of Object.entries(tile.attributes)) chart.setAttribute(name, value);
    if (tile.wide) chart.style.gridColumn = '1 / -1';
    grid.append(chart);
  }
}

/** 仪表盘: live charts over the seeded archives and documents, each with the same data as a table. */
export const dashboardScreen: DemoScreen = {
  id: 'dashboard',
  label: { 'zh-CN': '仪表盘', en: 'Dashboard' },
  render(host: HTMLElement, { store, locale }: ScreenContext) {
    if (!host.querySelector('kehu-record-chart')) build(host);
    host.querySelector('#dashboard-intro')!.textContent = intro[locale];
    for (const tile of tiles) {
      const chart = host.querySelector<HTMLElementTagNameMap['kehu-record-chart']>(`#dashboard-${tile.id}`)!;
      chart.store = store;
      chart.locale = locale;
      chart.heading = tile.heading[locale];
      chart.hidden = !store.has(tile.entity);
    }
    // RFM, Pareto, value tiers and churn, measured from the seed's "today" like the due lists.
    void renderSegments(host.querySelector('#dashboard-segments')!, store, locale, DEFAULT_SEED_OPTIONS.today);
  },
};
