import {
  contactData,
  getSettings,
  localize,
  lostCustomerTrend,
  paretoAnalysis,
  RFM_SEGMENT_LABELS,
  rfmScores,
  segmentCounts,
  VALUE_TIER_LABELS,
  valueTierCounts,
  type Locale,
  type Store,
} from '@kehu/core';
import { adoptCrmStyles, sizeBars } from './crm-styles.js';

const text = {
  title: { 'zh-CN': '客户细分与分析', en: 'Customer segments' },
  rfm: {
    'zh-CN': 'RFM 客户细分（已审核的销售、合同和维修单据）',
    en: 'RFM segments (approved sales, contracts and services)',
  },
  segment: { 'zh-CN': '细分', en: 'Segment' },
  customers: { 'zh-CN': '客户数', en: 'Customers' },
  share: { 'zh-CN': '占比', en: 'Share' },
  tiers: { 'zh-CN': '价值分层（ABC）', en: 'Value tiers (ABC)' },
  tier: { 'zh-CN': '层级', en: 'Tier' },
  revenue: { 'zh-CN': '销售额', en: 'Revenue' },
  pareto: {
    'zh-CN': '{count} 位客户（占全部客户的 {share}）贡献了 80% 的销售额（合计 {total}）。',
    en: '{count} customers ({share} of all) make 80% of revenue (total {total}).',
  },
  churn: { 'zh-CN': '流失风险：每月末的流失客户数', en: 'Churn risk: lost customers at each month end' },
  month: { 'zh-CN': '月份', en: 'Month' },
  lost: { 'zh-CN': '流失客户', en: 'Lost' },
  rate: { 'zh-CN': '流失率', en: 'Rate' },
} satisfies Record<string, Record<Locale, string>>;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An accessible table; a bar in the last column shows the proportion at a glance (hidden from readers). */
function table(caption: string, headers: string[], rows: (string | number)[][], bars?: number[]): string {
  const th = headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  const body = rows
    .map((row, r) => {
      const bar = bars ? `<span class="crm-bar" aria-hidden="true" data-share="${bars[r]}"></span>` : '';
      const cells = row
        .map((value, i) =>
          i === 0
            ? `<th scope="row">${escape(String(value))}</th>`
            : `<td>${escape(String(value))}${i === row.length - 1 ? bar : ''}</td>`,
        )
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  return `<table class="crm-table"><caption>${escape(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * Fills `host` with the segmentation of the store's customers as of `asOf`: RFM segments, the
 * Pareto line, ABC value tiers and the lost-customer trend. All numbers come from core's pure
 * functions; this only lays them out.
 */
export async function renderSegments(host: HTMLElement, store: Store, locale: Locale, asOf: string): Promise<void> {
  if (!store.has('customer') || !store.has('document')) {
    host.hidden = true;
    return;
  }
  const [data, settings] = await Promise.all([contactData(store), getSettings(store)]);
  const sales = { customers: data.customers, documents: data.documents ?? [] };
  const all = data.customers.length || 1;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale);

  const counts = segmentCounts(rfmScores(sales, { asOf }));
  const pareto = paretoAnalysis(sales, { asOf });
  const tiers = valueTierCounts(pareto);
  const trend = lostCustomerTrend(data, { asOf, periodDays: settings.lostCustomerDays, months: 12 });
  const maxLost = Math.max(1, ...trend.map((p) => p.lost));

  adoptCrmStyles();
  host.hidden = false;
  host.innerHTML = `
    <h2 class="crm-title">${text.title[locale]}</h2>
    <p id="dashboard-pareto">${escape(
      text.pareto[locale]
        .replace('{count}', number.format(pareto.vital.length))
        .replace('{share}', percent.format(pareto.vitalShare))
        .replace('{total}', money.format(pareto.total)),
    )}</p>
    <div class="crm-grid crm-grid-charts">
      <div class="crm-panel">${table(
        text.rfm[locale],
        [text.segment[locale], text.customers[locale], text.share[locale]],
        counts.map((c) => [
          localize(RFM_SEGMENT_LABELS[c.segment], locale),
          number.format(c.count),
          percent.format(c.count / all),
        ]),
        counts.map((c) => c.count / all),
      )}</div>
      <div class="crm-panel">${table(
        text.tiers[locale],
        [text.tier[locale], text.customers[locale], text.revenue[locale]],
        tiers.map((t) => [
          localize(VALUE_TIER_LABELS[t.tier], locale),
          number.format(t.count),
          money.format(t.revenue),
        ]),
        tiers.map((t) => (pareto.total ? t.revenue / pareto.total : 0)),
      )}</div>
      <div class="crm-panel">${table(
        text.churn[locale],
        [text.month[locale], text.lost[locale], text.rate[locale]],
        trend.map((p) => [p.month, number.format(p.lost), percent.format(p.rate)]),
        trend.map((p) => p.lost / maxLost),
      )}</div>
    </div>`;
  sizeBars(host);
}
