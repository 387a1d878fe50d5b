import { csvLines } from './csv.js';
import { xlsxRow, xlsxSheet } from './xlsx.js';

/** The file formats an export writes. */
export type ExportFormat = 'csv' | 'xlsx';

export interface TableFileOptions {
  /** Default `csv`. */
  format?: ExportFormat;
  /** XLSX sheet name (at most 31 characters). Default `Sheet1`. */
  sheet?: string;
  /** Checked after every chunk and before the file is made: an aborted write throws, and gives no file. */
  signal?: AbortSignal;
}

/** MIME types of the formats, as the browser should save them. */
export const exportMimeTypes: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A file of rows that arrive in chunks (a header row first, then a page of rows at a time), the
 * same cells `csvText` and `xlsxBlob` take, neutralised against formula injection the same way.
 *
 * CSV is written as it arrives: each chunk becomes UTF-8 bytes appended to a Blob (which the
 * browser may keep outside the JS heap), after one byte-order mark. XLSX is a zip of one XML sheet
 * that its writer makes in one go, so its rows are converted as they arrive and written at the end.
 */
export async function tableFile(
  chunks: AsyncIterable<readonly (readonly unknown[])[]> | Iterable<readonly (readonly unknown[])[]>,
  options: TableFileOptions = {},
): Promise<Blob> {
  const { format = 'csv', sheet, signal } = options;
  const type = exportMimeTypes[format];
  if (format === 'csv') {
    let file = new Blob(['\uFEFF'], { type });
    for await (const rows of chunks) {
      signal?.throwIfAborted();
      if (rows.length) file = new Blob([file, csvLines(rows)], { type });
    }
    signal?.throwIfAborted();
    return file;
  }
  const cells: ReturnType<typeof xlsxRow>[] = [];
  for await (const rows of chunks) {
    signal?.throwIfAborted();
    for (const row of rows) cells.push(xlsxRow(row));
  }
  signal?.throwIfAborted();
  const file = await xlsxSheet(cells, sheet);
  signal?.throwIfAborted();
  return file;
}
