import { html, nothing } from 'lit';
import { localize } from '@kehu/core';
import type { WidgetContext } from './registry.js';
import { formText } from '../record-form.strings.js';

/**
 * The line table's contents (see line-table.ts), loaded the first time a form draws one: a table of
 * full form fields per row, with remove and add buttons.
 */
export function renderLineTable(ctx: WidgetContext): unknown {
  const columns = (ctx.field.children ?? []).filter((child) => !child.hidden);
  const rows = Array.isArray(ctx.value) ? ctx.value : [];
  const setRows = (next: unknown[]) => {
    ctx.change(next);
    ctx.refresh();
  };
  const remove = (index: number) => setRows(rows.filter((_, i) => i !== index));
  return html`<div class="table-scroll" part="line-items">
      <table part="table">
        <thead>
          <tr>
            ${columns.map(
              (column) =>
                html`<th scope="col" part="column-header">
                  ${localize(column.label, ctx.locale)}${
                    column.required ? html`<span part="required-mark" aria-hidden="true">*</span>` : nothing
                  }
                </th>`,
            )}
            <th scope="col"><span class="visually-hidden">${formText(ctx.locale, 'actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length === 0
              ? html`<tr>
                  <td part="cell empty" colspan=${columns.length + 1}>${formText(ctx.locale, 'noRows')}</td>
                </tr>`
              : rows.map(
                  (_, index) =>
                    html`<tr part="row">
                      ${columns.map(
                        (column) =>
                          html`<td part="cell">
                            ${ctx.renderField(column, [...ctx.path, index, column.key], {
                              inCell: true,
                              rowLabel: formText(ctx.locale, 'row', { row: index + 1 }),
                            })}
                          </td>`,
                      )}
                      <td part="cell">
                        ${
                          ctx.disabled
                            ? nothing
                            : html`<button type="button" part="remove-button" @click=${() => remove(index)}>
                                ${formText(ctx.locale, 'remove')}<span class="visually-hidden">
                                  ${formText(ctx.locale, 'row', { row: index + 1 })}</span
                                >
                              </button>`
                        }
                      </td>
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </div>
    ${
      ctx.disabled
        ? nothing
        : html`<button type="button" part="add-button" @click=${() => setRows([...rows, {}])}>
            ${formText(ctx.locale, 'addRow')}
          </button>`
    }`;
}
