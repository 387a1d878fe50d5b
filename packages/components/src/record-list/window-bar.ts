import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@kehu/core';
import { listText } from './record-list.strings.js';

/** The part of the list query the bar reads. */
interface RowWindow {
  windowStart: number;
  windowSize: number;
  items: readonly number[];
  total: number | undefined;
}

/**
 * Navigation between windows of rows, shown only when the records do not fit one scrolling area
 * (about 800,000 rows at the default height; see `maxScrollRows`).
 */
export function windowBar(
  locale: Locale,
  query: RowWindow,
  go: (start: number) => void,
): TemplateResult | typeof nothing {
  const total = query.total ?? 0;
  const size = query.windowSize;
  if (!Number.isFinite(size) || total <= size) return nothing;
  const start = query.windowStart;
  const format = new Intl.NumberFormat(locale);
  const lastStart = Math.floor((total - 1) / size) * size;
  const button = (key: string, target: number, disabled: boolean) =>
    html`<button class="tool" type="button" ?disabled=${disabled} @click=${() => go(target)}>
      ${listText(locale, key)}
    </button>`;
  return html`<nav part="window-bar" class="window-bar" aria-label=${listText(locale, 'windowNav')}>
    ${button('firstWindow', 0, start === 0)} ${button('previousWindow', start - size, start === 0)}
    <span class="window-range"
      >${listText(locale, 'window', {
        from: format.format(start + 1),
        to: format.format(start + query.items.length),
        total: format.format(total),
      })}</span
    >
    ${button('nextWindow', start + size, start >= lastStart)} ${button('lastWindow', lastStart, start >= lastStart)}
  </nav>`;
}
