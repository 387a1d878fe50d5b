import type { ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/**
 * Re-renders `host` whenever any `lang` attribute in the document changes, so a host page switches
 * every Kehu element's language at run time by setting `<html lang>` (or a container's `lang`).
 * One observer serves all elements. Returns the function that stops watching.
 */
export function watchLang(host: ReactiveControllerHost): () => void {
  hosts.add(host);
  if (!observer) {
    observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
    observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    hosts.delete(host);
    if (!hosts.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
