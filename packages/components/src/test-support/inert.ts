// Shared checks of the hostile-input tests: what an element shows, what markup a payload could have
// injected, and "shown as text, never run". Test-only (under `test-support/`, never shipped).
import { expect, waitUntil } from '@open-wc/testing';
import { xssMarker } from './xss-corpus.js';

/** Elements under `root`, through every open shadow root. */
export function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

/** Whitespace collapsed, as a reader sees it. */
export const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a user sees (styles left out) plus the values of form controls, whitespace collapsed. */
export function shown(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLStyleElement || node instanceof HTMLTemplateElement) return;
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(' ', node.value, ' ');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
    // A highlight (`<mark>`) sits inside a word: no space after it.
    if (node instanceof Element && node.localName !== 'mark') parts.push(' ');
  };
  walk(root);
  return norm(parts.join(''));
}

/** Markup a payload could have injected: descriptions of the offending elements. */
export function injected(root: ParentNode): string[] {
  const bad: string[] = [];
  for (const el of deep(root)) {
    const tag = el.localName;
    if (['script', 'iframe', 'object', 'embed', 'frame', 'noscript'].includes(tag)) bad.push(tag);
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on')) bad.push(`${tag}[${attr.name}]`);
      if (attr.name === 'srcdoc') bad.push(`${tag}[srcdoc]`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) &&
        value.startsWith('javascript:')
      ) {
        bad.push(`${tag}[${attr.name}=javascript:]`);
      }
      if (attr.name === 'style' && value.includes('javascript:')) bad.push(`${tag}[style]`);
    }
    if (tag === 'style' && el.textContent!.includes(xssMarker)) bad.push('style with a payload');
  }
  return bad;
}

/** The head of a value, as an element showing it in full or clipped with an ellipsis would show it. */
export const head = (value: string) => norm(value).slice(0, 40);

/**
 * Waits until `el` shows the head of every value, then asserts no payload ran (`window.__kehuXss`
 * unset) and no markup was injected into `el`. `read` gives the text `el` shows (default `shown`).
 */
export async function expectInert(
  name: string,
  el: Element,
  values: readonly string[],
  read: (el: Element) => string = shown,
): Promise<void> {
  await waitUntil(
    () => values.every((v) => read(el).includes(head(v))),
    `${name} never showed: ${values.filter((v) => !read(el).includes(head(v))).join(' | ')}`,
    { timeout: 8000 },
  );
  // Injected handlers (img onerror) fire after a network round trip: give them one.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((window as unknown as Record<string, unknown>)[xssMarker], `${name}: a payload ran`).to.equal(undefined);
  expect(injected(el.shadowRoot ?? el), `${name}: injected markup`).to.deep.equal([]);
}

/** RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** What a spreadsheet would run as a formula; a plain negative number is not one. */
export const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);
