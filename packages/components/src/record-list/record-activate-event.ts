/** What `kehu-record-activate` carries: the record the user opened, and its entity. */
export interface RecordActivateDetail {
  id: string;
  record: Record<string, unknown>;
  entity: string;
}

/** Fired by `<kehu-record-list>` when a row is clicked or Enter is pressed on it; bubbles out of shadow roots. */
export type RecordActivateEvent = CustomEvent<RecordActivateDetail>;

export function recordActivateEvent(detail: RecordActivateDetail): RecordActivateEvent {
  return new CustomEvent('kehu-record-activate', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'kehu-record-activate': RecordActivateEvent;
  }
}
