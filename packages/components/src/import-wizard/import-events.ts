/** What `kehu-import-start` carries; cancel the event to stop the import before anything is written. */
export interface ImportStartDetail {
  entity: string;
  mode: 'insert' | 'update' | 'upsert';
  key?: string;
  /** Rows the dry run found importable. */
  rows: number;
}

/** What `kehu-import-done` carries: the counts of a finished (or cancelled) import. */
export interface ImportDoneDetail {
  entity: string;
  jobId?: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  cancelled: boolean;
}

export type ImportStartEvent = CustomEvent<ImportStartDetail>;
export type ImportDoneEvent = CustomEvent<ImportDoneDetail>;

export const importStartEvent = (detail: ImportStartDetail): ImportStartEvent =>
  new CustomEvent('kehu-import-start', { detail, bubbles: true, composed: true, cancelable: true });
export const importDoneEvent = (detail: ImportDoneDetail): ImportDoneEvent =>
  new CustomEvent('kehu-import-done', { detail, bubbles: true, composed: true });

declare global {
  interface HTMLElementEventMap {
    'kehu-import-start': ImportStartEvent;
    'kehu-import-done': ImportDoneEvent;
  }
}
