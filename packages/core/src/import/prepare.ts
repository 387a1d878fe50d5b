import type { Entity, ValidationIssue } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import { rowChecker } from './check-rows.js';
import { cleanCell } from './clean.js';
import type { Cell, SourceRow } from './csv-rows.js';
import type { ByteSource, DetectedEncoding } from './decode.js';
import {
  autoMap,
  findHeaderRow,
  headerNames,
  importTargets,
  type ColumnMapping,
  type ImportTarget,
} from './mapping.js';
import type { ImportMode } from './run-import.js';
import { openTable, type ReadOptions } from './source.js';

/** One data row ready for the store: its file row, its cells as text, and the cleaned values. */
export interface PreparedRow {
  line: number;
  /** The cells as the file had them (as text), for the error report. */
  cells: string[];
  /** Cleaned values by field, nested for object fields (`bankAccount.bank`). */
  values: Record<string, unknown>;
  /**
   * Problems found while preparing (with `PrepareOptions.validate`): the row is set aside with
   * them and never sent to the store. Absent when the row was not checked.
   */
  issues?: ValidationIssue[];
}

/** Rows cleaned (and checked) per batch handed out, as an import writes them (`importRows`' batch). */
const PREPARE_SIZE = 500;

/** What the caller chose (or accepted) about the file. */
export interface PrepareOptions extends ReadOptions {
  /** File row of the header; default: the row among the first 20 that names the most fields. */
  headerLine?: number;
  /** Field per column; default: matched from the headers. Saved mappings come from `savedMapping`. */
  mapping?: ColumnMapping;
  /** Locale for names of empty headers. */
  locale?: Locale;
  /**
   * Also check each row as the store would for this import mode (`rowChecker`), so a worker
   * hands the page rows already validated; default: not checked here.
   */
  validate?: ImportMode;
}

/** A file read far enough to know its header and mapping, with the data rows still to come. */
export interface PreparedFile {
  format: 'csv' | 'xlsx';
  encoding?: DetectedEncoding;
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  /** The first rows of the file (up to 20, header included), for choosing the header row. */
  preview: SourceRow[];
  /** Data rows after the header, in batches. */
  batches: AsyncGenerator<PreparedRow[]>;
}

const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
};

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** A function giving the cleaned values of a row under a mapping; empty cells leave their field out. */
export function rowMapper(
  mapping: ColumnMapping,
  targets: ImportTarget[],
): (cells: readonly Cell[]) => Record<string, unknown> {
  const byPath = new Map(targets.map((t) => [t.path, t]));
  const columns = mapping.flatMap((path, column) => {
    const target = path ? byPath.get(path) : undefined;
    return target ? [{ column, target }] : [];
  });
  return (cells) => {
    const values: Record<string, unknown> = {};
    for (const { column, target } of columns) {
      const value = cleanCell(cells[column], target.field);
      if (value !== undefined) setPath(values, target.path, value);
    }
    return values;
  };
}

/**
 * Opens a file for import into `entity`: finds the header row (or takes the caller's), matches
 * columns to fields (or takes the caller's mapping), and hands out the data rows after the header,
 * cleaned, in batches. Pure: no store, no DOM, so it runs in a Web Worker.
 */
export async function prepareFile(
  source: ByteSource,
  entity: Entity,
  options: PrepareOptions = {},
): Promise<PreparedFile> {
  const table = await openTable(source, options);
  const targets = importTargets(entity);
  const preview: SourceRow[] = [];
  const buffered: SourceRow[] = [];
  // Read until 20 rows are seen (or the file ends) so a header below a title block is found.
  while (preview.length < 20) {
    const next = await table.rows.next();
    if (next.done) break;
    buffered.push(...next.value);
    preview.push(...next.value.slice(0, 20 - preview.length));
  }
  const header =
    options.headerLine !== undefined
      ? preview.find((r) => r.line === options.headerLine)
      : findHeaderRow(preview, targets);
  const headerLine = header?.line ?? options.headerLine ?? 1;
  const headers = headerNames(header?.cells ?? [], options.locale);
  const mapping = options.mapping ?? autoMap(header?.cells ?? [], targets);
  const valuesOf = rowMapper(mapping, targets);
  const check = options.validate ? rowChecker(entity, options.validate) : undefined;
  const prepareRow = (r: SourceRow): PreparedRow => {
    const values = valuesOf(r.cells);
    const row: PreparedRow = {
      line: r.line,
      cells: headers.map((_, i) => cellText(r.cells[i])).concat(r.cells.slice(headers.length).map(cellText)),
      values,
    };
    if (check) row.issues = check(values);
    return row;
  };
  // A chunk of the file holds thousands of rows; cleaning them all at once was the page's longest
  // task when `importFile` runs there (150–280 ms): they are cleaned and handed out PREPARE_SIZE at a time.
  function* slices(rows: SourceRow[]): Generator<PreparedRow[]> {
    const data = rows.filter((r) => r.line > headerLine);
    for (let i = 0; i < data.length; i += PREPARE_SIZE) yield data.slice(i, i + PREPARE_SIZE).map(prepareRow);
  }
  async function* batches(): AsyncGenerator<PreparedRow[]> {
    yield* slices(buffered);
    for await (const rows of table.rows) yield* slices(rows);
  }
  return { format: table.format, encoding: table.encoding, headerLine, headers, mapping, preview, batches: batches() };
}
