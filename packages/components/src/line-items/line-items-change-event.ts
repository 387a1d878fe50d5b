import type { Row } from './paste.js';

/** Detail of `kehu-line-items-change`. */
export interface LineItemsChangeDetail {
  /** All rows after the change (a new array; changed rows are new objects). */
  rows: Row[];
  /** What changed, from the row: `[2, 'quantity']` for one cell, `[]` when rows were added, removed, moved or pasted. */
  path: (string | number)[];
}

/** `kehu-line-items-change`: the rows after an edit, paste, insert, removal or move. */
export const lineItemsChangeEvent = (detail: LineItemsChangeDetail): CustomEvent<LineItemsChangeDetail> =>
  new CustomEvent('kehu-line-items-change', { detail, bubbles: true, composed: true });
