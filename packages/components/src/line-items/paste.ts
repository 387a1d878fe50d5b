import type { FieldModel, LocalizedText } from '@kehu/core';
import { parseCell } from './cell-value.js';

export type Row = Record<string, unknown>;

/** A pasted cell that could not be used, by 0-based row and its column. */
export interface CellProblem {
  row: number;
  column: FieldModel;
  message: LocalizedText;
}

export interface PasteResult {
  rows: Row[];
  /** Rows that were changed or added, 0-based. */
  touched: number[];
  /** Cells written. */
  cells: number;
  problems: CellProblem[];
  /** Pasted rows beyond `maxRows`, not used. */
  dropped: number;
}

/** A new row: the item fields' schema defaults. */
export function newRow(columns: readonly FieldModel[]): Row {
  const row: Row = {};
  for (const field of columns) if (field.default !== undefined) row[field.key] = structuredClone(field.default);
  return row;
}

/** Whether a column takes typed or pasted text (not computed, not read-only, not nested). */
export function editable(field: FieldModel): boolean {
  return !field.readOnly && !field.formula && field.type !== 'object' && field.type !== 'array';
}

/**
 * Pastes a block of cell texts with its top-left corner on row `top`, column `left` (indexes into
 * `columns`), adding rows as needed (up to `maxRows`). Cells falling on computed or read-only
 * columns are skipped; cells that do not convert keep the old value and are reported.
 */
export function applyPaste(
  rows: readonly Row[],
  columns: readonly FieldModel[],
  allFields: readonly FieldModel[],
  top: number,
  left: number,
  block: string[][],
  maxRows = Infinity,
): PasteResult {
  const next = rows.slice();
  const touched = new Set<number>();
  const problems: CellProblem[] = [];
  let cells = 0;
  let dropped = 0;
  block.forEach((texts, r) => {
    const index = top + r;
    if (index >= maxRows) {
      dropped++;
      return;
    }
    const row: Row = { ...(next[index] ?? newRow(allFields)) };
    let changed = index >= next.length;
    texts.forEach((text, c) => {
      const column = columns[left + c];
      if (!column || !editable(column)) return;
      const parsed = parseCell(column, text);
      if ('error' in parsed) {
        problems.push({ row: index, column, message: parsed.error });
        return;
      }
      if (parsed.value === undefined) delete row[column.key];
      else row[column.key] = parsed.value;
      cells++;
      changed = true;
    });
    if (!changed) return;
    // Pasting far below the last row fills the gap with empty rows, as a spreadsheet would.
    while (next.length < index) next.push(newRow(allFields));
    next[index] = row;
    touched.add(index);
  });
  return { rows: next, touched: [...touched], cells, problems, dropped };
}
