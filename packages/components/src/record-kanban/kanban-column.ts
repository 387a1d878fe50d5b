import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { localize, type Entity, type FieldModel, type KehuRecord, type Locale } from '@kehu/core';
import { formatCell, type ReferenceTitle } from '../record-list/cell-format.js';
import type { KanbanColumn } from './kanban-columns.js';
import { kanbanText } from './record-kanban.strings.js';

/** What columns and cards render from, refreshed on every render of the board. */
export interface BoardView {
  entity: Entity;
  group: FieldModel;
  locale: Locale;
  sumField?: FieldModel;
  referenceTitle?: ReferenceTitle;
  /** Column index the dragged or picked-up card is over. */
  over?: number;
  /** Card being dragged, card picked up with the keyboard, card Tab lands on. */
  dragging?: string;
  picked?: string;
  tabStop?: string;
  showMore(value: string | number): void;
}

export function columnLabel(group: FieldModel, index: number, locale: Locale): string {
  const option = group.options![index];
  return localize(option.label, locale) || String(option.value);
}

function fieldText(view: BoardView, key: string, record: KehuRecord): string {
  const field = view.entity.field(key);
  return field ? formatCell(field, record[key], view.locale, view.referenceTitle).text : '';
}

export function cardTitle(view: BoardView, record: KehuRecord): string {
  return fieldText(view, view.entity.titleField, record) || record.id;
}

/** One column: its label, live count and sum, its first cards and a "show more" button. */
export function kanbanColumn(view: BoardView, column: KanbanColumn, index: number): TemplateResult {
  const { locale, sumField } = view;
  const over = view.over === index;
  const shown = column.records?.length ?? 0;
  const count = column.count;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  return html`<section
    part=${over ? 'column over' : 'column'}
    class=${classMap({ column: true, over })}
    data-column=${index}
    aria-labelledby="label-${index}"
  >
    <header part="column-header" class="column-header">
      <h3 part="column-label" class="column-label" id="label-${index}">${columnLabel(view.group, index, locale)}</h3>
      <span
        part="column-count"
        class="column-count"
        title=${count === undefined ? '' : kanbanText(locale, 'countLabel', { count: number(count) })}
      >
        ${count === undefined ? '…' : kanbanText(locale, 'count', { count: number(count) })}
      </span>
      ${
        sumField && column.sum !== undefined
          ? html`<span part="column-sum" class="column-sum">
              ${kanbanText(locale, 'sumLabel', { sum: formatCell(sumField, column.sum, locale).text })}
            </span>`
          : nothing
      }
    </header>
    <ul part="cards" class="cards" role="list" aria-labelledby="label-${index}">
      ${repeat(
        column.records ?? [],
        (record) => record.id,
        (record) => kanbanCard(view, record, index),
      )}
    </ul>
    ${count === 0 ? html`<p part="empty" class="empty">${kanbanText(locale, 'empty')}</p>` : nothing}
    ${
      count !== undefined && shown > 0 && count > shown
        ? html`<button part="show-more" type="button" class="show-more" @click=${() => view.showMore(column.value)}>
            ${kanbanText(locale, 'showMore', { shown: number(shown), count: number(count) })}
          </button>`
        : nothing
    }
  </section>`;
}

function kanbanCard(view: BoardView, record: KehuRecord, column: number): TemplateResult {
  const dragging = view.dragging === record.id;
  const picked = view.picked === record.id;
  const subtitle = view.entity.subtitleFields
    .filter((key) => key !== view.group.key)
    .map((key) => fieldText(view, key, record))
    .filter(Boolean)
    .join(' · ');
  return html`<li
    part=${['card', dragging ? 'dragging' : '', picked ? 'picked' : ''].filter(Boolean).join(' ')}
    class=${classMap({ card: true, dragging, picked })}
    data-id=${record.id}
    data-column=${column}
    tabindex=${record.id === view.tabStop ? 0 : -1}
    aria-describedby="instructions"
  >
    <span part="card-title" class="card-title">${cardTitle(view, record)}</span>
    ${subtitle ? html`<span part="card-subtitle" class="card-subtitle">${subtitle}</span>` : nothing}
  </li>`;
}
