import { html } from 'lit';
import { localize, type FieldModel, type Locale, type Store } from '@kehu/core';
import { lineItemsText } from './line-items.strings.js';
import type { LineItemIssue, LineItemsChangeDetail } from './line-items.js';

/** What the dialog for one line's sub-lines needs from the grid around it. */
export interface NestedContext {
  /** The line (0-based) whose sub-lines are open. */
  row: number;
  /** The column holding them. */
  column: FieldModel;
  rows: unknown;
  /** The outer grid's issues; those under this line and column are passed down. */
  issues: LineItemIssue[];
  locale: Locale;
  store: Store | undefined;
  readonly: boolean;
  change(detail: LineItemsChangeDetail): void;
  close(): void;
  closed(): void;
}

/** A line's own line items (a job's parts, say), edited in a modal dialog by a nested grid. */
export function nestedDialog(c: NestedContext) {
  const { row, column, locale } = c;
  const title = lineItemsText(locale, 'openNested', { row: row + 1, column: localize(column.label, locale) });
  const issues = c.issues
    .filter((i) => i.path[0] === row && i.path[1] === column.key)
    .map((i) => ({ ...i, path: i.path.slice(2) }));
  return html`<dialog part="dialog" aria-labelledby="nested-title" @close=${c.closed}>
    <h2 id="nested-title">${title}</h2>
    <kehu-line-items
      .field=${column}
      .rows=${Array.isArray(c.rows) ? c.rows : []}
      .issues=${issues}
      .locale=${locale}
      .store=${c.store}
      ?readonly=${c.readonly}
      @kehu-line-items-change=${(e: CustomEvent<LineItemsChangeDetail>) => {
        e.stopPropagation();
        c.change(e.detail);
      }}
    ></kehu-line-items>
    <button type="button" part="close-button" @click=${c.close}>${lineItemsText(locale, 'close')}</button>
  </dialog>`;
}
