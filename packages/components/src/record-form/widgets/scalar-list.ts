import { html, nothing } from 'lit';
import type { FieldWidget } from './registry.js';
import { kindOrWidget } from './testers.js';
import { formText } from '../record-form.strings.js';

/** An array of plain values (tags, phone numbers): one input per entry, with add and remove. */
export const scalarListWidget: FieldWidget = {
  name: 'list',
  layout: 'group',
  tester: kindOrWidget(['array'], 'list', (field) => Boolean(field.item) && !field.children),
  render: (ctx) => {
    const item = ctx.field.item!;
    const entries = Array.isArray(ctx.value) ? ctx.value : [];
    const setEntries = (next: unknown[]) => {
      ctx.change(next);
      ctx.refresh();
    };
    return html`<ul part="list">
        ${entries.map(
          (_, index) =>
            html`<li part="list-item">
              ${
                // Empty entries are dropped on save, so an entry itself is never required.
                ctx.renderField({ ...item, label: ctx.field.label, required: false }, [...ctx.path, index], {
                  inCell: true,
                  rowLabel: formText(ctx.locale, 'item', { row: index + 1 }),
                })
              }
              ${
                ctx.disabled
                  ? nothing
                  : html`<button
                      type="button"
                      part="remove-button"
                      @click=${() => setEntries(entries.filter((_, i) => i !== index))}
                    >
                      ${formText(ctx.locale, 'remove')}<span class="visually-hidden">
                        ${formText(ctx.locale, 'item', { row: index + 1 })}</span
                      >
                    </button>`
              }
            </li>`,
        )}
      </ul>
      ${
        ctx.disabled
          ? nothing
          : html`<button type="button" part="add-button" @click=${() => setEntries([...entries, undefined])}>
              ${formText(ctx.locale, 'addItem')}
            </button>`
      }`;
  },
};
