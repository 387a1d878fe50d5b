import { getSettings, KehuError, lostCustomers, lostCustomersCsv, type Locale, type LostCustomer } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen, ScreenContext } from './types.js';

const text = {
  title: { 'zh-CN': '流失客户查询', en: 'Lost customers' },
  period: { 'zh-CN': '未联系天数超过', en: 'No contact for more than (days)' },
  asOf: { 'zh-CN': '截至日期', en: 'As of' },
  search: { 'zh-CN': '查询', en: 'Search' },
  export: { 'zh-CN': '导出含最后联系日期的 CSV', en: 'Export CSV with last contact' },
  found: {
    'zh-CN': '截至 {asOf}，共 {count} 位客户超过 {days} 天没有单据和活动。',
    en: 'As of {asOf}, {count} customers have had no document or activity for more than {days} days.',
  },
  badPeriod: { 'zh-CN': '请输入 1 到 3650 之间的天数。', en: 'Enter a number of days from 1 to 3650.' },
} satisfies Record<string, Record<Locale, string>>;

const TODAY = DEFAULT_SEED_OPTIONS.today;

/** The last result, for the export button. */
const lastResult = new WeakMap<HTMLElement, LostCustomer[]>();

async function search(host: HTMLElement, context: ScreenContext): Promise<void> {
  const locale = (host.dataset.locale as Locale) ?? 'zh-CN';
  const input = host.querySelector<HTMLInputElement>('#lost-period')!;
  const asOf = host.querySelector<HTMLInputElement>('#lost-as-of')!.value || TODAY;
  const summary = host.querySelector<HTMLElement>('#lost-summary')!;
  const days = Number(input.value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    summary.setAttribute('role', 'alert');
    summary.textContent = text.badPeriod[locale];
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  try {
    const lost = await lostCustomers(context.store, { asOf, periodDays: days });
    if (context.signal?.aborted) return; // the user went to another screen meanwhile
    lastResult.set(host, lost);
    summary.setAttribute('role', 'status');
    summary.textContent = text.found[locale]
      .replace('{asOf}', asOf)
      .replace('{count}', String(lost.length))
      .replace('{days}', String(days));
    const list = host.querySelector('kehu-record-list')!;
    // The list shows (and exports, with the user's columns and permissions) exactly these customers.
    list.selector = { id: { $in: lost.map((l) => l.customer.id) } };
    list.hidden = false;
    host.querySelector<HTMLButtonElement>('#lost-export')!.disabled = lost.length === 0;
  } catch (error) {
    summary.setAttribute('role', 'alert');
    summary.textContent = error instanceof KehuError ? error.messageIn(locale) : String(error);
  }
}

function download(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <section class="crm-panel" aria-labelledby="lost-title">
      <h1 id="lost-title" class="crm-title"></h1>
      <form id="lost-form" class="crm-toolbar" novalidate>
        <label class="crm-field"><span id="lost-period-label"></span>
          <input id="lost-period" type="number" min="1" max="3650" step="1" inputmode="numeric" class="crm-number"></label>
        <label class="crm-field"><span id="lost-as-of-label"></span>
          <input id="lost-as-of" type="date" value="${TODAY}"></label>
        <button id="lost-search" type="submit"></button>
        <button id="lost-export" type="button" disabled></button>
      </form>
      <p id="lost-summary" role="status"></p>
      <kehu-record-list id="lost-list" entity="customer" hidden class="crm-list-tall"
        columns="code name type importance level salesRep"></kehu-record-list>
    </section>`;
  host.querySelector('#lost-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(host, context);
  });
  host.querySelector('#lost-export')!.addEventListener('click', () => {
    const lost = lastResult.get(host) ?? [];
    download(lostCustomersCsv(lost, (host.dataset.locale as Locale) ?? 'zh-CN'), `lost-customers-${TODAY}.csv`);
  });
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-list']>('#lost-list')!
    .addEventListener('kehu-record-activate', (event) =>
      context.navigate(`screen/customer-360/${encodeURIComponent(event.detail.id)}`),
    );
  // The period starts at the parameters' value; the first search runs at once.
  void getSettings(context.store).then((settings) => {
    if (context.signal?.aborted) return;
    host.querySelector<HTMLInputElement>('#lost-period')!.value = String(settings.lostCustomerDays);
    void search(host, context);
  });
}

/** 流失客户: customers with no document or activity within the period, with their last contact and export. */
export const lostCustomersScreen: DemoScreen = {
  id: 'lost-customers',
  label: { 'zh-CN': '流失客户', en: 'Lost customers' },
  render(host, context) {
    host.dataset.locale = context.locale;
    if (!host.querySelector('#lost-form')) build(host, context);
    const { locale, store } = context;
    const set = (id: string, value: string) => (host.querySelector(`#${id}`)!.textContent = value);
    set('lost-title', text.title[locale]);
    set('lost-period-label', text.period[locale]);
    set('lost-as-of-label', text.asOf[locale]);
    set('lost-search', text.search[locale]);
    set('lost-export', text.export[locale]);
    Object.assign(host.querySelector('kehu-record-list')!, { store, locale });
  },
};
