import { html, nothing, type TemplateResult } from 'lit';
import { localize, type FieldModel, type Locale } from '@kehu/core';
import { fieldValue, formatCell, type ReferenceTitle } from '../record-list/cell-format.js';
import { detailText } from './record-detail.strings.js';

/** What the value renderers need: the locale and the batched reference-title lookup of the list. */
export interface ValueContext {
  locale: Locale;
  referenceTitle: ReferenceTitle;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);

/** One formatted value, with its spoken form (✓ → "yes") for screen readers when it differs. */
function plain(field: FieldModel, value: unknown, context: ValueContext): TemplateResult {
  const cell = formatCell(field, value, context.locale, context.referenceTitle);
  if (!cell.text) return html`<span class="empty">${detailText(context.locale, 'empty')}</span>`;
  return cell.spoken
    ? html`<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>`
    : html`${cell.text}`;
}

/** The value of one field of a record: nested objects as their own list, rows as a small table. */
export function fieldDisplay(
  field: FieldModel,
  record: Record<string, unknown>,
  context: ValueContext,
): TemplateResult {
  const value = fieldValue(record, field);
  if (field.kind === 'object' && field.children && value && typeof value === 'object' && !Array.isArray(value)) {
    return html`<dl class="nested">
      ${field.children
        .filter((child) => !child.hidden)
        .map((child) => fieldEntry(child, value as Record<string, unknown>, context, true))}
    </dl>`;
  }
  if (field.kind === 'array' && field.children && Array.isArray(value) && value.length) {
    const columns = field.children.filter((child) => !child.hidden);
    return html`<table class="rows">
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">#</span></th>
          ${columns.map((c) => html`<th scope="col">${localize(c.label, context.locale)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${value.map(
          (row, i) =>
            html`<tr>
              <th scope="row">${i + 1}</th>
              ${columns.map(
                (c) =>
                  html`<td>
                    ${row && typeof row === 'object' ? plain(c, (row as Record<string, unknown>)[c.key], context) : nothing}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
  if (isEmpty(value)) return html`<span class="empty">${detailText(context.locale, 'empty')}</span>`;
  return plain(field, value, context);
}

/**
 * A `<dt>`/`<dd>` pair. Children of objects read their value relative to the object (`relative`),
 * since their `path` starts at the record root.
 */
export function fieldEntry(
  field: FieldModel,
  record: Record<string, unknown>,
  context: ValueContext,
  relative = false,
): TemplateResult {
  const source = relative ? { [field.key]: record[field.key] } : record;
  const local = relative ? { ...field, path: [field.key] } : field;
  return html`<div class="entry" part="entry">
    <dt part="label">${localize(field.label, context.locale)}</dt>
    <dd part="value">${fieldDisplay(local, source, context)}</dd>
  </div>`;
}
