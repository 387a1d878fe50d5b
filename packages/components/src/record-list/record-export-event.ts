/** What `kehu-record-export` carries: the CSV about to be saved. */
export interface RecordExportDetail {
  entity: string;
  fileName: string;
  /** The file about to be saved (UTF-8 CSV with a BOM), cells neutralised against formula injection. */
  file: Blob;
  /** The same CSV as text (joined from its pages when first read). */
  readonly text: string;
  /** Number of records in it. */
  count: number;
}

/**
 * Fired by `<kehu-record-list>` before it saves an export. Cancel it (`preventDefault()`) to handle
 * the file yourself instead of letting the browser download it.
 */
export type RecordExportEvent = CustomEvent<RecordExportDetail>;

export const recordExportEvent = (detail: RecordExportDetail): RecordExportEvent =>
  new CustomEvent('kehu-record-export', { detail, bubbles: true, composed: true, cancelable: true });

declare global {
  interface HTMLElementEventMap {
    'kehu-record-export': RecordExportEvent;
  }
}
