import {
  analyseOpportunities,
  interactionSelector,
  opportunitySelector,
  type Locale,
  type OpportunityGroup,
} from '@kehu/core';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen, ScreenContext } from './types.js';

const text = {
  title: { 'zh-CN': '商机与客户互动', en: 'Opportunities and interactions' },
  from: { 'zh-CN': '开始日期', en: 'From' },
  to: { 'zh-CN': '结束日期', en: 'To' },
  keyword: { 'zh-CN': '关键字', en: 'Keyword' },
  apply: { 'zh-CN': '查询', en: 'Search' },
  byMonth: { 'zh-CN': '各月预计成交金额', en: 'Expected amount by month' },
  byProduct: { 'zh-CN': '各意向产品金额', en: 'Amount by product' },
  byRegion: { 'zh-CN': '各区域金额', en: 'Amount by region' },
  regionTable: { 'zh-CN': '区域分析：预测与赢单率', en: 'By region: forecast and win rate' },
  opportunities: { 'zh-CN': '商机', en: 'Opportunities' },
  interactions: { 'zh-CN': '拜访、电话、会议与邮件', en: 'Visits, calls, meetings and e-mails' },
  region: { 'zh-CN': '区域', en: 'Region' },
  count: { 'zh-CN': '商机数', en: 'Opportunities' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  weighted: { 'zh-CN': '加权预测', en: 'Weighted forecast' },
  winRate: { 'zh-CN': '赢单率', en: 'Win rate' },
  none: { 'zh-CN': '（未填）', en: '(none)' },
} satisfies Record<string, Record<Locale, string>>;

const charts = [
  {
    id: 'oa-month',
    key: 'byMonth',
    attributes: { type: 'line', period: 'month:expectedCloseDate', measure: 'sum:amount' },
  },
  { id: 'oa-product', key: 'byProduct', attributes: { type: 'bar', 'group-by': 'product', measure: 'sum:amount' } },
  { id: 'oa-region', key: 'byRegion', attributes: { type: 'bar', 'group-by': 'region', measure: 'sum:amount' } },
] as const;

function query(host: HTMLElement) {
  const value = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!.value.trim() || undefined;
  return { from: value('oa-from'), to: value('oa-to'), keyword: value('oa-keyword') };
}

function regionTable(rows: OpportunityGroup[], locale: Locale): string {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const head = (['region', 'count', 'amount', 'weighted', 'winRate'] as const)
    .map((k) => `<th scope="col">${text[k][locale]}</th>`)
    .join('');
  const body = rows
    .map(
      (r) => `<tr><th scope="row">${escape(r.key ?? text.none[locale])}</th><td>${r.count}</td>
        <td>${money.format(r.amount)}</td><td>${money.format(r.weighted)}</td>
        <td>${r.winRate === null ? '—' : percent.format(r.winRate)}</td></tr>`,
    )
    .join('');
  return `<table class="crm-table"><caption>${text.regionTable[locale]}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

async function apply(host: HTMLElement, context: ScreenContext): Promise<void> {
  const { store, locale } = context;
  const q = query(host);
  for (const chart of host.querySelectorAll('kehu-record-chart')) chart.selector = opportunitySelector(q);
  const opportunities = host.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#oa-opportunities')!;
  Object.assign(opportunities, { selector: opportunitySelector(q), search: q.keyword ?? '' });
  const interactions = host.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#oa-interactions')!;
  Object.assign(interactions, { selector: interactionSelector(q), search: q.keyword ?? '' });
  if (!store.has('opportunity')) return;
  const [records, customers] = await Promise.all([
    store.entity('opportunity').find({ selector: opportunitySelector(q), search: q.keyword }),
    store.has('customer') ? store.entity('customer').find() : Promise.resolve([]),
  ]);
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  host.querySelector('#oa-table')!.innerHTML = regionTable(
    analyseOpportunities(records, { by: 'region', customers }),
    locale,
  );
}

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <h1 id="oa-title" class="crm-title"></h1>
    <form id="oa-form" class="crm-toolbar">
      <label class="crm-field"><span id="oa-from-label"></span><input id="oa-from" type="date"></label>
      <label class="crm-field"><span id="oa-to-label"></span><input id="oa-to" type="date"></label>
      <label class="crm-field"><span id="oa-keyword-label"></span><input id="oa-keyword" type="search" maxlength="100"></label>
      <button id="oa-apply" type="submit"></button>
    </form>
    <div id="oa-charts" class="crm-grid crm-grid-charts"></div>
    <section class="crm-panel crm-gap" id="oa-table"></section>
    <div class="crm-grid crm-grid-wide crm-gap">
      <section class="crm-panel" aria-labelledby="oa-opportunities-title">
        <h2 id="oa-opportunities-title" class="crm-subtitle"></h2>
        <kehu-record-list id="oa-opportunities" entity="opportunity" class="crm-list-short"></kehu-record-list>
      </section>
      <section class="crm-panel" aria-labelledby="oa-interactions-title">
        <h2 id="oa-interactions-title" class="crm-subtitle"></h2>
        <kehu-record-list id="oa-interactions" entity="activity" class="crm-list-short"
          columns="dueDate kind subject customer participants owner"></kehu-record-list>
      </section>
    </div>`;
  const grid = host.querySelector('#oa-charts')!;
  for (const spec of charts) {
    const chart = document.createElement('kehu-record-chart');
    chart.id = spec.id;
    chart.entity = 'opportunity';
    for (const [name, value] of Object.entries(spec.attributes)) chart.setAttribute(name, value);
    grid.append(chart);
  }
  host.querySelector('#oa-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply(host, { ...context, locale: (host.dataset.locale as Locale) ?? context.locale });
  });
  for (const list of host.querySelectorAll('kehu-record-list')) {
    list.addEventListener('kehu-record-activate', (event) =>
      context.navigate(`${event.detail.entity}/${encodeURIComponent(event.detail.id)}`),
    );
  }
}

/**
 * 商机分析 (requirements 2.2/2.3): opportunities and interactions queried by period and keyword,
 * charted by month, product and region, with forecast and win rate per region; export from the lists.
 */
export const opportunityAnalysisScreen: DemoScreen = {
  id: 'opportunity-analysis',
  label: { 'zh-CN': '商机分析', en: 'Pipeline analysis' },
  render(host, context) {
    const first = !host.querySelector('#oa-form');
    if (first) build(host, context);
    const { locale, store } = context;
    host.dataset.locale = locale;
    const set = (id: string, value: string) => (host.querySelector(`#${id}`)!.textContent = value);
    set('oa-title', text.title[locale]);
    set('oa-from-label', text.from[locale]);
    set('oa-to-label', text.to[locale]);
    set('oa-keyword-label', text.keyword[locale]);
    set('oa-apply', text.apply[locale]);
    set('oa-opportunities-title', text.opportunities[locale]);
    set('oa-interactions-title', text.interactions[locale]);
    for (const spec of charts) {
      const chart = host.querySelector<HTMLElementTagNameMap['kehu-record-chart']>(`#${spec.id}`)!;
      Object.assign(chart, { store, locale, heading: text[spec.key][locale], hidden: !store.has('opportunity') });
    }
    for (const list of host.querySelectorAll('kehu-record-list')) Object.assign(list, { store, locale });
    void apply(host, context);
  },
};
