import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldWidget } from './registry.js';
import { control, textOf } from './control.js';
import { kindOrWidget } from './testers.js';

/** One-line text; `type="email"` for email fields. Also the fallback for fields of unknown kind. */
export const textWidget: FieldWidget = {
  name: 'text',
  tester: kindOrWidget(['text', 'email', 'unknown'], 'text'),
  render: (ctx) =>
    html`<input
      part="input"
      ${control(ctx)}
      type=${ctx.field.kind === 'email' ? 'email' : 'text'}
      maxlength=${ifDefined(ctx.field.maxLength)}
      .value=${live(ctx.value === undefined || ctx.value === null ? '' : String(ctx.value))}
      @input=${(e: Event) => ctx.input(textOf(e))}
      @change=${(e: Event) => ctx.change(textOf(e))}
    />`,
};
