/**
 * Runs `work` once the work queued under `key` in `queue` before it is over, done or failed, and
 * returns its answer; the key leaves the queue when nothing waits under it any more.
 */
export function inTurn<T>(queue: Map<string, Promise<void>>, key: string, work: () => Promise<T>): Promise<T> {
  const previous = queue.get(key) ?? Promise.resolve();
  const run = previous.then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queue.set(key, settled);
  void settled.then(() => {
    if (queue.get(key) === settled) queue.delete(key);
  });
  return run;
}
