import { html, nothing } from 'lit';
import { localize, type FieldModel, type Locale } from '@kehu/core';
import { formatCell } from '../line-items/cell-text.js';
import { formText } from './record-form.strings.js';
import type { FieldPath } from './form-state.js';

/** What a read-only field needs to draw itself. */
export interface ReadContext {
  locale: Locale;
  value: unknown;
  id: string;
  /** Draws a nested field (an object's children) the same way. */
  renderChild(field: FieldModel, path: FieldPath): unknown;
}

const dateFormat = (locale: Locale, value: string, withTime: boolean) => {
  const date = new Date(withTime ? value : `${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(
    locale,
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
};

/** A value as text: money with its currency, dates and numbers by locale, enum labels, yes/no. */
export function readText(field: FieldModel, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.kind === 'money' && typeof value === 'number') {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: field.currency ?? 'CNY' }).format(value);
    } catch {
      return formatCell(field, value, locale);
    }
  }
  if (typeof value === 'string' && (field.kind === 'date' || field.kind === 'datetime')) {
    return dateFormat(locale, value, field.kind === 'datetime');
  }
  return formatCell(field, value, locale);
}

/**
 * A field in read mode: its label and its value as text, no control. Objects list their fields;
 * line items show a read-only `<kehu-line-items>`; lists of values are joined.
 */
export function renderReadField(field: FieldModel, path: FieldPath, ctx: ReadContext): unknown {
  const label = localize(field.label, ctx.locale);
  if (field.type === 'object' && field.children) {
    return html`<fieldset part="field group" data-path=${ctx.id}>
      <legend part="label">${label}</legend>
      ${field.children.filter((c) => !c.hidden).map((child) => ctx.renderChild(child, [...path, child.key]))}
    </fieldset>`;
  }
  if (field.type === 'array' && field.children) {
    const rows = Array.isArray(ctx.value) ? ctx.value : [];
    return html`<div part="field" data-path=${ctx.id}>
      <span part="label" id=${`${ctx.id}-label`}>${label}</span>
      ${
        rows.length
          ? html`<kehu-line-items
              readonly
              .field=${field}
              .rows=${rows}
              .locale=${ctx.locale}
              .label=${label}
            ></kehu-line-items>`
          : html`<div part="value">${formText(ctx.locale, 'noRows')}</div>`
      }
    </div>`;
  }
  return html`<div part="field" data-path=${ctx.id}>
    <span part="label" id=${`${ctx.id}-label`}>${label}</span>
    <div part="value" id=${ctx.id} aria-labelledby=${`${ctx.id}-label`} role=${nothing}>
      ${readText(field, ctx.value, ctx.locale)}
    </div>
  </div>`;
}
