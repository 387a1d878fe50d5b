/// <reference lib="webworker" />
// Reads, decodes, parses, cleans and (with `options.validate`) validates an import file off the main
// thread, handing out one batch of rows per request with their problems, so even a file of a million
// rows never blocks the page and never sits in memory whole.
import { defineEntity, prepareFile, type PreparedFile, type PreparedRow } from '@kehu/core';
import type { WorkerRequest, WorkerReply } from './row-reader.js';

let batches: AsyncGenerator<PreparedRow[]> | undefined;
let bytesRead = 0;
const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'open') {
      bytesRead = 0;
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
      const next = await batches!.next();
      reply(next.done ? { type: 'end', bytesRead } : { type: 'batch', rows: next.value, bytesRead });
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
