import type { RowFocus } from './row-focus.js';

/** What the list's keyboard handling needs from the list. */
export interface GridKeyHost {
  focus: RowFocus;
  /** Number of rows in the query. */
  rows: number;
  /** Keys of the data columns, in display order. */
  keys: string[];
  activate(index: number): void;
  /** Starts editing a cell; false when the list or the field does not allow it. */
  edit(index: number, key: string): boolean;
}

/**
 * Keyboard of the list, after the WAI-ARIA grid pattern: on a row, arrows move between rows (the
 * row is one focus stop) and → enters its cells; on a cell, ←/→ move along the row (← from the first
 * cell returns to the row), ↑/↓/Page/Home/End keep the column, F2 or Enter edit (Enter opens the
 * record when the cell cannot be edited), Escape goes back to the row.
 */
export function gridKeydown(event: KeyboardEvent, host: GridKeyHost): void {
  const index = host.focus.rowIndexOf(event.target);
  if (index === undefined) return;
  const target = event.target as HTMLElement;
  const { keys } = host;
  if (target.getAttribute('role') === 'row') {
    if (event.key === 'Enter') {
      event.preventDefault();
      host.activate(index);
    } else if (event.key === 'ArrowRight' && keys.length) {
      event.preventDefault();
      void host.focus.focusCell(index, keys[0]);
    } else host.focus.handleKey(event, index, host.rows);
    return;
  }
  const key = target.dataset.key;
  if (target.getAttribute('role') !== 'gridcell' || !key) return;
  const at = keys.indexOf(key);
  if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    event.preventDefault();
    const next = keys[at + (event.key === 'ArrowLeft' ? -1 : 1)];
    if (next) void host.focus.focusCell(index, next);
    else if (event.key === 'ArrowLeft') void host.focus.focusCell(index, '');
  } else if (event.key === 'Escape') {
    event.preventDefault();
    void host.focus.focusCell(index, '');
  } else if (event.key === 'F2' || event.key === 'Enter') {
    event.preventDefault();
    if (!host.edit(index, key) && event.key === 'Enter') host.activate(index);
  } else host.focus.handleKey(event, index, host.rows, key);
}
