import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale } from '@kehu/core';
import type { FieldWidget } from './registry.js';
import { control, numberOf } from './control.js';
import { kindOrWidget } from './testers.js';

/** Amounts: a number with the currency's symbol before it, rounded to cents when the user leaves it. */
export const moneyWidget: FieldWidget = {
  name: 'money',
  tester: kindOrWidget(['money'], 'money'),
  render: (ctx) => {
    const currency = ctx.field.currency ?? 'CNY';
    const commit = (e: Event) => {
      const n = numberOf(e);
      const cents = n === undefined ? undefined : Math.round(n * 100) / 100;
      if (cents !== undefined) (e.target as HTMLInputElement).value = cents.toFixed(2);
      ctx.change(cents);
    };
    return html`<span class="money" part="money">
      <span part="currency" title=${currency}>${currencySymbol(currency, ctx.locale)}</span>
      <input
        part="input"
        ${control(ctx)}
        type="number"
        inputmode="decimal"
        step="0.01"
        min=${ifDefined(ctx.field.minimum)}
        max=${ifDefined(ctx.field.maximum)}
        .value=${live(typeof ctx.value === 'number' ? ctx.value.toFixed(2) : '')}
        @input=${(e: Event) => ctx.input(numberOf(e))}
        @change=${commit}
      />
    </span>`;
  },
};

/** `¥` for CNY in zh-CN, `CN¥` in en; the code itself when Intl does not know it. */
export function currencySymbol(currency: string, locale: Locale): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
