import { html, nothing } from 'lit';
import { localize, type FieldModel } from '@kehu/core';
import type { FieldWidget } from './registry.js';
import { formText } from '../record-form.strings.js';

/** Item fields a spreadsheet cell cannot edit: nested objects and lists of plain values. */
const formLike = (field: FieldModel) =>
  (field.type === 'object' && !!field.children) || (field.type === 'array' && !!field.item);

/**
 * Line items whose items hold nested objects or lists of values (a line's serial numbers, its
 * size): a table whose cells are full form fields, so those nest inside them and each shows its
 * own error. Arrays of flat items get the `<kehu-line-items>` grid instead.
 */
export const lineTableWidget: FieldWidget = {
  name: 'line-table',
  layout: 'group',
  tester: (field) => {
    if (field.widget === 'line-table') return 5;
    return field.kind === 'array' && field.children?.some(formLike) ? 2 : -1;
  },
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
