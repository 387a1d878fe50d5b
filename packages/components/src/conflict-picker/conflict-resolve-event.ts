import type { ConflictChoices, KehuRecord } from '@kehu/core';

/** What `kehu-conflict-resolve` carries. */
export interface ConflictResolveDetail {
  /** The conflict's id (a `kehu-conflict` record, now resolved). */
  id: string;
  entity: string;
  recordId: string;
  /** Per field, the side kept. */
  choices: ConflictChoices;
  /** The record as saved. */
  record: KehuRecord;
}

/** Fired by `<kehu-conflict-picker>` after a conflict was resolved and saved; bubbles out of shadow roots. */
export type ConflictResolveEvent = CustomEvent<ConflictResolveDetail>;

export function conflictResolveEvent(detail: ConflictResolveDetail): ConflictResolveEvent {
  return new CustomEvent('kehu-conflict-resolve', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'kehu-conflict-resolve': ConflictResolveEvent;
  }
}
