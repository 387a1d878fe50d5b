import writeXlsxFile from 'write-excel-file/universal';
import type { Cell as XlsxCell } from 'write-excel-file/universal';

/** Cells a spreadsheet would run as a formula: they are written as text cells, never as formulas. */
const formulaLike = /^[=+\-@\t\r]/;

function toCell(value: unknown): XlsxCell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean' || value instanceof Date) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // The text format (`@`) keeps Excel from reading `=HYPERLINK(…)`, `+1`, or long digit strings as anything else.
  return formulaLike.test(text) || /^\d{12,}$/.test(text) ? { value: text, type: String, format: '@' } : text;
}

/**
 * An XLSX file (as a Blob) of rows of cells, the first row usually the header — the same rows
 * `csvText` takes. Text is stored as text: `=HYPERLINK(…)` or `@SUM(…)` stays an inert string.
 */
export async function xlsxBlob(rows: readonly (readonly unknown[])[], sheet = 'Sheet1'): Promise<Blob> {
  return xlsxSheet(rows.map(xlsxRow), sheet);
}

/** One row as the sheet's cells: converted as it is read, so a paged export holds each value once. */
export const xlsxRow = (row: readonly unknown[]): XlsxCell[] => row.map(toCell);

/** The file for rows already converted by `xlsxRow`. */
export function xlsxSheet(data: XlsxCell[][], sheet = 'Sheet1'): Promise<Blob> {
  return writeXlsxFile(data, { sheet, dateFormat: 'yyyy-mm-dd' }).toBlob();
}

/** The same file as bytes, for Node and for saving through other APIs. */
export async function xlsxBytes(rows: readonly (readonly unknown[])[], sheet = 'Sheet1'): Promise<Uint8Array> {
  return new Uint8Array(await (await xlsxBlob(rows, sheet)).arrayBuffer());
}
