/** What `kehu-merge` and `kehu-merge-undo` carry. */
export interface MergeEventDetail {
  entity: string;
  /** The record the others were merged into. */
  survivor: string;
  /** The records merged (or, on undo, restored). */
  merged: string[];
}

/**
 * Fired by `<kehu-duplicate-review>` after a merge (`kehu-merge`) or its undo (`kehu-merge-undo`)
 * was saved; bubbles out of shadow roots.
 */
export type MergeEvent = CustomEvent<MergeEventDetail>;

export function mergeEvent(type: 'kehu-merge' | 'kehu-merge-undo', detail: MergeEventDetail): MergeEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'kehu-merge': MergeEvent;
    'kehu-merge-undo': MergeEvent;
  }
}
