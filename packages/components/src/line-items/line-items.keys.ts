import type { FieldModel } from '@kehu/core';
import { gridAction } from './grid-keys.js';
import { editable } from './paste.js';

type Cell = { row: number; col: number };

/** What the grid's keyboard handling reads and calls; the element builds it per key press. */
export interface LineItemsKeyHost {
  /** The cell the key was pressed in, if any. */
  at: Cell | undefined;
  editing: (Cell & { initial?: string }) | undefined;
  rows: number;
  colCount: number;
  column(col: number): FieldModel | undefined;
  readonly: boolean;
  /** The open editor's input, once it is in the DOM. */
  pendingEditor(): HTMLInputElement | null | undefined;
  /** Keeps characters typed before the editor appeared, to start it with. */
  keepTyped(initial: string): void;
  cancelEdit(): void;
  commit(): void;
  focusCell(row: number, col: number): void;
  startEdit(row: number, col: number, initial?: string): void;
  setCell(row: number, col: number, value: unknown): void;
  insertRow(at: number): void;
  removeRow(at: number): void;
  moveRow(at: number, by: -1 | 1): void;
}

/**
 * The spreadsheet keyboard: arrows, Home/End and Page keys move, typing or F2/Enter edit, Delete
 * clears, Insert adds a row, Ctrl+Delete removes it, Alt+↑/↓ move it; inside an editor Enter commits
 * and moves down, Tab commits and moves along, Escape cancels.
 */
export function lineItemsKeydown(event: KeyboardEvent, host: LineItemsKeyHost): void {
  const { at, editing } = host;
  if (!at) return;
  if (editing && (event.target as Element).closest('[data-editor]')) {
    editorKey(event, at, host);
    return;
  }
  if (editing && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    // Typed before the editor took focus: keep the character rather than lose it.
    event.preventDefault();
    const pending = host.pendingEditor();
    if (pending) pending.value += event.key;
    else host.keepTyped((editing.initial ?? '') + event.key);
    return;
  }
  const action = gridAction(event, at.row, at.col, { rows: host.rows, cols: host.colCount, page: 10 });
  if (!action) return;
  event.preventDefault();
  const column = host.column(at.col);
  switch (action.type) {
    case 'move':
      host.focusCell(action.row, action.col);
      break;
    case 'edit':
      host.startEdit(at.row, at.col, action.initial);
      break;
    case 'activate':
      if (event.key === ' ' && column && editable(column) && column.type !== 'boolean')
        host.startEdit(at.row, at.col, ' ');
      else host.startEdit(at.row, at.col);
      break;
    case 'clear':
      if (!host.readonly && column && editable(column)) host.setCell(at.row, at.col, undefined);
      break;
    case 'insert-row':
      host.insertRow(at.row + 1);
      break;
    case 'remove-row':
      host.removeRow(at.row);
      break;
    case 'move-row':
      host.moveRow(at.row, action.by);
      break;
  }
}

function editorKey(event: KeyboardEvent, at: Cell, host: LineItemsKeyHost): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation(); // an Escape that cancels an edit does not also close a dialog around us
    host.cancelEdit();
    host.focusCell(at.row, at.col);
  } else if (event.key === 'Enter' && (event.target as Element).localName !== 'kehu-reference-picker') {
    event.preventDefault();
    host.commit();
    host.focusCell(Math.min(at.row + 1, host.rows - 1), at.col);
  } else if (event.key === 'Tab') {
    event.preventDefault();
    host.commit();
    const index = at.row * host.colCount + at.col + (event.shiftKey ? -1 : 1);
    const bounded = Math.max(0, Math.min(host.rows * host.colCount - 1, index));
    host.focusCell(Math.floor(bounded / host.colCount), bounded % host.colCount);
  }
}
