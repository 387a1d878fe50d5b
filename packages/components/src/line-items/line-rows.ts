import { recomputeFields, type FieldModel } from '@kehu/core';
import { newRow, type Row } from './paste.js';

/**
 * The rows with one cell set (`below` reaches into a nested value) and that row's formulas
 * recomputed; a new array with a new object for the changed row. Undefined when there is no such row.
 */
export function withCell(
  rows: readonly Row[],
  index: number,
  column: FieldModel,
  fields: readonly FieldModel[],
  value: unknown,
  below: (string | number)[] = [],
): Row[] | undefined {
  const current = rows[index];
  if (!current) return undefined;
  const next = { ...current };
  if (value === undefined) delete next[column.key];
  else next[column.key] = value;
  recomputeFields(fields, next, [column.key, ...below]);
  const out = rows.slice();
  out[index] = next;
  return out;
}

/** The rows with a new row (schema defaults, formulas computed) inserted at `at`. */
export function withNewRow(rows: readonly Row[], at: number, fields: readonly FieldModel[]): Row[] {
  const row = newRow(fields);
  recomputeFields(fields, row);
  const out = rows.slice();
  out.splice(at, 0, row);
  return out;
}

/** The rows with row `at` swapped one place up (`-1`) or down (`1`); undefined at either end. */
export function withMovedRow(rows: readonly Row[], at: number, by: -1 | 1): Row[] | undefined {
  const to = at + by;
  if (to < 0 || to >= rows.length) return undefined;
  const out = rows.slice();
  [out[at], out[to]] = [out[to], out[at]];
  return out;
}
