import { html, nothing } from 'lit';
import { clean, localize, type FieldModel, type Locale } from '@kehu/core';
import { lineItemsText } from './line-items.strings.js';
import type { CellProblem, Row } from './paste.js';
import { amountFormat } from '../record-list/cell-format.js';

/** What the last paste did, for the report under the grid. */
export interface PasteReport {
  cells: number;
  rows: number;
  problems: CellProblem[];
  dropped: number;
}

const numeric = (c: FieldModel) => c.type === 'number' || c.type === 'integer';

/** `grid-template-columns` of every row: number, one track per column, actions. */
export function columnTracks(columns: readonly FieldModel[], readonly: boolean): string {
  const tracks = columns.map((c) =>
    c.type === 'array'
      ? '7rem'
      : numeric(c)
        ? 'minmax(6rem, 1fr)'
        : c.type === 'boolean'
          ? '5rem'
          : 'minmax(9rem, 2fr)',
  );
  return ['3rem', ...tracks, ...(readonly ? [] : ['6.5rem'])].join(' ');
}

/** The header row: column labels, required marks, "computed" for screen readers. */
export function renderHeader(columns: readonly FieldModel[], locale: Locale, readonly: boolean) {
  return html`<div role="rowgroup">
    <div role="row" part="header" class="row header" aria-rowindex="1">
      <div role="columnheader" part="column-header" class="row-number">${lineItemsText(locale, 'rowNumber')}</div>
      ${columns.map(
        (c) =>
          html`<div role="columnheader" part="column-header" class=${numeric(c) ? 'num' : ''}>
            ${localize(c.label, locale)}${c.required ? html`<span part="required-mark" aria-hidden="true">*</span>` : nothing}${
              c.formula ? html`<span class="visually-hidden">(${lineItemsText(locale, 'computed')})</span>` : nothing
            }
          </div>`,
      )}
      ${readonly ? nothing : html`<div role="columnheader" part="column-header">${lineItemsText(locale, 'actions')}</div>`}
    </div>
  </div>`;
}

/** The totals row: sums of money and computed number columns; nothing when there are none. */
export function renderFooter(columns: readonly FieldModel[], rows: readonly Row[], locale: Locale, readonly: boolean) {
  const totalled = columns.map(
    (c) => (c.type === 'number' || c.type === 'integer') && (c.kind === 'money' || !!c.formula),
  );
  if (!totalled.some(Boolean)) return nothing;
  const format = (c: FieldModel, n: number) => amountFormat(locale, c.kind === 'money').format(n);
  return html`<div role="rowgroup">
    <div role="row" part="footer" class="row footer" aria-rowindex=${rows.length + 2}>
      <div role="rowheader" class="row-number">${lineItemsText(locale, 'total')}</div>
      ${columns.map((c, i) => {
        if (!totalled[i]) return html`<div role="gridcell"></div>`;
        const sum = rows.reduce((t, r) => (typeof r[c.key] === 'number' ? clean(t + (r[c.key] as number)) : t), 0);
        return html`<div role="gridcell" part="total" class="num" data-key=${c.key}>${format(c, sum)}</div>`;
      })}
      ${readonly ? nothing : html`<div role="gridcell"></div>`}
    </div>
  </div>`;
}

/** What a paste did: cells and rows filled, rows dropped, and each cell that failed by row and column. */
export function renderReport(report: PasteReport, locale: Locale, maxItems: number | undefined) {
  const shown = report.problems.slice(0, 20);
  return html`<p>${lineItemsText(locale, 'pasted', { cells: report.cells, rows: report.rows })}</p>
    ${report.dropped ? html`<p>${lineItemsText(locale, 'tooManyRows', { max: maxItems ?? '', count: report.dropped })}</p>` : nothing}
    ${
      shown.length
        ? html`<p>${lineItemsText(locale, 'pasteProblems', { count: report.problems.length })}</p>
            <ul>
              ${shown.map((p) => html`<li>${lineItemsText(locale, 'cellProblem', { row: p.row + 1, column: localize(p.column.label, locale), message: localize(p.message, locale) })}</li>`)}
              ${report.problems.length > shown.length ? html`<li>…</li>` : nothing}
            </ul>`
        : nothing
    }`;
}
