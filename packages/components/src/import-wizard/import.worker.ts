/// <reference lib="webworker" />
// Reads, decodes, parses, cleans and (with `options.validate`) validates an import file off the main
// thread, handing out one batch of rows per request with their problems, so even a file of a million
// rows never blocks the page and never sits in memory whole.
import { defineEntity, prepareFile, type PreparedFile, type PreparedRow } from '@kehu/core';
import type { WorkerRequest, WorkerReply } from './row-reader.js';

/**
 * Rows per reply: a read chunk (1 MiB, thousands of rows) in one message would cost the page one
 * long task to receive; slices of a page batch's size keep each message short.
 */
const SLICE = 500;

let batches: AsyncGenerator<PreparedRow[]> | undefined;
let bytesRead = 0;
/** Rows read but not yet handed out, each with the share of the file read up to it (bytes). */
let queue: { row: PreparedRow; bytes: number }[] = [];
let ended = false;
let failure: unknown;
let filling: Promise<void> | undefined;

/** Reads the next chunk into the queue; one at a time, started ahead while the page writes. */
function fill(): Promise<void> {
  filling ??= (async () => {
    try {
      const before = bytesRead;
      const next = await batches!.next();
      if (next.done) ended = true;
      else {
        // Bytes spread over the chunk's rows, so progress moves with the rows the page has.
        const n = next.value.length;
        next.value.forEach((row, i) => queue.push({ row, bytes: before + ((bytesRead - before) * (i + 1)) / n }));
      }
    } catch (error) {
      failure = error;
    } finally {
      filling = undefined;
    }
  })();
  return filling;
}
const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'open') {
      bytesRead = 0;
      queue = [];
      ended = false;
      failure = undefined;
      const entity = defineEntity(request.schema, 'import');
      const file: PreparedFile = await prepareFile(request.file, entity, {
        ...request.options,
        onBytes: (n) => (bytesRead = n),
      });
      batches = file.batches;
      const { batches: _rows, ...info } = file;
      reply({
        type: 'opened',
        info: { ...info, preview: info.preview.map((r) => ({ line: r.line, cells: r.cells.map(plain) })) },
      });
    } else if (request.type === 'next') {
      while (!queue.length && !ended && !failure) await fill();
      if (failure) throw failure;
      const slice = queue.splice(0, SLICE);
      if (!slice.length) reply({ type: 'end', bytesRead });
      else reply({ type: 'batch', rows: slice.map((q) => q.row), bytesRead: slice[slice.length - 1].bytes });
      // Read on while the page writes, so the next slices are ready when it asks.
      if (!ended && queue.length < 2 * SLICE) void fill();
    }
  } catch (error) {
    reply({
      type: 'error',
      message: (error as Error)?.message ?? String(error),
      code: (error as { code?: string })?.code,
    });
  }
});

const plain = (cell: unknown) =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell as string | number | boolean | null);

reply({ type: 'ready' });
