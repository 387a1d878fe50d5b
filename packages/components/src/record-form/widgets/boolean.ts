import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldWidget } from './registry.js';
import { control } from './control.js';
import { kindOrWidget } from './testers.js';

/** A checkbox; unticking stores `false`, an untouched box stays absent. */
export const booleanWidget: FieldWidget = {
  name: 'checkbox',
  tester: kindOrWidget(['boolean'], 'checkbox'),
  render: (ctx) =>
    html`<input
      part="input checkbox"
      ${control(ctx)}
      type="checkbox"
      .checked=${live(ctx.value === true)}
      @change=${(e: Event) => ctx.change((e.target as HTMLInputElement).checked)}
    />`,
};
