import { localize } from '../i18n/locale.js';
import type { FindOptions, Store } from '../store/types.js';
import { csvLines } from './csv.js';
import { readPages, type PagedReadOptions } from './paged-read.js';
import { tableFile, type ExportFormat } from './table-file.js';

export interface ExportOptions extends FindOptions, PagedReadOptions {
  /** Fields to export, in order; default: the entity's list columns. */
  columns?: string[];
}

export interface FileExportOptions extends ExportOptions {
  /** Default `csv`. */
  format?: ExportFormat;
  /** XLSX sheet name; default: the entity's plural label in the store's locale. */
  sheet?: string;
}

/**
 * The export's rows: the header (field labels in the store's locale), then one chunk per page read.
 * Permissions: refused without the `export` action; read through the user's repository, so rows
 * outside the user's scope and fields the user may not see never leave (a hidden column is dropped,
 * on every page; a masked one exports masked).
 */
async function* exportRows(store: Store, entity: string, options: ExportOptions): AsyncGenerator<unknown[][]> {
  const repository = store.entity(entity);
  store.permissions.assert(entity, 'export');
  const { columns: wanted, pageSize, signal, onProgress, ...query } = options;
  const columns = (wanted ?? repository.entity.listColumns).filter(
    (field) => store.permissions.field(entity, field) !== 'none',
  );
  const title = (field: string) => localize(repository.entity.field(field)?.label ?? field, store.locale);
  const cell = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
  yield [columns.map(title)];
  for await (const page of readPages(repository, query, { pageSize, signal, onProgress }))
    yield page.map((r) => columns.map((f) => cell((r as Record<string, unknown>)[f])));
}

/**
 * Records of a query as CSV text (UTF-8 with BOM, formula cells neutralised), for scripts and
 * servers. Read in pages (in id order unless `sort` says otherwise) with `onProgress` after each
 * and a pause for the event loop between them; `signal` cancels, rejecting with an `AbortError`.
 * For big exports prefer `exportFile`, which does not hold the text as one string.
 */
export async function exportRecords(store: Store, entity: string, options: ExportOptions = {}): Promise<string> {
  let text = '\uFEFF';
  for await (const rows of exportRows(store, entity, options)) text += csvLines(rows);
  return text;
}

/**
 * Records of a query as a CSV (UTF-8 with BOM) or XLSX file, read page by page as `exportRecords`
 * reads them and with the same permissions and formula neutralising. On cancel (`signal`) it
 * rejects with an `AbortError` and makes no file.
 */
export function exportFile(store: Store, entity: string, options: FileExportOptions = {}): Promise<Blob> {
  const { format = 'csv', sheet, ...rest } = options;
  const label = store.has(entity) ? localize(store.entities.get(entity)!.pluralLabel, store.locale) : entity;
  return tableFile(exportRows(store, entity, rest), {
    format,
    signal: options.signal,
    sheet: (sheet ?? label).slice(0, 31) || 'Sheet1',
  });
}
