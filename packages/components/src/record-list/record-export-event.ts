/** What `kehu-record-export` carries: the CSV about to be saved. */
export interface RecordExportDetail {
  entity: string;
  fileName: string;
  /** CSV text with a UTF-8 BOM, cells neutralised against formula injection. */
  text: string;
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
