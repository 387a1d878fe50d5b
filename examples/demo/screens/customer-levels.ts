import { changeCustomerLevel, KehuError, type Locale } from '@kehu/core';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen, ScreenContext } from './types.js';

const text = {
  title: { 'zh-CN': '更改客户级别', en: 'Change a customer’s level' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  level: { 'zh-CN': '新级别', en: 'New level' },
  reason: { 'zh-CN': '变更原因', en: 'Reason' },
  submit: { 'zh-CN': '更改级别', en: 'Change level' },
  history: { 'zh-CN': '级别变更记录', en: 'Level changes' },
  done: { 'zh-CN': '{name} 的级别已更改并记录。', en: 'The level of {name} was changed and recorded.' },
} satisfies Record<string, Record<Locale, string>>;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-split-form">
      <section class="crm-panel" aria-labelledby="levels-title">
        <h1 id="levels-title" class="crm-title"></h1>
        <form id="levels-form" novalidate>
          <div class="crm-field">
            <span id="levels-customer-label"></span>
            <kehu-reference-picker id="levels-customer" entity="customer" no-create></kehu-reference-picker>
          </div>
          <div class="crm-field">
            <span id="levels-level-label"></span>
            <kehu-reference-picker id="levels-level" entity="customer-level" no-create></kehu-reference-picker>
          </div>
          <label class="crm-field">
            <span id="levels-reason-label"></span>
            <textarea id="levels-reason" rows="3" maxlength="500"></textarea>
          </label>
          <button id="levels-submit" type="submit"></button>
          <p id="levels-message" role="status"></p>
        </form>
      </section>
      <section class="crm-panel" aria-labelledby="levels-history">
        <h2 id="levels-history" class="crm-title"></h2>
        <kehu-record-list id="levels-list" entity="level-change" class="crm-list"></kehu-record-list>
      </section>
    </div>`;
  const form = host.querySelector<HTMLFormElement>('#levels-form')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const locale = (host.dataset.locale as Locale) ?? 'zh-CN';
    const customer = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#levels-customer')!;
    const level = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#levels-level')!;
    const reason = host.querySelector<HTMLTextAreaElement>('#levels-reason')!;
    const message = host.querySelector<HTMLElement>('#levels-message')!;
    try {
      const result = await changeCustomerLevel(context.store, customer.value ?? '', level.value ?? '', reason.value);
      message.setAttribute('role', 'status');
      message.textContent = text.done[locale].replace('{name}', String(result.customer.name));
      reason.value = '';
    } catch (error) {
      // The refusal (no reason, same level, no such customer) says what to do, in the UI's language.
      message.setAttribute('role', 'alert');
      message.textContent = error instanceof KehuError ? error.messageIn(locale) : String(error);
    }
  });
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-list']>('#levels-list')!
    .addEventListener('kehu-record-activate', async (event) => {
      const change = await context.store.entity('level-change').get(event.detail.id);
      if (change?.customer) context.navigate(`screen/customer-360/${encodeURIComponent(String(change.customer))}`);
    });
}

/** 更改客户级别: moves a customer to another level with a reason; the history lists every change. */
export const customerLevelsScreen: DemoScreen = {
  id: 'customer-levels',
  label: { 'zh-CN': '客户级别', en: 'Levels' },
  render(host, context) {
    if (!host.querySelector('#levels-form')) build(host, context);
    const { locale, store, params } = context;
    host.dataset.locale = locale;
    const set = (id: string, value: string) => (host.querySelector(`#${id}`)!.textContent = value);
    set('levels-title', text.title[locale]);
    set('levels-customer-label', text.customer[locale]);
    set('levels-level-label', text.level[locale]);
    set('levels-reason-label', text.reason[locale]);
    set('levels-submit', text.submit[locale]);
    set('levels-history', text.history[locale]);
    const customer = host.querySelector('#levels-customer') as HTMLElementTagNameMap['kehu-reference-picker'];
    const level = host.querySelector('#levels-level') as HTMLElementTagNameMap['kehu-reference-picker'];
    Object.assign(customer, { store, locale, label: text.customer[locale] });
    Object.assign(level, { store, locale, label: text.level[locale] });
    // `#screen/customer-levels/<customer id>` preselects the customer (from the customer 360° view).
    if (params[0]) customer.value = params[0];
    const list = host.querySelector('kehu-record-list')!;
    Object.assign(list, { store, locale });
    list.closest('section')!.hidden = !store.has('level-change');
  },
};
