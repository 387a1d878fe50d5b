import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  pick: { 'zh-CN': '选择客户', en: 'Choose a customer' },
  hint: {
    'zh-CN': '选择一位客户，查看档案、相关记录和动态。',
    en: 'Choose a customer to see the archive, related records and history.',
  },
  history: { 'zh-CN': '动态', en: 'History' },
} satisfies Record<string, Record<Locale, string>>;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-picker-bar">
      <kehu-reference-picker id="c360-picker" entity="customer" no-create class="crm-picker-wide"></kehu-reference-picker>
      <p id="c360-hint" class="crm-inline-note"></p>
    </div>
    <div id="c360-body" class="crm-split-side">
      <kehu-record-detail id="c360-detail" entity="customer"></kehu-record-detail>
      <section class="crm-panel" aria-labelledby="c360-history">
        <h2 id="c360-history" class="crm-side-heading"></h2>
        <kehu-record-timeline id="c360-timeline" entity="customer" limit="15"></kehu-record-timeline>
      </section>
    </div>`;
  const picker = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#c360-picker')!;
  // The route holds the chosen customer, so a link or reload opens the same one.
  picker.addEventListener('change', () => {
    if (picker.value) context.navigate(`screen/customer-360/${encodeURIComponent(picker.value)}`);
  });
  host.addEventListener('kehu-record-activate', (event) =>
    context.navigate(`${event.detail.entity}/${encodeURIComponent(event.detail.id)}`),
  );
}

/** 客户360视图: one customer's archive, everything that points at it, and its history, side by side. */
export const customer360Screen: DemoScreen = {
  id: 'customer-360',
  label: { 'zh-CN': '客户360视图', en: 'Customer 360' },
  render(host, context) {
    if (!host.querySelector('#c360-detail')) build(host, context);
    const { locale, store, params } = context;
    const id = params[0] ? decodeURIComponent(params[0]) : '';
    const picker = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#c360-picker')!;
    picker.store = store;
    picker.locale = locale;
    picker.label = text.pick[locale];
    if (picker.value !== id) picker.value = id;
    host.querySelector('#c360-hint')!.textContent = id ? '' : text.hint[locale];
    host.querySelector('#c360-history')!.textContent = text.history[locale];
    host.querySelector<HTMLElement>('#c360-body')!.hidden = !id;
    for (const el of [host.querySelector('kehu-record-detail')!, host.querySelector('kehu-record-timeline')!]) {
      el.store = store;
      el.locale = locale;
      el.recordId = id;
    }
  },
};
