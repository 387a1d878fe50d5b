import Papa from 'papaparse';

/** One cell as a file gives it: CSV gives text; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** One row of a file with its row number as a spreadsheet shows it (1-based, blank rows counted). */
export interface SourceRow {
  line: number;
  cells: Cell[];
}

/** Options for reading CSV text. */
export interface CsvOptions {
  /** Field delimiter; default: guessed by papaparse from the first chunk (`,` `\t` `;` `|`). */
  delimiter?: string;
}

type Listener = (value?: unknown) => void;

/**
 * The smallest object papaparse accepts as a readable stream (it checks `readable`, `read` and
 * `on`), so text decoded by Kehu — in any encoding, in Node, workers or pages — is parsed by
 * papaparse's own streaming parser, quoted newlines across chunk boundaries included.
 */
class TextFeed {
  readonly readable = true;
  private listeners = new Map<string, Listener[]>();
  read(): void {}
  pause(): void {}
  resume(): void {}
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, value?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(value);
  }
}

/** True when a row has no content at all (a blank line, or only separators and spaces). */
export const isBlankRow = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/**
 * Parses CSV text chunks into batches of rows, pulled one chunk at a time so memory stays bounded
 * by the chunk size whatever the file size. Blank rows are skipped but counted, so `line` matches
 * the row number Excel shows for the same file.
 */
export async function* csvRows(text: AsyncIterable<string>, options: CsvOptions = {}): AsyncGenerator<SourceRow[]> {
  const feed = new TextFeed();
  let batch: SourceRow[] = [];
  let line = 0;
  let failure: unknown;
  Papa.parse<string[], Papa.LocalFile>(feed as unknown as Papa.LocalFile, {
    delimiter: options.delimiter ?? '',
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const cells of results.data) {
        line++;
        if (!isBlankRow(cells)) batch.push({ line, cells });
      }
    },
    error: (error: unknown) => {
      failure = error;
    },
    complete: () => undefined,
  });
  const take = () => {
    if (failure) throw failure;
    const out = batch;
    batch = [];
    return out;
  };
  for await (const chunk of text) {
    // papaparse parses synchronously inside `emit`, so the rows of this chunk are ready after it.
    feed.emit('data', chunk);
    const rows = take();
    if (rows.length) yield rows;
  }
  feed.emit('end');
  const rows = take();
  if (rows.length) yield rows;
}
