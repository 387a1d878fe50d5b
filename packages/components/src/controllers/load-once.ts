/**
 * `load` (a dynamic `import()`) run the first time the returned function is called, its promise
 * kept for later calls. A failed load is reported once as a warning naming `what` and tried again
 * at the next call (the network may be back).
 */
export function loadOnce<M>(load: () => Promise<M>, what: string): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      console.warn(`kehu: could not load ${what}`, error);
      throw error;
    }));
}
