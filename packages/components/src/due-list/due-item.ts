import { html, nothing, type TemplateResult } from 'lit';
import type { Entity, FieldModel, KehuRecord, Locale } from '@kehu/core';
import { formatCell, type ReferenceTitle } from '../record-list/cell-format.js';
import { dayNumber } from './due-dates.js';
import { dueText } from './due-list.strings.js';

/** What the agenda, the grid and the day panel need to show records. */
export interface DueView {
  entity: Entity;
  locale: Locale;
  dateField: FieldModel;
  doneField?: FieldModel;
  today: string;
  referenceTitle?: ReferenceTitle;
}

export function fieldText(view: DueView, key: string, record: KehuRecord): string {
  const field = view.entity.field(key);
  return field ? formatCell(field, record[key], view.locale, view.referenceTitle).text : '';
}

export function titleOf(view: DueView, record: KehuRecord): string {
  return fieldText(view, view.entity.titleField, record) || record.id;
}

export function isDone(view: DueView, record: KehuRecord): boolean {
  return view.doneField !== undefined && record[view.doneField.key] === true;
}

/**
 * One record of the agenda or the day panel: a checkbox to mark it done (with a done field) and a
 * button that opens it, naming its date, how long it is overdue, and its subtitle fields.
 */
export function dueItem(view: DueView, record: KehuRecord): TemplateResult {
  const title = titleOf(view, record);
  const done = isDone(view, record);
  const date = record[view.dateField.key];
  const late = typeof date === 'string' && !done ? dayNumber(view.today) - dayNumber(date) : 0;
  const meta = [
    fieldText(view, view.dateField.key, record),
    late > 0 ? dueText(view.locale, late === 1 ? 'overdueByOne' : 'overdueBy', { days: late }) : '',
    ...view.entity.subtitleFields
      .filter((key) => key !== view.dateField.key && key !== view.doneField?.key)
      .map((key) => fieldText(view, key, record)),
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<li part=${done ? 'item done' : 'item'} class=${done ? 'item done' : 'item'}>
    ${
      view.doneField
        ? html`<input
            part="done-checkbox"
            class="done-checkbox"
            type="checkbox"
            data-done=${record.id}
            .checked=${done}
            aria-label=${dueText(view.locale, 'markDone', { title })}
          />`
        : nothing
    }
    <button part="item-button" type="button" class="open" data-open=${record.id}>
      <span part="item-title" class="item-title">${title}</span>
      <span part="item-meta" class=${late > 0 ? 'item-meta late' : 'item-meta'}>${meta}</span>
    </button>
  </li>`;
}
