/** What a key pressed on a cell (not while editing) asks the line-items grid to do. */
export type GridAction =
  | { type: 'move'; row: number; col: number }
  | { type: 'edit'; initial?: string }
  | { type: 'activate' }
  | { type: 'clear' }
  | { type: 'insert-row' }
  | { type: 'remove-row' }
  | { type: 'move-row'; by: -1 | 1 };

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows per page for Page Up / Page Down. */
  page: number;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/**
 * Spreadsheet keys: arrows, Home/End (Ctrl for the first/last row), Page Up/Down, Tab/Shift+Tab
 * across cells wrapping to the next row (and out of the grid after the last cell), Enter/F2 to
 * edit, any printable character to start editing with it, Delete to clear, Alt+Up/Down to move
 * the row, Insert to add a row below, Ctrl+Delete to remove the row. Undefined: not ours.
 */
export function gridAction(event: KeyboardEvent, row: number, col: number, size: GridSize): GridAction | undefined {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const move = (r: number, c: number): GridAction => ({ type: 'move', row: clamp(r, lastRow), col: clamp(c, lastCol) });
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    return { type: 'move-row', by: event.key === 'ArrowUp' ? -1 : 1 };
  }
  switch (event.key) {
    case 'ArrowUp':
      return move(row - 1, col);
    case 'ArrowDown':
      return move(row + 1, col);
    case 'ArrowLeft':
      return move(row, col - 1);
    case 'ArrowRight':
      return move(row, col + 1);
    case 'Home':
      return ctrl ? move(0, 0) : move(row, 0);
    case 'End':
      return ctrl ? move(lastRow, lastCol) : move(row, lastCol);
    case 'PageUp':
      return move(row - size.page, col);
    case 'PageDown':
      return move(row + size.page, col);
    case 'Tab': {
      const index = row * size.cols + col + (event.shiftKey ? -1 : 1);
      // Past the first or last cell, Tab leaves the grid as it would leave any control.
      if (index < 0 || index >= size.rows * size.cols) return undefined;
      return move(Math.floor(index / size.cols), index % size.cols);
    }
    case 'Enter':
    case ' ':
      return { type: 'activate' };
    case 'F2':
      return { type: 'edit' };
    case 'Insert':
      return { type: 'insert-row' };
    case 'Delete':
    case 'Backspace':
      return ctrl ? { type: 'remove-row' } : { type: 'clear' };
    default:
      if (event.key.length === 1 && !ctrl && !event.altKey) return { type: 'edit', initial: event.key };
      return undefined;
  }
}
