import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldWidget } from './registry.js';
import { control, textOf } from './control.js';
import { kindOrWidget } from './testers.js';

/** Several lines of text (remarks, addresses). */
export const textareaWidget: FieldWidget = {
  name: 'textarea',
  tester: kindOrWidget(['textarea'], 'textarea'),
  render: (ctx) =>
    html`<textarea
      part="input"
      ${control(ctx)}
      rows="3"
      maxlength=${ifDefined(ctx.field.maxLength)}
      .value=${live(typeof ctx.value === 'string' ? ctx.value : '')}
      @input=${(e: Event) => ctx.input(textOf(e))}
      @change=${(e: Event) => ctx.change(textOf(e))}
    ></textarea>`,
};
