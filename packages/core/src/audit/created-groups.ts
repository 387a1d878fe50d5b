/**
 * `create` entries of bulk writes, one per group of records instead of one per record.
 *
 * A bulk insert or an import creates thousands of records whose `create` entries are identical
 * but for the record id (a create carries no values: decision 0004). Writing one entry document per
 * record was about 40% of a bulk insert's time, so the creates of one append that share entity,
 * `createdAt` and version are written as one entry listing their `ids`. A record's `createdAt` never
 * changes, so it finds its group again: the group's key `k` is `entity|~c|createdAt|lastId`, and the
 * first group at or after `entity|~c|createdAt|id` is the record's when the groups' ids do not
 * interleave (ids made in order); otherwise every group of that moment is searched.
 */
import type { ChangeEntry } from './types.js';

/** At most this many record ids in one group entry (about 20 KB of ids). */
export const GROUP_SIZE = 1000;

/** The longest `k` the `changes` schema declares; a longer group key falls back to per-record entries. */
const KEY_LENGTH = 140;

/** The key prefix of the groups of records of `entity` created at `createdAt`. */
export const groupPrefix = (entity: string, createdAt: string): string => `${entity}|~c|${createdAt}|`;

/** What a group entry adds to a stored entry: the records it stands for. */
export interface GroupFields {
  ids?: string[];
}

/** A create draft that can share an entry: no values, no merge detail, a known `createdAt`. */
interface Groupable {
  entity: string;
  recordId: string;
  action: ChangeEntry['action'];
  version: string;
  changes: unknown[];
  merge?: unknown;
  createdAt?: string;
}

/**
 * Splits `drafts` into groups of creates (two or more records, at most `GROUP_SIZE` each, with their
 * key) and the drafts that get an entry of their own.
 */
export function groupCreates<D extends Groupable>(
  drafts: D[],
): { groups: { key: string; drafts: D[] }[]; single: D[] } {
  const byMoment = new Map<string, D[]>();
  const single: D[] = [];
  for (const draft of drafts) {
    if (draft.action !== 'create' || !draft.createdAt || draft.changes.length || draft.merge) single.push(draft);
    else {
      const moment = `${draft.entity}\u0000${draft.createdAt}\u0000${draft.version}`;
      const members = byMoment.get(moment);
      if (members) members.push(draft);
      else byMoment.set(moment, [draft]);
    }
  }
  const groups: { key: string; drafts: D[] }[] = [];
  for (const members of byMoment.values()) {
    if (members.length < 2) {
      single.push(...members);
      continue;
    }
    // Sorted, so that groups made from ids in order cover ranges that do not interleave.
    members.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
    for (let i = 0; i < members.length; i += GROUP_SIZE) {
      const part = members.slice(i, i + GROUP_SIZE);
      const first = part[0];
      const key = groupPrefix(first.entity, first.createdAt!) + part[part.length - 1].recordId;
      if (key.length > KEY_LENGTH || part.length < 2) single.push(...part);
      else groups.push({ key, drafts: part });
    }
  }
  return { groups, single };
}

/** Whether a stored entry is a group holding `recordId`. */
export const holds = (doc: GroupFields, recordId: string): boolean =>
  Array.isArray(doc.ids) && doc.ids.includes(recordId);
