/** Timing helpers for the bench page: wall-clock milliseconds of one run of a task. */

/** Milliseconds `task` takes, with its result. */
export async function timed<T>(task: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

/** Milliseconds `task` takes. */
export async function time(task: () => Promise<unknown> | unknown): Promise<number> {
  return (await timed(task)).ms;
}

/**
 * Resolves once `ready(root)` holds, checked after every DOM mutation under `root` — so the time
 * measured ends when the rows are in the DOM, not at the next poll. Rejects after `timeoutMs`.
 */
export function whenDom(root: Node, ready: () => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`DOM condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/** The median of some samples (the mean of the middle two for an even count). */
export function median(samples: number[]): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
