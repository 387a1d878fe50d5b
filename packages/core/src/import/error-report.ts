import { csvText } from '../export/csv.js';
import { localize, type Locale } from '../i18n/locale.js';
import type { RejectedRow } from './run-import.js';

/**
 * The rejected rows as CSV, ready to fix and import again: the file's own columns, then a reason
 * column naming each problem's column and message in `locale`. UTF-8 with BOM and formula
 * neutralisation come from `csvText`; the re-import strips the neutralising apostrophe again.
 */
export function errorReportCsv(headers: readonly string[], rejected: readonly RejectedRow[], locale: Locale): string {
  const reason = locale === 'en' ? 'Reason' : '错误原因';
  const rows = rejected.map((row) => {
    const cells = headers.map((_, i) => row.cells[i] ?? '');
    const why = row.problems
      .map(
        (p) =>
          (p.column ? `${locale === 'en' ? `[${p.column}] ` : `【${p.column}】`}` : '') + localize(p.message, locale),
      )
      .join('; ');
    return [...cells, why];
  });
  return csvText([[...headers, reason], ...rows]);
}
