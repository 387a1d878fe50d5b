import { loadOnce } from './load-once.js';

/**
 * A function that defines the element `name` by running `load` (a dynamic `import()` of its
 * `define.js`) the first time something needs it, so a host that never shows it does not download it
 * up front. Elements drawn before the definition arrives upgrade when it does (Lit keeps the
 * properties set on them until then); `await customElements.whenDefined(name)` waits for it.
 */
export function lazyDefine(name: string, load: () => Promise<unknown>): () => void {
  const loaded = loadOnce(load, `<${name}>`);
  return () => {
    if (!customElements.get(name)) loaded().catch(() => undefined); // warned in loadOnce; tried again next time
  };
}
