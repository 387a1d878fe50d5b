/** What `kehu-record-move` carries: which record moved, along which field, from which value to which. */
export interface RecordMoveDetail {
  id: string;
  entity: string;
  field: string;
  from: string | number;
  to: string | number;
}

/** Fired by `<kehu-record-kanban>` after a card's move was stored; bubbles out of shadow roots. */
export type RecordMoveEvent = CustomEvent<RecordMoveDetail>;

export function recordMoveEvent(detail: RecordMoveDetail): RecordMoveEvent {
  return new CustomEvent('kehu-record-move', { detail, bubbles: true, composed: true });
}
