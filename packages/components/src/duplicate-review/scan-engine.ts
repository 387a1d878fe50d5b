import {
  CompletenessTally,
  DuplicateScanner,
  type DuplicatePair,
  type Entity,
  type EntityCompleteness,
  type JsonSchema,
  type KehuRecord,
} from '@kehu/core';
import { startWorker } from '../workers/start-worker.js';

/** Messages to the worker; `scan` tells apart the scans of several reviews sharing it. */
export type ScanRequest =
  | { type: 'start'; scan: number; schema: JsonSchema; threshold: number }
  | { type: 'page'; scan: number; records: KehuRecord[] }
  | { type: 'finish'; scan: number }
  | { type: 'stop'; scan: number };
export type ScanReply =
  | { type: 'ready' }
  | { type: 'scanned'; scan: number; scanned: number }
  | { type: 'done'; scan: number; pairs: DuplicatePair[]; completeness: EntityCompleteness }
  | { type: 'error'; scan: number; message: string };

export interface ScanResult {
  pairs: DuplicatePair[];
  completeness: EntityCompleteness;
}

/** A running duplicate scan: records go in a page at a time, pairs and completeness come out at the end. */
export interface ScanEngine {
  /** Where the records are compared: a Web Worker, or the page itself when no worker could start. */
  where: 'worker' | 'page';
  add(records: KehuRecord[]): void;
  finish(): Promise<ScanResult>;
  /** Stops the scan; a pending `finish` rejects with an `AbortError`. */
  stop(): void;
}

const stopped = () => new DOMException('The duplicate scan was stopped', 'AbortError');

/**
 * Where the worker module is: next to this one as `.ts` when served from source (dev server,
 * tests); in a build, `dist/duplicate-review/duplicate-scan.worker.js` (rollup.config.mjs bundles
 * every `*.worker.ts` with esbuild), one folder up from whichever chunk holds this code. Same origin
 * either way, so the demo's CSP (`script-src 'self'`, `worker-src 'self' blob:`) allows it.
 */
const workerUrl = () =>
  import.meta.url.endsWith('.ts')
    ? new URL('./duplicate-scan.worker.ts', import.meta.url)
    : new URL('../duplicate-review/duplicate-scan.worker.js', import.meta.url);

/**
 * One worker serves every review on the page and every rescan (after a merge, say): starting one
 * means loading the scanner's code, which costs more than scanning a small entity. It is ended when
 * a scan is cancelled while no other runs (the only way to stop a comparison mid-way), and after
 * a minute without work.
 */
let shared: Promise<Worker | undefined> | undefined;
let active = 0;
let idle: ReturnType<typeof setTimeout> | undefined;
let nextScan = 1;

function endShared(): void {
  const ending = shared;
  shared = undefined;
  void ending?.then((worker) => worker?.terminate());
}

function workerEngine(worker: Worker, entity: Entity, threshold: number, onScanned: (n: number) => void): ScanEngine {
  const scan = nextScan++;
  let settle: { resolve(result: ScanResult): void; reject(error: unknown): void } | undefined;
  let failure: unknown;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    if (--active === 0) idle = setTimeout(endShared, 60000);
  };
  const fail = (error: unknown) => {
    failure ??= error;
    settle?.reject(error);
    end();
  };
  const onMessage = (event: MessageEvent<ScanReply>) => {
    const reply = event.data;
    if (reply.type === 'ready' || reply.scan !== scan) return;
    if (reply.type === 'scanned') onScanned(reply.scanned);
    else if (reply.type === 'done') {
      settle?.resolve(reply);
      end();
    } else fail(new Error(reply.message));
  };
  const onError = (event: ErrorEvent) => {
    fail(new Error(event.message || 'duplicate scan worker failed'));
    endShared();
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  clearTimeout(idle);
  active++;
  worker.postMessage({ type: 'start', scan, schema: entity.schema, threshold } satisfies ScanRequest);
  return {
    where: 'worker',
    // Posted without waiting for the answer: the page reads the next page while the worker scans this one.
    add: (records) => void (!ended && worker.postMessage({ type: 'page', scan, records } satisfies ScanRequest)),
    finish: () =>
      new Promise<ScanResult>((resolve, reject) => {
        if (failure) return reject(failure);
        settle = { resolve, reject };
        worker.postMessage({ type: 'finish', scan } satisfies ScanRequest);
      }),
    stop: () => {
      if (ended) return;
      const alone = active === 1;
      worker.postMessage({ type: 'stop', scan } satisfies ScanRequest);
      fail(stopped());
      // Mid-way through a comparison the worker reads no messages: only ending it stops the work.
      if (alone) endShared();
    },
  };
}

/**
 * The fallback when no Web Worker can start (an embedding page whose CSP forbids workers, an old
 * browser): the same scanner on the main thread. The caller hands it one page at a time and yields
 * to the page between pages, so keys are worked out in slices; only the final pairing (about a
 * quarter of the work) runs in one go.
 */
function pageEngine(entity: Entity, threshold: number, onScanned: (n: number) => void): ScanEngine {
  const scanner = new DuplicateScanner(entity, { threshold });
  const tally = new CompletenessTally(entity);
  let halted = false;
  return {
    where: 'page',
    add(records) {
      if (halted) return;
      scanner.add(records);
      tally.add(records);
      onScanned(scanner.scanned);
    },
    finish: async () => {
      if (halted) throw stopped();
      return { pairs: scanner.pairs(), completeness: tally.result() };
    },
    stop: () => void (halted = true),
  };
}

/** Starts a scan of `entity`'s records: in a module Web Worker when one starts, else on the page. */
export async function startScan(
  entity: Entity,
  threshold: number,
  onScanned: (scanned: number) => void,
  useWorker = true,
): Promise<ScanEngine> {
  if (useWorker && typeof Worker !== 'undefined') shared ??= startWorker(workerUrl());
  const worker = useWorker ? await shared : undefined;
  // A worker that could not start is asked for again next time (the page may allow it by then).
  if (!worker) shared = undefined;
  return worker ? workerEngine(worker, entity, threshold, onScanned) : pageEngine(entity, threshold, onScanned);
}
