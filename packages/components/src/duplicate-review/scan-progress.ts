import { html, type TemplateResult } from 'lit';
import type { Locale } from '@kehu/core';
import { reviewText } from './duplicate-review.strings.js';

/** "已扫描 12,000 / 100,000 条" with a bar and a Cancel button, while a scan runs. */
export function scanProgress(
  locale: Locale,
  progress: { scanned: number; total: number },
  cancel: () => void,
): TemplateResult {
  const format = new Intl.NumberFormat(locale);
  // Until the store has counted, there is nothing to measure against: the bar is indeterminate.
  const counted = progress.total > 0;
  const text = counted
    ? reviewText(locale, 'scanned', { scanned: format.format(progress.scanned), total: format.format(progress.total) })
    : reviewText(locale, 'scanning');
  return html`<div part="progress" class="progress">
    <div
      class="bar"
      role="progressbar"
      aria-label=${reviewText(locale, 'scanProgress')}
      aria-valuemin="0"
      aria-valuemax=${counted ? progress.total : 100}
      aria-valuenow=${counted ? progress.scanned : 0}
      aria-valuetext=${text}
    >
      ${
        counted
          ? html`<progress aria-hidden="true" max=${progress.total} .value=${progress.scanned}></progress>`
          : html`<progress aria-hidden="true"></progress>`
      }
    </div>
    <span class="muted" aria-hidden="true">${text}</span>
    <button type="button" @click=${cancel}>${reviewText(locale, 'cancelScan')}</button>
  </div>`;
}

/** What a cancelled scan leaves: a note and a way to scan again. */
export function scanCancelled(locale: Locale, rescan: () => void): TemplateResult {
  return html`<p class="cancelled">
    ${reviewText(locale, 'cancelled')}
    <button type="button" @click=${rescan}>${reviewText(locale, 'rescan')}</button>
  </p>`;
}
