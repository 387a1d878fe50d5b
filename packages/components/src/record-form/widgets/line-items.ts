import { html, nothing } from 'lit';
import { localize } from '@kehu/core';
import type { FieldWidget } from './registry.js';
import { kindOrWidget } from './testers.js';
import { formText } from '../record-form.strings.js';

/**
 * An array of objects as line items (order lines, contacts): a table with one column per item
 * field, a remove button per row and an add button. Cells are full fields, so nested objects and
 * arrays render inside them and each cell shows its own error.
 */
export const lineItemsWidget: FieldWidget = {
  name: 'line-items',
  layout: 'group',
  tester: kindOrWidget(['array'], 'line-items', (field) => Boolean(field.children)),
  render: (ctx) => {
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
  },
};
