/** What a write did to a record. `unrecorded` is never stored: see {@link ChangeEntry}. */
export type ChangeAction = 'create' | 'update' | 'remove' | 'restore' | 'merge' | 'unmerge' | 'unrecorded';

/** A reference that a merge moved from a merged record to the survivor (or an undo moved back). */
export interface RepointedReference {
  /** The referring record. */
  entity: string;
  recordId: string;
  /** Its field; for a reference inside line rows, the array field and the row's field and index. */
  field: string;
  rowField?: string;
  row?: number;
  /** The stored values before and after (`entity:id` for polymorphic references). */
  from: string;
  to: string;
}

/**
 * What a `merge` entry (on the survivor and on each merged record) or an `unmerge` entry records:
 * which records became one, and which references were re-pointed. The survivor's `merge` entry
 * lists its own changed values in `changes`, so the merge can be undone.
 */
export interface MergeDetail {
  /** The record the others were merged into. */
  survivor: string;
  /** The records merged into it (soft-deleted by the merge, restored by its undo). */
  merged: string[];
  /** On the survivor's entries: the references re-pointed. */
  references?: RepointedReference[];
  /** On an `unmerge` entry: the id of the survivor's `merge` entry it undid. */
  undoes?: string;
}

/** Who made a change: the store's `user` when the write happened. */
export interface ChangeAuthor {
  id: string;
  name?: string;
}

/**
 * One changed field. `path` is the key chain from the record root (`['address', 'city']` for a
 * nested object's field). Scalars, arrays of scalars and whole objects that appeared or vanished
 * carry `from`/`to` (absent means "had no value"); arrays of rows carry `rows` instead.
 */
export interface FieldChange {
  path: string[];
  from?: unknown;
  to?: unknown;
  rows?: RowChange[];
}

/**
 * One child row of an array of objects (a contact, an order line). Rows are matched by their `id`
 * when they have one, else unchanged rows are matched first and the rest by position. `index` is the
 * row's position in the new array (in the old one for removed rows).
 */
export interface RowChange {
  kind: 'added' | 'removed' | 'changed';
  index: number;
  /** The whole row, for added (`to`) and removed (`from`) rows. */
  from?: Record<string, unknown>;
  to?: Record<string, unknown>;
  /** The changed fields inside a changed row, paths relative to the row. */
  changes?: FieldChange[];
}

/**
 * One entry of the append-only audit log. Entries are written by the repositories' write path only
 * and never updated or deleted; the store exposes them read-only through `history` and `history$`.
 *
 * A `create` entry lists no values: the record's first state is its current state with the later
 * entries' changes undone, so an import of 100k records does not write every value twice.
 *
 * A synthetic `unrecorded` entry (never stored) heads a history whose record was changed after its
 * newest entry — the process stopped between the record write and the entry write, or the record
 * arrived by replication. Its `at` is the record's `updatedAt`; its changes are unknown (empty).
 */
export interface ChangeEntry {
  id: string;
  entity: string;
  recordId: string;
  action: ChangeAction;
  /** When the change was written (ISO 8601). */
  at: string;
  user?: ChangeAuthor;
  changes: FieldChange[];
  /** The record's `updatedAt` after this change; ties the entry to the record version it produced. */
  version: string;
  /** For `merge` and `unmerge` entries: the records involved and the re-pointed references. */
  merge?: MergeDetail;
}
