import { expiringPolicies, queryAssessments, type Locale } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import { claimPanelMarkup, showClaim, wireClaimPanel } from './insurance-claim-panel.js';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  expiring: { 'zh-CN': '保险到期提醒', en: 'Policies expiring' },
  lead: { 'zh-CN': '提前天数', en: 'Days ahead' },
  lapsed: { 'zh-CN': '含已脱保天数', en: 'Include lapsed (days)' },
  count: { 'zh-CN': '{n} 份保单待续保（截至 {today}）', en: '{n} policies to renew (as of {today})' },
  claims: { 'zh-CN': '理赔处理', en: 'Claims' },
  claim: { 'zh-CN': '理赔状态处理', en: 'Claim status' },
  assessments: { 'zh-CN': '定损单查询', en: 'Loss assessments' },
  from: { 'zh-CN': '开始日期', en: 'From' },
  to: { 'zh-CN': '结束日期', en: 'To' },
  insurer: { 'zh-CN': '保险公司', en: 'Insurer' },
  any: { 'zh-CN': '全部', en: 'Any' },
  status: { 'zh-CN': '理赔状态', en: 'Claim status' },
  noClaim: { 'zh-CN': '未报案', en: 'No claim' },
  search: { 'zh-CN': '查询', en: 'Search' },
  found: { 'zh-CN': '共 {n} 张定损单', en: '{n} loss assessments' },
  number: { 'zh-CN': '单据编号', en: 'Number' },
  date: { 'zh-CN': '日期', en: 'Date' },
  amount: { 'zh-CN': '定损金额', en: 'Amount' },
} satisfies Record<string, Record<Locale, string>>;

/** The seed's fixed "today", so the reminders show the seeded expiries (see due-list.ts). */
const TODAY = DEFAULT_SEED_OPTIONS.today;
const CLAIM_STATUSES = ['reported', 'assessed', 'approved', 'paid', 'closed', 'rejected'];

function build(host: HTMLElement, context: ScreenContext): void {
  const start = `${TODAY.slice(0, 4)}-01-01`;
  adoptCrmStyles();
  host.innerHTML = `
    <h1 id="ins-title" class="crm-page-title"></h1>
    <div class="crm-grid crm-grid-insurance">
      <section class="crm-panel" aria-labelledby="ins-expiring">
        <h2 id="ins-expiring" class="crm-heading"></h2>
        <div class="crm-fields">
          <label class="crm-label"><span id="ins-lead-label"></span>
            <input id="ins-lead" type="number" min="0" max="365" step="1" value="30" class="crm-days" /></label>
          <label class="crm-label"><span id="ins-lapsed-label"></span>
            <input id="ins-lapsed" type="number" min="0" max="365" step="1" value="30" class="crm-days" /></label>
        </div>
        <p id="ins-count" role="status"></p>
        <kehu-due-list id="ins-due" entity="insurance-policy" date-field="endDate" today="${TODAY}" page-size="20"></kehu-due-list>
      </section>
      <section class="crm-panel" aria-labelledby="ins-claims">
        <h2 id="ins-claims" class="crm-heading"></h2>
        <kehu-record-list id="ins-claim-list" entity="insurance-claim" class="crm-list-claims"></kehu-record-list>
        <h3 id="ins-claim" class="crm-heading-small"></h3>
        ${claimPanelMarkup}
      </section>
      <section class="crm-panel" aria-labelledby="ins-assessments">
        <h2 id="ins-assessments" class="crm-heading"></h2>
        <form id="ins-query" class="crm-query">
          <label class="crm-label"><span id="ins-from-label"></span><input id="ins-from" type="date" value="${start}" /></label>
          <label class="crm-label"><span id="ins-to-label"></span><input id="ins-to" type="date" value="${TODAY}" /></label>
          <label class="crm-label"><span id="ins-insurer-label"></span><select id="ins-insurer"></select></label>
          <label class="crm-label"><span id="ins-status-label"></span><select id="ins-status"></select></label>
          <button type="submit" id="ins-search"></button>
        </form>
        <p id="ins-found" role="status"></p>
        <table id="ins-results" class="crm-results">
          <thead><tr><th scope="col"></th><th scope="col"></th><th scope="col"></th><th scope="col"></th><th scope="col"></th></tr></thead>
          <tbody></tbody>
        </table>
      </section>
    </div>`;
  const due = host.querySelector<HTMLElementTagNameMap['kehu-due-list']>('#ins-due')!;
  due.selector = { id: { $in: [] } }; // nothing until the reminders are computed
  due.addEventListener('kehu-record-activate', (event) =>
    contexts.get(host)?.navigate(`insurance-policy/${encodeURIComponent(event.detail.id)}`),
  );
  for (const input of host.querySelectorAll('#ins-lead, #ins-lapsed')) {
    input.addEventListener('change', () => void refreshExpiring(host));
  }
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-list']>('#ins-claim-list')!
    .addEventListener('kehu-record-activate', (event) =>
      context.navigate(`screen/insurance/${encodeURIComponent(event.detail.id)}`),
    );
  host.querySelector('#ins-query')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void runQuery(host);
  });
  wireClaimPanel(host, () => contexts.get(host));
}

const contexts = new WeakMap<HTMLElement, ScreenContext>();

const days = (host: HTMLElement, id: string) => {
  const n = Number(host.querySelector<HTMLInputElement>(id)!.value);
  return Number.isFinite(n) && n >= 0 ? Math.min(365, Math.floor(n)) : 0;
};

/** The due list shows exactly the policies `expiringPolicies` picks: renewed ones are left out. */
async function refreshExpiring(host: HTMLElement): Promise<void> {
  const context = contexts.get(host);
  if (!context || context.signal?.aborted) return;
  const expiring = await expiringPolicies(context.store, {
    asOf: TODAY,
    leadDays: days(host, '#ins-lead'),
    lapsedDays: days(host, '#ins-lapsed'),
  });
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  const due = host.querySelector<HTMLElementTagNameMap['kehu-due-list']>('#ins-due')!;
  due.selector = { id: { $in: expiring.map((e) => e.policy.id) } };
  host.querySelector('#ins-count')!.textContent = text.count[context.locale]
    .replace('{n}', String(expiring.length))
    .replace('{today}', TODAY);
}

async function runQuery(host: HTMLElement): Promise<void> {
  const context = contexts.get(host);
  if (!context || context.signal?.aborted) return;
  const { store, locale } = context;
  const value = (id: string) => host.querySelector<HTMLInputElement | HTMLSelectElement>(id)!.value || undefined;
  const rows = await queryAssessments(store, {
    from: value('#ins-from'),
    to: value('#ins-to'),
    insurer: value('#ins-insurer'),
    status: value('#ins-status') as 'none' | undefined,
  });
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  host.querySelector('#ins-found')!.textContent = text.found[locale].replace('{n}', String(rows.length));
  const insurers = new Map(
    [...host.querySelectorAll<HTMLOptionElement>('#ins-insurer option')].map((o) => [o.value, o.textContent]),
  );
  const statuses = new Map(
    [...host.querySelectorAll<HTMLOptionElement>('#ins-status option')].map((o) => [o.value, o.textContent]),
  );
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  host.querySelector('#ins-results tbody')!.replaceChildren(
    ...rows.slice(0, 200).map((row) => {
      const tr = document.createElement('tr');
      const cells = [
        String(row.document.number ?? row.document.id),
        String(row.document.date),
        insurers.get(row.insurer ?? '') ?? '—',
        typeof row.document.totalAmount === 'number' ? money.format(row.document.totalAmount) : '—',
        statuses.get(row.status) ?? row.status,
      ];
      for (const cell of cells) {
        const td = document.createElement('td');
        td.textContent = cell;
        tr.append(td);
      }
      return tr;
    }),
  );
}

async function fillFilters(host: HTMLElement, context: ScreenContext): Promise<void> {
  const { store, locale } = context;
  const insurers = store.has('insurer') ? await store.entity('insurer').find() : [];
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  const claim = store.entities.get('insurance-claim');
  const label = (s: string) => claim?.field('status')?.options?.find((o) => o.value === s)?.label[locale] ?? s;
  const keep = (id: string) => host.querySelector<HTMLSelectElement>(id)!.value;
  const [insurer, status] = [keep('#ins-insurer'), keep('#ins-status')];
  host
    .querySelector('#ins-insurer')!
    .replaceChildren(
      new Option(text.any[locale], ''),
      ...insurers.map((i) => new Option(String(i.shortName ?? i.name), i.id)),
    );
  host
    .querySelector('#ins-status')!
    .replaceChildren(
      new Option(text.any[locale], ''),
      ...CLAIM_STATUSES.map((s) => new Option(label(s), s)),
      new Option(text.noClaim[locale], 'none'),
    );
  host.querySelector<HTMLSelectElement>('#ins-insurer')!.value = insurer;
  host.querySelector<HTMLSelectElement>('#ins-status')!.value = status;
}

/** 保险管理: expiry reminders N days ahead, the claim status workflow, and the loss-assessment query. */
export const insuranceScreen: DemoScreen = {
  id: 'insurance',
  label: { 'zh-CN': '保险管理', en: 'Insurance' },
  render(host, context) {
    if (!host.querySelector('#ins-due')) build(host, context);
    contexts.set(host, context);
    const { locale, store, params } = context;
    const set = (selector: string, value: string) => (host.querySelector(selector)!.textContent = value);
    set('#ins-title', insuranceScreen.label[locale]);
    set('#ins-expiring', text.expiring[locale]);
    set('#ins-lead-label', text.lead[locale]);
    set('#ins-lapsed-label', text.lapsed[locale]);
    set('#ins-claims', text.claims[locale]);
    set('#ins-claim', text.claim[locale]);
    set('#ins-assessments', text.assessments[locale]);
    set('#ins-from-label', text.from[locale]);
    set('#ins-to-label', text.to[locale]);
    set('#ins-insurer-label', text.insurer[locale]);
    set('#ins-status-label', text.status[locale]);
    set('#ins-search', text.search[locale]);
    const headings = [text.number, text.date, text.insurer, text.amount, text.status];
    host.querySelectorAll('#ins-results th').forEach((th, i) => (th.textContent = headings[i][locale]));
    const due = host.querySelector<HTMLElementTagNameMap['kehu-due-list']>('#ins-due')!;
    due.store = store;
    due.locale = locale;
    const list = host.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#ins-claim-list')!;
    list.store = store;
    list.locale = locale;
    void refreshExpiring(host);
    void fillFilters(host, context).then(() => runQuery(host));
    void showClaim(host, context, params[0] ? decodeURIComponent(params[0]) : undefined);
  },
};
