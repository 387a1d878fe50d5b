import { toLocale, type Locale } from '@kehu/core';

/**
 * The locale an element shows: its own `locale` property, else the nearest `lang` attribute
 * (crossing shadow roots), else the document's. Hosts switch at run time by setting either.
 */
export function uiLocale(element: HTMLElement, own?: string | null): Locale {
  if (own) return toLocale(own);
  let node: Node | null = element;
  while (node) {
    if (node instanceof HTMLElement && node.lang) return toLocale(node.lang);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(document.documentElement.lang || navigator.language);
}
