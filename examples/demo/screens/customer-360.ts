import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';

const text = {
  pick: { 'zh-CN': '选择客户', en: 'Choose a customer' },
  hint: {
    'zh-CN': '选择一位客户，查看档案、相关记录和动态。',
    en: 'Choose a customer to see the archive, related records and history.',
  },
  history: { 'zh-CN': '动态', en: 'History' },
} satisfies Record<string, Record<Locale, string>>;

const panel = 'background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:0.75rem 1rem;min-width:0;';

function build(host: HTMLElement, context: ScreenContext): void {
  host.innerHTML = `
    <div style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap;margin-bottom:1rem;">
      <kehu-reference-picker id="c360-picker" entity="customer" no-create style="min-width:22rem;"></kehu-reference-picker>
      <p id="c360-hint" style="margin:0;color:#5f6673;"></p>
    </div>
    <div id="c360-body" style="display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:1rem;align-items:start;">
      <kehu-record-detail id="c360-detail" entity="customer"></kehu-record-detail>
      <section style="${panel}" aria-labelledby="c360-history">
        <h2 id="c360-history" style="font-size:1.125rem;margin:0 0 0.5rem;"></h2>
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
