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

/** Row template strings per set of columns (see `rowTemplate`): by the render's fields array, then by its columns. */
const stringsByFields = new WeakMap<FieldModel[], TemplateStringsArray>();
const stringsByColumns = new Map<string, TemplateStringsArray>();

/** A value written into a template's HTML as an attribute value. */
const attributeText = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A row and its cells as ONE template, its strings built here because the cells are the columns: a
 * template instance per cell cost the list's first render about twice as much (79 rows of 7 cells:
 * 632 instances, each cloned and walked, against 79). A cell's column key and kind are written into
 * the strings (they are the same on every row), so only what differs per row is bound: each binding
 * is an attribute set on every new row. Values, in order: the row's 8 attributes, the selection
 * cell, then per cell its class, tabindex and content. Lit accepts such strings as it does those
 * of `lit/static-html` (an array with `raw`).
 */
function rowTemplate(fields: FieldModel[]): TemplateStringsArray {
  let strings = stringsByFields.get(fields);
  if (strings) return strings;
  const columns = fields.map((field) => `${field.key}\u0000${field.kind}`).join('\u0001');
  strings = stringsByColumns.get(columns);
  if (!strings) {
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
    for (const field of fields) {
      parts[parts.length - 1] += '<div part="cell" class="';
      parts.push(
        `" role="gridcell" data-key="${attributeText(field.key)}" data-kind="${attributeText(field.kind)}" tabindex="`,
        '">',
        '</div>',
      );
    }
    parts[parts.length - 1] += '</div>';
    strings = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    stringsByColumns.set(columns, strings);
  }
  stringsByFields.set(fields, strings);
  return strings;
}

/**
 * Gives the cell under the pointer a `title` of its text, so a value cut short by the column shows
 * whole on hover. Set when hovered rather than bound on every cell of every row (seven attributes
 * per row, each a DOM write on every new row), and set again on each hover, since a row element
 * shows another record after a sort or a live change.
 */
export function titleOnHover(event: MouseEvent): void {
  const cell = (event.target as Element | null)?.closest?.('[role="gridcell"]');
  if (!cell || cell.classList.contains('editing') || cell.classList.contains('select-cell')) return;
  // A cell with a spoken form shows the text in its `aria-hidden` part.
  const text = (cell.querySelector('[aria-hidden="true"]') ?? cell).textContent?.trim() ?? '';
  if (text) cell.setAttribute('title', text);
  else cell.removeAttribute('title');
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
      values.push('cell', nothing, skeleton);
      continue;
    }
    const editor = context.editor?.(index, record, field);
    const cell = formatCell(field, fieldValue(record, field), locale, referenceTitle);
    values.push(
      editor ? 'cell editing' : 'cell',
      '-1',
      editor ??
        (cell.spoken
          ? html`<span aria-hidden="true">${cell.text}</span><span class="visually-hidden">${cell.spoken}</span>`
          : cell.text),
    );
  }
  return html(rowTemplate(fields), ...values);
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
