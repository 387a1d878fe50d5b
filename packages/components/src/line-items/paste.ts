import { recomputeFields, type FieldModel, type LocalizedText } from '@kehu/core';
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

/** What a paste did, for the report under the grid. */
export interface PasteOutcome {
  rows: Row[];
  /** Cells that could not be converted (kept visible until edited). */
  problems: CellProblem[];
  /** The validator's issues over all rows, when there is a validator. */
  issues?: { path: (string | number)[]; message: LocalizedText }[];
  report: { cells: number; rows: number; problems: CellProblem[]; dropped: number };
}

/**
 * Pastes a block of cells at `at`: converts and writes them (adding rows up to `maxRows`),
 * recomputes the touched rows' formulas, and lists every problem — conversion first, then what the
 * validator finds in the touched rows — in row and column order.
 */
export function pasteBlock<I extends { path: (string | number)[]; message: LocalizedText }>(
  list: readonly Row[],
  columns: readonly FieldModel[],
  allFields: readonly FieldModel[],
  at: { row: number; col: number },
  block: string[][],
  maxRows: number,
  validate?: (rows: Row[]) => I[],
): PasteOutcome & { issues?: I[] } {
  const left = Math.min(at.col, columns.length - 1);
  const result = applyPaste(list, columns, allFields, at.row, left, block, maxRows);
  for (const index of result.touched) {
    result.rows[index] = { ...result.rows[index] };
    recomputeFields(allFields, result.rows[index]);
  }
  const problems = [...result.problems];
  let issues: I[] | undefined;
  if (validate) {
    const touched = new Set(result.touched);
    issues = validate(result.rows);
    for (const issue of issues) {
      const [row, key] = issue.path;
      const column = columns.find((c) => c.key === key);
      if (typeof row === 'number' && touched.has(row) && column) problems.push({ row, column, message: issue.message });
    }
  }
  problems.sort((a, b) => a.row - b.row || columns.indexOf(a.column) - columns.indexOf(b.column));
  return {
    rows: result.rows,
    problems: result.problems,
    issues,
    report: { cells: result.cells, rows: result.touched.length, problems, dropped: result.dropped },
  };
}
