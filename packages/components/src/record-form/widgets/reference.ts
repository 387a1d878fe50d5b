import { html, nothing } from 'lit';
import type { FieldWidget } from './registry.js';
import type { KehuReferencePicker } from '../../reference-picker/reference-picker.js';
import { kindOrWidget } from './testers.js';
import { loadReferencePicker } from '../../reference-picker/load.js';

/**
 * A record of another entity (or of one of several, stored as `entity:id`), chosen with
 * `<kehu-reference-picker>`. Not `control()`: the picker's host has no role, so the ARIA states go
 * to its inner combobox through `required` and `invalid`.
 */
export const referenceWidget: FieldWidget = {
  name: 'reference',
  tester: kindOrWidget(['reference'], 'reference', (field) => Boolean(field.ref || field.refs)),
  render: (ctx) => {
    loadReferencePicker();
    return html`<kehu-reference-picker
      part="input reference"
      id=${ctx.id}
      entity=${ctx.field.ref ?? ''}
      .targets=${ctx.field.refs}
      ?required=${ctx.field.required}
      ?disabled=${ctx.disabled}
      ?data-invalid=${ctx.invalid}
      aria-describedby=${ctx.describedBy ?? nothing}
      .store=${ctx.store}
      .locale=${ctx.locale}
      .label=${ctx.label}
      .placeholder=${ctx.placeholder}
      .invalid=${ctx.invalid}
      .value=${typeof ctx.value === 'string' ? ctx.value : ''}
      @change=${(e: Event) => ctx.change((e.target as KehuReferencePicker).value || undefined)}
    ></kehu-reference-picker>`;
  },
};
