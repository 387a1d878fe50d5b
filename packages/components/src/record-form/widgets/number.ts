import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldWidget } from './registry.js';
import { control, numberOf } from './control.js';
import { kindOrWidget } from './testers.js';

/** Numbers and integers, stored as JSON numbers. */
export const numberWidget: FieldWidget = {
  name: 'number',
  tester: kindOrWidget(['number', 'integer'], 'number'),
  render: (ctx) =>
    html`<input
      part="input"
      ${control(ctx)}
      type="number"
      inputmode=${ctx.field.kind === 'integer' ? 'numeric' : 'decimal'}
      step=${ctx.field.kind === 'integer' ? '1' : 'any'}
      min=${ifDefined(ctx.field.minimum)}
      max=${ifDefined(ctx.field.maximum)}
      .value=${live(typeof ctx.value === 'number' ? String(ctx.value) : '')}
      @input=${(e: Event) => ctx.input(numberOf(e))}
      @change=${(e: Event) => ctx.change(numberOf(e))}
    />`,
};
