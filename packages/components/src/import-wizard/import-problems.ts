import { html, nothing, type TemplateResult } from 'lit';
import { localize, problemText, type ImportResult } from '@kehu/core';
import { importText } from './import-wizard.strings.js';
import type { Context } from './import-steps.js';

const pageSize = 50;

/** The problems of a dry run or an import, by row and column, one page at a time. */
export function problemsTable(result: ImportResult, page: number, { locale, wizard }: Context): TemplateResult {
  const problems = result.rejected.flatMap((r) => r.problems);
  const pages = Math.max(1, Math.ceil(problems.length / pageSize));
  const shown = problems.slice(page * pageSize, (page + 1) * pageSize);
  return html`<div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">
          ${importText(locale, 'problems')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${importText(locale, 'row')}</th>
            <th scope="col">${importText(locale, 'column')}</th>
            <th scope="col">${importText(locale, 'problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (p) =>
              html`<tr title=${problemText(p, locale)}>
                <td>${p.line}</td>
                <td>${p.column ?? ''}</td>
                <td class="problem">${localize(p.message, locale)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      pages > 1
        ? html`<div class="row">
            <button type="button" ?disabled=${page === 0} @click=${() => wizard.set({ page: page - 1 })}>
              ${importText(locale, 'prevPage')}
            </button>
            <span role="status">${importText(locale, 'page', { page: page + 1, pages })}</span>
            <button type="button" ?disabled=${page >= pages - 1} @click=${() => wizard.set({ page: page + 1 })}>
              ${importText(locale, 'nextPage')}
            </button>
          </div>`
        : nothing
    }`;
}

/** The download link of the error report, when rows were rejected. */
export function reportLink(result: ImportResult, { locale, wizard }: Context): TemplateResult | typeof nothing {
  if (!result.rejected.length) return nothing;
  const href = URL.createObjectURL(new Blob([wizard.report(result)], { type: 'text/csv;charset=utf-8' }));
  return html`<a part="report" href=${href} download="import-errors.csv">${importText(locale, 'report')}</a>`;
}
