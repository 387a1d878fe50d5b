import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type FieldModel, type Locale, type LocalizedText, type Store } from '@kehu/core';
import { editable } from './paste.js';
import type { Row } from './paste.js';
import { editText, formatCell } from './cell-text.js';
import { lineItemsText } from './line-items.strings.js';
import { loadReferencePicker } from '../reference-picker/load.js';

/** Everything one row needs from the grid; rows are re-drawn only when one of these changes. */
export interface RowView {
  columns: readonly FieldModel[];
  locale: Locale;
  readonly: boolean;
  store?: Store;
  /** Column index of the focusable cell when it is in this row, else -1. */
  activeCol: number;
  /** Column index being edited in this row, else -1. */
  editingCol: number;
  /** The text an edit started with (a typed character), if any. */
  initial?: string;
  /** Problems per column key in this row. */
  problems: ReadonlyMap<string, LocalizedText[]>;
  /** Title of a referenced record, for reference cells. */
  title(entity: string, id: string): string;
  onRemove(row: number): void;
  onMove(row: number, by: -1 | 1): void;
  onCommitPick(row: number, col: number, value: unknown): void;
}

const numeric = (field: FieldModel) => field.type === 'number' || field.type === 'integer';

/** The id of the error text of a cell, for `aria-describedby`. */
export const errorId = (row: number, key: string) => `error-${row}-${key.replace(/[^\w-]/g, '_')}`;

function display(field: FieldModel, value: unknown, view: RowView, row: number) {
  if (field.type === 'array' && field.children) {
    const count = Array.isArray(value) ? value.length : 0;
    return html`<span part="nested-count">${lineItemsText(view.locale, 'nested', { count })}</span
      ><span class="visually-hidden"
        >${lineItemsText(view.locale, 'openNested', { row: row + 1, column: localize(field.label, view.locale) })}</span
      >`;
  }
  if (field.type === 'boolean')
    return html`<span aria-hidden="true">${value ? '☑' : '☐'}</span>
      <span class="visually-hidden">${formatCell(field, value ?? false, view.locale)}</span>`;
  if (field.ref && typeof value === 'string' && value) return view.title(field.ref, value);
  return formatCell(field, value, view.locale);
}

function editor(field: FieldModel, value: unknown, view: RowView, row: number, col: number) {
  const label = `${localize(field.label, view.locale)} ${lineItemsText(view.locale, 'rowNumber')} ${row + 1}`;
  if (field.ref && view.store) {
    loadReferencePicker();
    return html`<kehu-reference-picker
      data-editor
      part="editor"
      entity=${field.ref}
      .store=${view.store}
      .locale=${view.locale}
      .label=${label}
      .value=${typeof value === 'string' ? value : ''}
      @change=${(e: Event) => view.onCommitPick(row, col, (e.target as HTMLInputElement).value || undefined)}
    ></kehu-reference-picker>`;
  }
  if (field.options) {
    return html`<select data-editor part="editor" aria-label=${label}>
      <option value="" ?selected=${value === undefined}></option>
      ${field.options.map(
        (o) =>
          html`<option value=${String(o.value)} ?selected=${o.value === value}>
            ${localize(o.label, view.locale)}
          </option>`,
      )}
    </select>`;
  }
  const text = view.initial ?? editText(field, value, view.locale);
  return html`<input
    data-editor
    part="editor"
    aria-label=${label}
    inputmode=${numeric(field) ? 'decimal' : nothing}
    .value=${live(text)}
  />`;
}

/** One line: its number, one cell per column, and the row actions. */
export function renderRow(row: Row, index: number, view: RowView): TemplateResult {
  return html`<div
    role="row"
    part=${view.problems.size ? 'row invalid' : 'row'}
    class="row"
    aria-rowindex=${index + 2}
    data-row=${index}
  >
    <div role="rowheader" part="row-number" class="row-number">${index + 1}</div>
    ${view.columns.map((field, col) => {
      const problems = view.problems.get(field.key);
      const active = view.activeCol === col;
      const editing = view.editingCol === col;
      const canEdit = !view.readonly && editable(field);
      const describedBy = problems ? errorId(index, field.key) : undefined;
      return html`<div
        role="gridcell"
        part=${`cell${problems ? ' invalid' : ''}${field.formula ? ' computed' : ''}`}
        class=${`cell${numeric(field) ? ' num' : ''}${active ? ' active' : ''}`}
        data-row=${index}
        data-col=${col}
        data-key=${field.key}
        tabindex=${active && !editing ? '0' : '-1'}
        aria-readonly=${canEdit || (field.children && !view.readonly) ? 'false' : 'true'}
        aria-invalid=${problems ? 'true' : nothing}
        aria-describedby=${describedBy ?? nothing}
      >
        ${editing ? editor(field, row[field.key], view, index, col) : display(field, row[field.key], view, index)}
        ${
          problems
            ? html`<span part="cell-error" class="cell-error" id=${describedBy!}
                >${problems.map((m) => localize(m, view.locale)).join('；')}</span
              >`
            : nothing
        }
      </div>`;
    })}
    ${
      view.readonly
        ? nothing
        : html`<div
            role="gridcell"
            part="cell actions"
            class=${`cell actions${view.activeCol === view.columns.length ? ' active' : ''}`}
            data-row=${index}
            data-col=${view.columns.length}
            tabindex=${view.activeCol === view.columns.length ? '0' : '-1'}
          >
            ${(['moveUp', 'moveDown', 'remove'] as const).map(
              (action) =>
                html`<button
                  type="button"
                  tabindex="-1"
                  part=${action === 'remove' ? 'remove-button' : 'move-button'}
                  aria-keyshortcuts=${action === 'remove' ? 'Control+Delete' : action === 'moveUp' ? 'Alt+ArrowUp' : 'Alt+ArrowDown'}
                  title=${lineItemsText(view.locale, action, { row: index + 1 })}
                  aria-label=${lineItemsText(view.locale, action, { row: index + 1 })}
                  @click=${() => (action === 'remove' ? view.onRemove(index) : view.onMove(index, action === 'moveUp' ? -1 : 1))}
                >
                  ${action === 'remove' ? '✕' : action === 'moveUp' ? '↑' : '↓'}
                </button>`,
            )}
          </div>`
    }
  </div>`;
}
