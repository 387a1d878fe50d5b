import { html, type TemplateResult } from 'lit';
import { localize, type FieldModel, type Locale, type SortSpec } from '@kehu/core';
import { isSortable, sortField } from './list-columns.js';

/**
 * One column header. Sortable columns hold a button (Enter and Space work natively) and carry
 * `aria-sort`, which belongs on the header cell rather than on the button.
 */
export function columnHeader(
  field: FieldModel,
  locale: Locale,
  sort: SortSpec | undefined,
  onSort: (field: FieldModel) => void,
): TemplateResult {
  const label = localize(field.label, locale) || field.key;
  if (!isSortable(field)) {
    return html`<div part="header-cell" class="header-cell" role="columnheader" data-kind=${field.kind}>${label}</div>`;
  }
  const direction = sort?.field === sortField(field) ? sort.direction : undefined;
  return html`<div
    part="header-cell"
    class="header-cell"
    role="columnheader"
    data-kind=${field.kind}
    aria-sort=${direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
  >
    <button part="sort-button" class="sort-button" type="button" @click=${() => onSort(field)}>
      <span class="label">${label}</span
      ><span class="sort-indicator" aria-hidden="true"
        >${direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}</span
      >
    </button>
  </div>`;
}
