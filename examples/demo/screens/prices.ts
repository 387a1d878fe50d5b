import { resolveStoredPrice, type Locale, type PriceRule } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  periods: { 'zh-CN': '期间价格', en: 'Period prices' },
  newPeriod: { 'zh-CN': '新建期间价格', en: 'New period price' },
  editPeriod: { 'zh-CN': '编辑期间价格', en: 'Edit period price' },
  lookup: { 'zh-CN': '价格查询', en: 'Price lookup' },
  lookupHint: {
    'zh-CN': '按优先级取价：客户期间价 → 全部客户期间价 → 客户跟踪价 → 组织默认价格层级。',
    en: 'Prices resolve in priority order: customer period price → all-customer period price → the customer’s tracking price → the organisation’s default tier.',
  },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  product: { 'zh-CN': '产品', en: 'Product' },
  date: { 'zh-CN': '日期', en: 'Date' },
  organisation: { 'zh-CN': '组织（不填取客户所属组织）', en: 'Organisation (default: the customer’s)' },
  resolve: { 'zh-CN': '查询价格', en: 'Look up' },
  pickProduct: { 'zh-CN': '请先选择产品。', en: 'Choose a product first.' },
  rule: { 'zh-CN': '适用规则', en: 'Rule' },
  source: { 'zh-CN': '查看来源记录', en: 'Open the source record' },
  tracking: { 'zh-CN': '该客户的跟踪价格', en: 'This customer’s tracking prices' },
} satisfies Record<string, Record<Locale, string>>;

/** How each rule is named to users. */
export const ruleLabels: Record<PriceRule, Record<Locale, string>> = {
  'customer-period': { 'zh-CN': '① 客户期间价', en: '① Customer period price' },
  'all-customer-period': { 'zh-CN': '② 全部客户期间价', en: '② All-customer period price' },
  tracking: { 'zh-CN': '③ 客户跟踪价（最近成交价）', en: '③ Tracking price (last approved)' },
  tier: { 'zh-CN': '④ 组织默认价格层级', en: '④ Organisation’s default tier' },
  none: { 'zh-CN': '无适用价格', en: 'No price' },
};

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-split">
      <div class="crm-stack">
        <section class="crm-panel" aria-labelledby="prices-title">
          <h1 id="prices-title" class="crm-heading"></h1>
          <p><button type="button" id="prices-new"></button></p>
          <kehu-record-list id="prices-list" entity="period-price" class="crm-list-prices"></kehu-record-list>
        </section>
        <section class="crm-panel" aria-labelledby="prices-form-title">
          <h2 id="prices-form-title" class="crm-heading-small"></h2>
          <kehu-record-form id="prices-form" entity="period-price"></kehu-record-form>
        </section>
      </div>
      <section class="crm-panel" aria-labelledby="lookup-title">
        <h2 id="lookup-title" class="crm-heading-small"></h2>
        <p id="lookup-hint" class="crm-hint"></p>
        <form id="lookup-form" class="crm-form-stack">
          <kehu-reference-picker id="lookup-customer" entity="customer" no-create></kehu-reference-picker>
          <kehu-reference-picker id="lookup-product" entity="product" no-create></kehu-reference-picker>
          <label class="crm-label"><span id="lookup-date-label"></span><input id="lookup-date" type="date" /></label>
          <label class="crm-label"><span id="lookup-org-label"></span><input id="lookup-org" maxlength="64" list="lookup-orgs" /></label>
          <datalist id="lookup-orgs"></datalist>
          <p class="crm-flush"><button type="submit" id="lookup-go"></button></p>
        </form>
        <div id="lookup-result" role="status" class="crm-result"></div>
        <h3 id="lookup-tracking-title" class="crm-heading-minor" hidden></h3>
        <kehu-record-list id="lookup-tracking" entity="tracking-price" columns="product,price,date,document"
          class="crm-list-tracking" hidden></kehu-record-list>
      </section>
    </div>`;
  host.querySelector<HTMLInputElement>('#lookup-date')!.value = DEFAULT_SEED_OPTIONS.today;
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-list']>('#prices-list')!
    .addEventListener('kehu-record-activate', (event) => {
      void go(`screen/prices/${encodeURIComponent(event.detail.id)}`);
    });
  const form = host.querySelector<HTMLElementTagNameMap['kehu-record-form']>('#prices-form')!;
  const go = async (hash: string) => {
    if (await form.confirmLeave()) context.navigate(hash);
  };
  host.querySelector('#prices-new')!.addEventListener('click', () => void go('screen/prices'));
  form.addEventListener('kehu-record-save', (event) => {
    if (event.detail.created) context.navigate(`screen/prices/${encodeURIComponent(event.detail.id)}`);
  });
  host.querySelector('#lookup-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void lookup(host);
  });
  host.querySelector('#lookup-customer')!.addEventListener('change', () => showTracking(host));
}

/** The context the last render gave, for the event handlers wired once in `build`. */
const contexts = new WeakMap<HTMLElement, ScreenContext>();

function showTracking(host: HTMLElement): void {
  const customer = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#lookup-customer')!.value;
  const list = host.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#lookup-tracking')!;
  list.hidden = !customer;
  host.querySelector<HTMLElement>('#lookup-tracking-title')!.hidden = !customer;
  list.selector = { customer: customer || '' };
}

async function lookup(host: HTMLElement): Promise<void> {
  const context = contexts.get(host);
  if (!context || context.signal?.aborted) return;
  const { store, locale } = context;
  const result = host.querySelector<HTMLElement>('#lookup-result')!;
  const value = (id: string) => host.querySelector<HTMLElement & { value?: string }>(id)!.value?.trim() || undefined;
  const product = value('#lookup-product');
  if (!product) {
    result.textContent = text.pickProduct[locale];
    return;
  }
  const resolution = await resolveStoredPrice(store, {
    product,
    customer: value('#lookup-customer'),
    date: value('#lookup-date') ?? DEFAULT_SEED_OPTIONS.today,
    organisation: value('#lookup-org'),
  });
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  const price =
    resolution.price === null
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(resolution.price);
  result.replaceChildren();
  const strong = document.createElement('p');
  strong.id = 'lookup-price';
  strong.className = 'crm-price';
  strong.textContent = price;
  const rule = document.createElement('p');
  rule.id = 'lookup-rule';
  rule.className = 'crm-rule';
  rule.textContent = `${text.rule[locale]}：${ruleLabels[resolution.rule][locale]}`;
  const why = document.createElement('p');
  why.id = 'lookup-explanation';
  why.className = 'crm-explanation';
  why.textContent = resolution.explanation[locale];
  result.append(strong, rule, why);
  const source = resolution.source;
  if (source) {
    const link = document.createElement('button');
    link.type = 'button';
    link.id = 'lookup-source';
    link.textContent = text.source[locale];
    const target =
      source.entity === 'period-price'
        ? `screen/prices/${encodeURIComponent(source.id)}`
        : source.entity === 'tracking-price' && source.document
          ? `screen/document-entry/${encodeURIComponent(source.document)}`
          : `${source.entity}/${encodeURIComponent(source.id)}`;
    link.addEventListener('click', () => context.navigate(target));
    result.append(link);
  }
}

/** 价格管理: period prices (list and form) and a price lookup that says which rule applied. */
export const pricesScreen: DemoScreen = {
  id: 'prices',
  label: { 'zh-CN': '价格管理', en: 'Prices' },
  render(host, context) {
    if (!host.querySelector('#prices-list')) build(host, context);
    contexts.set(host, context);
    const { locale, params, store } = context;
    const id = params[0] ? decodeURIComponent(params[0]) : undefined;
    const set = (selector: string, value: string) => (host.querySelector(selector)!.textContent = value);
    set('#prices-title', text.periods[locale]);
    set('#prices-new', text.newPeriod[locale]);
    set('#prices-form-title', id ? text.editPeriod[locale] : text.newPeriod[locale]);
    set('#lookup-title', text.lookup[locale]);
    set('#lookup-hint', text.lookupHint[locale]);
    set('#lookup-date-label', text.date[locale]);
    set('#lookup-org-label', text.organisation[locale]);
    set('#lookup-go', text.resolve[locale]);
    set('#lookup-tracking-title', text.tracking[locale]);
    for (const [selector, label] of [
      ['#lookup-customer', text.customer[locale]],
      ['#lookup-product', text.product[locale]],
    ]) {
      const picker = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>(selector)!;
      picker.store = store;
      picker.locale = locale;
      picker.label = label;
    }
    for (const el of host.querySelectorAll('kehu-record-list')) {
      el.store = store;
      el.locale = locale;
    }
    const form = host.querySelector<HTMLElementTagNameMap['kehu-record-form']>('#prices-form')!;
    form.store = store;
    form.locale = locale;
    const alreadyNew = form.mode === 'create' && !form.recordId && !!form.record;
    form.mode = id ? 'edit' : 'create';
    form.recordId = id;
    if (!id && !alreadyNew)
      form.record = { validFrom: DEFAULT_SEED_OPTIONS.today, validTo: DEFAULT_SEED_OPTIONS.today };
    void fillOrganisations(host, context);
  },
};

async function fillOrganisations(host: HTMLElement, context: ScreenContext): Promise<void> {
  const list = host.querySelector('#lookup-orgs')!;
  if (list.childElementCount || !context.store.has('customer')) return;
  const seen = new Set<string>();
  for (const c of await context.store.entity('customer').find({ limit: 500 })) {
    if (typeof c.organisation === 'string' && c.organisation) seen.add(c.organisation);
  }
  for (const name of [...seen].sort()) {
    const option = document.createElement('option');
    option.value = name;
    list.append(option);
  }
}
