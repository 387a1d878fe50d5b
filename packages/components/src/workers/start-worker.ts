/**
 * Starts a module Web Worker and resolves with it once it posts `{ type: 'ready' }`, or with
 * `undefined` when it cannot start (no Worker, a CSP that refuses it, a load error, no answer within
 * `timeout` ms) — the callers then do the work on the page instead. Shared by the import wizard's
 * row reader and the duplicate review's scan.
 */
export function startWorker(url: URL, timeout = 15000): Promise<Worker | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { type: 'module' });
    } catch {
      resolve(undefined);
      return;
    }
    const done = (ok: boolean) => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!ok) worker.terminate();
      resolve(ok ? worker : undefined);
    };
    const onMessage = (event: MessageEvent<{ type?: string }>) => done(event.data?.type === 'ready');
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), timeout);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}
