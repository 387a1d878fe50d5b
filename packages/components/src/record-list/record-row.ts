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

/** The strings of a row template with `cells` cells (see `listRow`), made once per count. */
const rowStrings = new Map<number, TemplateStringsArray>();

/**
 * A row and its cells as ONE template, its strings built here because the number of cells is the
 * number of columns: a template instance per cell cost the list's first render about twice as much
 * (79 rows of 7 cells: 632 instances, each cloned and walked, against 79). Values, in order: the
 * row's 8 attributes, the selection cell, then per cell its class, tabindex, key, kind, title and
 * content. Lit accepts such strings as it does those of `lit/static-html` (an array with `raw`).
 */
function rowTemplate(cells: number): TemplateStringsArray {
  let strings = rowStrings.get(cells);
  if (strings) return strings;
  const parts = [
    '<div part="',
    '" class="',
    '" role="row" data-index="',
    '" aria-rowindex="',
    '" aria-busy="',
    '" aria-label="',
    '" tabindex="',
    '" aria-selected="',
    '">',
    '',
  ];
  for (let i = 0; i < cells; i++) {
    parts[parts.length - 1] += '<div part="cell" class="';
    parts.push('" role="gridcell" tabindex="', '" data-key="', '" data-kind="', '" title="', '">', '</div>');
  }
  parts[parts.length - 1] += '</div>';
  strings = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
  rowStrings.set(cells, strings);
  return strings;
}

const skeleton = html`<span class="skeleton"></span>`;
const skeletonCell = html`<div part="cell" class="cell" role="gridcell">${skeleton}</div>`;

/**
 * Row `index` of the query's order: the record's cells, or skeleton cells while its page loads. One
 * template for both, so the row element and its cells stay when the record arrives (keeping focus).
 */
export function listRow(
  index: number,
  record: KehuRecord | undefined,
  tabindex: string,
  context: RowContext,
  loadingLabel: string,
): TemplateResult {
  const { entity, fields, locale, referenceTitle, selection } = context;
  const values: unknown[] = [
    record ? 'row' : 'row placeholder',
    record ? 'row' : 'row placeholder',
    index,
    index + 2,
    record ? nothing : 'true',
    record ? rowName(entity, record) : loadingLabel,
    tabindex,
    record && selection ? String(selection.has(record.id)) : nothing,
    selection ? (record ? selectCell(record, entity, locale, selection) : skeletonCell) : nothing,
  ];
  for (const field of fields) {
    if (!record) {
      values.push('cell', nothing, nothing, nothing, nothing, skeleton);
      continue;
    }
    const editor = context.editor?.(index, record, field);
    const cell = formatCell(field, fieldValue(record, field), locale, referenceTitle);
    values.push(
      editor ? 'cell editing' : 'cell',
      '-1',
      field.key,
      field.kind,
      cell.text || nothing,
      editor ??
        (cell.spoken
          ? html`<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>`
          : cell.text),
    );
  }
  return html(rowTemplate(fields.length), ...values);
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

/** Whether an entity's title field is sensitive, looked up once per entity rather than per row. */
const sensitiveTitles = new WeakMap<Entity, boolean>();

/** A row's accessible name: the record's title, masked when the title field is sensitive. */
function rowName(entity: Entity, record: KehuRecord): string {
  const value = record[entity.titleField];
  if (value === undefined || value === null || value === '') return record.id;
  let sensitive = sensitiveTitles.get(entity);
  if (sensitive === undefined) sensitiveTitles.set(entity, (sensitive = !!entity.field(entity.titleField)?.sensitive));
  return sensitive ? maskSensitive(value) : String(value);
}
