import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize } from '@kehu/core';
import type { FieldWidget } from './registry.js';
import { control } from './control.js';
import { kindOrWidget } from './testers.js';
import { formText } from '../record-form.strings.js';

/** A select over the enum's values, showing their labels; values keep their type (string or number). */
export const enumWidget: FieldWidget = {
  name: 'enum',
  tester: kindOrWidget(['enum'], 'select', (field) => Boolean(field.options?.length)),
  render: (ctx) => {
    const options = ctx.field.options ?? [];
    const read = (e: Event) => {
      const index = (e.target as HTMLSelectElement).value;
      return index === '' ? undefined : options[Number(index)]?.value;
    };
    return html`<select part="input" ${control(ctx)} @change=${(e: Event) => ctx.change(read(e))}>
      <option value="" .selected=${live(ctx.value === undefined)}>${formText(ctx.locale, 'choose')}</option>
      ${options.map(
        (option, i) =>
          html`<option value=${String(i)} .selected=${live(option.value === ctx.value)}>
            ${localize(option.label, ctx.locale)}
          </option>`,
      )}
    </select>`;
  },
};
