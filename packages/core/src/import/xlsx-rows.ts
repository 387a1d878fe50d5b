import { readSheet } from 'read-excel-file/universal';
import { isBlankRow, type Cell, type SourceRow } from './csv-rows.js';

/** True when bytes start with the ZIP signature every XLSX file has (`PK\x03\x04`). */
export const isXlsx = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/**
 * Rows of the first sheet of an XLSX file, in batches. An XLSX file is a ZIP archive, which cannot
 * be read row by row from its start, so the sheet is read whole; the rows are then handed out in
 * batches like CSV rows. Dates formatted as dates arrive as `Date`, other numbers as numbers.
 */
export async function* xlsxRows(input: Blob | ArrayBuffer, batchSize = 2000): AsyncGenerator<SourceRow[]> {
  const sheet = (await readSheet(input, { trim: false })) as unknown as Cell[][];
  let batch: SourceRow[] = [];
  for (let i = 0; i < sheet.length; i++) {
    const cells = sheet[i];
    if (!isBlankRow(cells)) batch.push({ line: i + 1, cells });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
