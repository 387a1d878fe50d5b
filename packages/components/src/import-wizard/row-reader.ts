import {
  prepareFile,
  type Entity,
  type JsonSchema,
  type PreparedFile,
  type PreparedRow,
  type PrepareOptions,
} from '@kehu/core';
import { startWorker } from '../workers/start-worker.js';

/** What a file reader learns before the first data row: everything of `PreparedFile` but the rows. */
export type FileInfo = Omit<PreparedFile, 'batches'>;

type Options = Omit<PrepareOptions, 'onBytes'>;

export type WorkerRequest = { type: 'open'; file: Blob; schema: JsonSchema; options: Options } | { type: 'next' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'opened'; info: FileInfo }
  | { type: 'batch'; rows: PreparedRow[]; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; message: string; code?: string };

/** An open import file: its header and mapping, and its data rows one batch at a time. */
export interface RowReader {
  info: FileInfo;
  /** Where rows are read: a Web Worker, or the page itself when no worker could start. */
  where: 'worker' | 'page';
  batches(): AsyncGenerator<PreparedRow[]>;
  bytesRead(): number;
  close(): void;
}

/**
 * Where the worker module is: next to this one as `.ts` when served from source (dev server,
 * tests); in a build, `dist/import-wizard/import.worker.js` (rollup.config.mjs), one folder up from
 * whichever chunk holds this code.
 */
const workerUrl = () =>
  import.meta.url.endsWith('.ts')
    ? new URL('./import.worker.ts', import.meta.url)
    : new URL('../import-wizard/import.worker.js', import.meta.url);

function ask(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<WorkerReply>) => {
      cleanup();
      if (event.data.type === 'error') reject(Object.assign(new Error(event.data.message), { code: event.data.code }));
      else resolve(event.data);
    };
    const onError = (event: ErrorEvent) => {
      cleanup();
      reject(new Error(event.message || 'worker error'));
    };
    const cleanup = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(request);
  });
}

/** Lets the page paint and handle input between chunks when the rows are read on the main thread. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Opens `file` for import into `entity`: in a Web Worker when one starts (so parsing a big file
 * never freezes the page), otherwise on the main thread in chunks that yield to the page.
 */
export async function openRows(file: Blob, entity: Entity, options: Options, useWorker = true): Promise<RowReader> {
  const worker = useWorker && typeof Worker !== 'undefined' ? await startWorker(workerUrl()) : undefined;
  if (worker) {
    try {
      const opened = await ask(worker, { type: 'open', file, schema: entity.schema, options });
      let read = 0;
      return {
        info: (opened as Extract<WorkerReply, { type: 'opened' }>).info,
        where: 'worker',
        bytesRead: () => read,
        close: () => worker.terminate(),
        async *batches() {
          try {
            // One batch ahead: the worker reads, cleans and checks the next batch while the page
            // writes this one. A failure of the request ahead is thrown when that batch is wanted.
            const next = () => {
              const reply = ask(worker, { type: 'next' });
              reply.catch(() => undefined);
              return reply;
            };
            let ahead = next();
            for (;;) {
              const reply = await ahead;
              if (reply.type === 'end') return;
              ahead = next();
              if (reply.type !== 'batch') continue;
              read = reply.bytesRead;
              yield reply.rows;
            }
          } finally {
            worker.terminate();
          }
        },
      };
    } catch {
      // A worker that starts but cannot read (a strict CSP refusing its code, say): read on the page,
      // which reports the real problem if the file itself is at fault.
      worker.terminate();
    }
  }
  let read = 0;
  const prepared = await prepareFile(file, entity, { ...options, onBytes: (n) => (read = n) });
  const { batches, ...info } = prepared;
  return {
    info,
    where: 'page',
    bytesRead: () => read,
    close: () => void batches.return(undefined),
    async *batches() {
      for await (const rows of batches) {
        yield rows;
        await breathe();
      }
    },
  };
}
