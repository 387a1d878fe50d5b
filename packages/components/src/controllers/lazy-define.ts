const loading = new Map<string, Promise<unknown>>();

/**
 * Defines the element `name` by running `load` (a dynamic `import()` of its `define.js`) the first
 * time something needs it, so a host that never shows it does not download it up front. Elements
 * drawn before the definition arrives upgrade when it does (Lit keeps the properties set on them
 * until then); `await customElements.whenDefined(name)` waits for it. A failed load is tried again
 * at the next call (the network may be back).
 */
export function lazyDefine(name: string, load: () => Promise<unknown>): void {
  if (loading.has(name) || customElements.get(name)) return;
  loading.set(
    name,
    load().catch((error: unknown) => {
      loading.delete(name);
      console.warn(`kehu: could not load <${name}>`, error);
    }),
  );
}
