import { html, nothing, type TemplateResult } from 'lit';
import { localize, type FieldModel, type Locale, type SortSpec } from '@kehu/core';
import { isSortable, sortField } from './list-columns.js';
import { listText } from './record-list.strings.js';

/**
 * One column header. Sortable columns hold a button (Enter and Space work natively) and carry
 * `aria-sort`, which belongs on the header cell rather than on the button.
 */
export function columnHeader(
  field: FieldModel,
  locale: Locale,
  sort: SortSpec | undefined,
  onSort: (field: FieldModel) => void,
  resize?: ResizeHandle,
  /** False for a column the user may not sort by (masked values); default by its kind. */
  sortable = isSortable(field),
): TemplateResult {
  const label = localize(field.label, locale) || field.key;
  const handle = resize ? resizeHandle(field, label, locale, resize) : nothing;
  if (!sortable || !isSortable(field)) {
    return html`<div
      part="header-cell"
      class="header-cell"
      role="columnheader"
      data-kind=${field.kind}
      data-key=${field.path.join('.')}
    >
      <span class="plain-label">${label}</span>${handle}
    </div>`;
  }
  const direction = sort?.field === sortField(field) ? sort.direction : undefined;
  return html`<div
    part="header-cell"
    class="header-cell"
    role="columnheader"
    data-kind=${field.kind}
    data-key=${field.path.join('.')}
    aria-sort=${direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
  >
    <button part="sort-button" class="sort-button" type="button" @click=${() => onSort(field)}>
      <span class="label">${label}</span
      ><span class="sort-indicator" aria-hidden="true"
        >${direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}</span
      >
    </button>
    ${handle}
  </div>`;
}

/** How a header's resize handle reads and changes its column's width. */
export interface ResizeHandle {
  width(field: FieldModel): number;
  setWidth(field: FieldModel, width: number): void;
}

const MIN_WIDTH = 48;
const MAX_WIDTH = 1200;
const KEY_STEP = 16;

/**
 * A focusable separator (the WAI-ARIA "window splitter" pattern): drag it, or focus it and press
 * ←/→ (Shift for bigger steps), Home/End for the narrowest/widest.
 */
function resizeHandle(field: FieldModel, label: string, locale: Locale, resize: ResizeHandle): TemplateResult {
  const width = Math.round(resize.width(field));
  const set = (w: number) => resize.setWidth(field, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(w))));
  const onKeydown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const next = { ArrowLeft: width - step, ArrowRight: width + step, Home: MIN_WIDTH, End: MAX_WIDTH }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };
  const onPointerdown = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    const start = event.clientX;
    const from = resize.width(field);
    handle.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) =>
      set(from + (e.clientX - start) * (getComputedStyle(handle).direction === 'rtl' ? -1 : 1));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    event.preventDefault();
  };
  return html`<span
    part="resize-handle"
    class="resize-handle"
    role="separator"
    aria-orientation="vertical"
    aria-label=${listText(locale, 'resize', { column: label })}
    aria-valuenow=${width}
    aria-valuemin=${MIN_WIDTH}
    aria-valuemax=${MAX_WIDTH}
    tabindex="0"
    @keydown=${onKeydown}
    @pointerdown=${onPointerdown}
    @click=${(e: Event) => e.stopPropagation()}
  ></span>`;
}
