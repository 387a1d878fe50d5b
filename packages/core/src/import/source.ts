import { csvRows, type CsvOptions, type SourceRow } from './csv-rows.js';
import {
  byteChunks,
  decodeChunks,
  detectEncoding,
  firstBytes,
  type ByteSource,
  type DetectedEncoding,
  type ImportEncoding,
} from './decode.js';
import { isXlsx, xlsxRows } from './xlsx-rows.js';

/** How to read a file; everything is detected when left out. */
export interface ReadOptions extends CsvOptions {
  /** Text encoding of a CSV file; default: detected (BOM, UTF-8, else GB18030). */
  encoding?: ImportEncoding;
  /** `xlsx` or `csv`; default: XLSX when the bytes are a ZIP archive, CSV otherwise. */
  format?: 'csv' | 'xlsx';
  /** Bytes per read chunk (CSV); default 1 MiB. */
  chunkSize?: number;
  /** Told how many bytes have been read so far, for progress on big files. */
  onBytes?: (bytesRead: number) => void;
}

/** A file opened for reading: its format, its encoding once known, and its rows in batches. */
export interface OpenedTable {
  format: 'csv' | 'xlsx';
  /** Known before the first batch for files and bytes; for streams, after the first batch. */
  encoding?: DetectedEncoding;
  rows: AsyncGenerator<SourceRow[]>;
}

async function* counted(chunks: AsyncIterable<Uint8Array>, onBytes?: (n: number) => void) {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    onBytes?.(read);
    yield chunk;
  }
}

async function* textSlices(text: string, size: number): AsyncGenerator<string> {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < clean.length; i += size) yield clean.slice(i, i + size);
}

/**
 * Opens a CSV or XLSX file (a File/Blob, bytes, a Node or web byte stream, or already decoded
 * text) for reading rows in batches. Only XLSX is read whole; CSV is streamed.
 */
export async function openTable(source: ByteSource, options: ReadOptions = {}): Promise<OpenedTable> {
  if (typeof source === 'string') {
    return {
      format: 'csv',
      encoding: { encoding: 'utf-8', bomLength: 0, reason: 'override' },
      rows: csvRows(textSlices(source, options.chunkSize ?? 1 << 20), options),
    };
  }
  const sniffable =
    (typeof Blob !== 'undefined' && source instanceof Blob) ||
    source instanceof ArrayBuffer ||
    source instanceof Uint8Array;
  const head = sniffable ? await firstBytes(source) : undefined;
  const format = options.format ?? (head && isXlsx(head) ? 'xlsx' : 'csv');
  if (format === 'xlsx') {
    const input =
      source instanceof Uint8Array
        ? (source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) as ArrayBuffer)
        : (source as Blob | ArrayBuffer);
    return { format, rows: xlsxRows(input) };
  }
  const table: OpenedTable = { format, rows: undefined as unknown as AsyncGenerator<SourceRow[]> };
  if (head) {
    const size =
      typeof Blob !== 'undefined' && source instanceof Blob ? source.size : (source as ArrayBuffer).byteLength;
    table.encoding = detectEncoding(head, head.length >= size, options.encoding);
  }
  const text = decodeChunks(counted(byteChunks(source, options.chunkSize), options.onBytes), {
    encoding:
      table.encoding?.encoding === 'gb18030' && table.encoding.reason !== 'override' ? 'gb18030' : options.encoding,
    onDetect: (detected) => {
      table.encoding ??= detected;
    },
  });
  table.rows = csvRows(text, options);
  return table;
}
