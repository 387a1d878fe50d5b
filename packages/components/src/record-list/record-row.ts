import { html, nothing, type TemplateResult } from 'lit';
import type { Entity, FieldModel, KehuRecord, Locale } from '@kehu/core';
import { fieldValue, formatCell, maskSensitive, type ReferenceTitle } from './cell-format.js';
import { listText } from './record-list.strings.js';

/** What every row of one render shares. */
export interface RowContext {
  entity: Entity;
  fields: FieldModel[];
  locale: Locale;
  referenceTitle: ReferenceTitle;
  /** With a selection column: whether a record is selected, and how to toggle it. */
  selection?: { has(id: string): boolean; toggle(id: string, event: Event): void };
  /** With inline editing: the editor for the cell being edited, if it is this one. */
  editor?: (index: number, record: KehuRecord, field: FieldModel) => TemplateResult | undefined;
}

/**
 * Row `index` of the query's order: the record's cells, or skeleton cells while its page loads. One
 * template for both, so the row element stays when the record arrives and keeps keyboard focus.
 */
export function listRow(
  index: number,
  record: KehuRecord | undefined,
  tabindex: string,
  context: RowContext,
  loadingLabel: string,
): TemplateResult {
  const { entity, fields, locale, referenceTitle, selection } = context;
  const cells = record
    ? html`${selection ? selectCell(record, entity, locale, selection) : nothing}${fields.map((field) => {
        const editor = context.editor?.(index, record, field);
        const cell = formatCell(field, fieldValue(record, field), locale, referenceTitle);
        return html`<div
          part="cell"
          class=${editor ? 'cell editing' : 'cell'}
          role="gridcell"
          tabindex="-1"
          data-key=${field.key}
          data-kind=${field.kind}
          title=${cell.text || nothing}
        >
          ${
            editor ??
            (cell.spoken
              ? html`<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>`
              : cell.text)
          }
        </div>`;
      })}`
    : Array.from(
        { length: fields.length + (selection ? 1 : 0) },
        () => html`<div part="cell" class="cell" role="gridcell"><span class="skeleton"></span></div>`,
      );
  return html`<div
    part=${record ? 'row' : 'row placeholder'}
    class=${record ? 'row' : 'row placeholder'}
    role="row"
    data-index=${index}
    aria-rowindex=${index + 2}
    aria-busy=${record ? nothing : 'true'}
    aria-label=${record ? rowName(entity, record) : loadingLabel}
    tabindex=${tabindex}
    aria-selected=${record && selection ? String(selection.has(record.id)) : nothing}
  >
    ${cells}
  </div>`;
}

function selectCell(
  record: KehuRecord,
  entity: Entity,
  locale: Locale,
  selection: NonNullable<RowContext['selection']>,
): TemplateResult {
  return html`<div part="cell select-cell" class="cell select-cell" role="gridcell">
    <input
      type="checkbox"
      tabindex="-1"
      aria-label=${listText(locale, 'selectRow', { name: rowName(entity, record) })}
      .checked=${selection.has(record.id)}
      @click=${(event: Event) => selection.toggle(record.id, event)}
    />
  </div>`;
}

/** A row's accessible name: the record's title, masked when the title field is sensitive. */
function rowName(entity: Entity, record: KehuRecord): string {
  const value = record[entity.titleField];
  if (value === undefined || value === null || value === '') return record.id;
  return entity.field(entity.titleField)?.sensitive ? maskSensitive(value) : String(value);
}
