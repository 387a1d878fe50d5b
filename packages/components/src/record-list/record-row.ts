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
}

/** A row showing one record; `index` is its position in the query's order. */
export function recordRow(index: number, record: KehuRecord, tabindex: string, context: RowContext): TemplateResult {
  const { entity, fields, locale, referenceTitle } = context;
  return html`<div
    part="row"
    class="row"
    role="row"
    data-index=${index}
    aria-rowindex=${index + 2}
    aria-label=${rowName(entity, record)}
    tabindex=${tabindex}
    aria-selected=${context.selection ? String(context.selection.has(record.id)) : nothing}
  >
    ${context.selection ? selectCell(record, entity, locale, context.selection) : nothing}
    ${fields.map((field) => {
      const cell = formatCell(field, fieldValue(record, field), locale, referenceTitle);
      return html`<div part="cell" class="cell" role="gridcell" data-kind=${field.kind} title=${cell.text || nothing}>
        ${cell.spoken ? html`<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>` : cell.text}
      </div>`;
    })}
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

/** A row whose page is still loading: same size as a record row, so nothing jumps when it arrives. */
export function placeholderRow(index: number, tabindex: string, columns: number, label: string): TemplateResult {
  // (`columns` counts the selection column too when there is one.)
  return html`<div
    part="row placeholder"
    class="row placeholder"
    role="row"
    data-index=${index}
    aria-rowindex=${index + 2}
    aria-busy="true"
    aria-label=${label}
    tabindex=${tabindex}
  >
    ${Array.from({ length: columns }, () => html`<div part="cell" class="cell" role="gridcell"><span class="skeleton"></span></div>`)}
  </div>`;
}

/** A row's accessible name: the record's title, masked when the title field is sensitive. */
function rowName(entity: Entity, record: KehuRecord): string {
  const value = record[entity.titleField];
  if (value === undefined || value === null || value === '') return record.id;
  return entity.field(entity.titleField)?.sensitive ? maskSensitive(value) : String(value);
}
