import { changeLogOf } from '../audit/change-log.js';
import type { ChangeEntry, FieldChange, MergeDetail, RepointedReference } from '../audit/types.js';
import { formatReference } from '../entity/polymorphic-reference.js';
import { KehuError } from '../errors/errors.js';
import { referrersOf } from '../store/in-use.js';
import type { KehuRecord, Store } from '../store/types.js';

/** Which record's value survives, per top-level field: `{ mobile: 'cus-2' }`. */
export type MergeChoices = Record<string, string>;

export interface MergeResult {
  survivor: KehuRecord;
  merged: string[];
  references: RepointedReference[];
  /** Id of the survivor's `merge` entry (what `undoMerge` undoes). */
  entry?: string;
}

const systemFields = new Set(['id', 'createdAt', 'updatedAt', '_v']);
const empty = (value: unknown) => value === undefined || value === null || value === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function problem(store: Store, code: string, en: string, zh: string): KehuError {
  return new KehuError(code, { en, 'zh-CN': zh }, store.locale);
}

/**
 * The survivor's values after a merge: the chosen record's value for every field in `choices`, the
 * survivor's own elsewhere, and — unless `fillEmpty` is false — the first other record's value for
 * fields the survivor leaves empty. Computed fields are left to the store.
 */
export function mergedValues(
  entityFields: { key: string; formula?: string }[],
  survivor: KehuRecord,
  others: KehuRecord[],
  choices: MergeChoices = {},
  fillEmpty = true,
): Record<string, unknown> {
  const byId = new Map([survivor, ...others].map((r) => [r.id, r as Record<string, unknown>]));
  const out: Record<string, unknown> = {};
  for (const field of entityFields) {
    if (field.formula || systemFields.has(field.key)) continue;
    const chosen = choices[field.key];
    const own = (survivor as Record<string, unknown>)[field.key];
    if (chosen !== undefined) out[field.key] = byId.get(chosen)?.[field.key];
    else if (empty(own) && fillEmpty)
      out[field.key] = others.map((o) => (o as Record<string, unknown>)[field.key]).find((v) => !empty(v));
    else out[field.key] = own;
  }
  return out;
}

/**
 * Merges `otherIds` into `survivorId`: the survivor takes the chosen value per field, every live
 * reference to the others (top-level, polymorphic `entity:id`, inside line rows) is re-pointed to
 * it, the others are soft-deleted, and `merge` entries record it all in the audit trail. Every write
 * goes through the repositories (validation, permissions, locks); if one is refused, the writes
 * already made are reverted and the error is thrown. `undoMerge` undoes it.
 */
export async function mergeRecords(
  store: Store,
  entity: string,
  survivorId: string,
  otherIds: string[],
  choices: MergeChoices = {},
  options: { fillEmpty?: boolean } = {},
): Promise<MergeResult> {
  const repository = store.entity(entity);
  const others = [...new Set(otherIds)].filter((id) => id !== survivorId);
  const survivor = await repository.get(survivorId);
  const records = await Promise.all(others.map((id) => repository.get(id)));
  const missing = [survivorId, ...others].find((id, i) => !(i === 0 ? survivor : records[i - 1]));
  if (missing !== undefined || !others.length) {
    throw problem(
      store,
      'merge-invalid',
      `Cannot merge: ${missing !== undefined ? `no live ${entity} "${missing}"` : 'choose at least one other record'}.`,
      `无法合并：${missing !== undefined ? `找不到记录「${missing}」` : '请至少选择另一条记录'}。`,
    );
  }
  for (const [field, id] of Object.entries(choices))
    if (id !== survivorId && !others.includes(id))
      throw problem(
        store,
        'merge-invalid',
        `Cannot merge: the value of "${field}" is taken from "${id}", which is not being merged.`,
        `无法合并：字段「${field}」的取值来自未参与合并的记录「${id}」。`,
      );
  const values = mergedValues(repository.entity.fields, survivor!, records as KehuRecord[], choices, options.fillEmpty);
  const changes: FieldChange[] = [];
  const patch: Record<string, unknown> = {};
  for (const [key, to] of Object.entries(values)) {
    const from = (survivor as Record<string, unknown>)[key];
    if (same(from, to)) continue;
    patch[key] = to;
    const change: FieldChange = { path: [key] };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    changes.push(change);
  }
  const undo: (() => Promise<unknown>)[] = [];
  try {
    const references = await repoint(store, entity, others, survivorId, undo);
    const log = changeLogOf(store);
    const detail: MergeDetail = { survivor: survivorId, merged: others };
    for (const other of records as KehuRecord[]) {
      // The merge entry before the removal, so a merged record's history ends with its deletion.
      await log?.append([
        { entity, recordId: other.id, action: 'merge', changes: [], version: other.updatedAt, merge: detail },
      ]);
      await repository.remove(other.id);
      undo.push(() => repository.restore(other.id));
    }
    // Unique values (a code) can only move to the survivor once the others no longer hold them.
    const updated = Object.keys(patch).length ? await repository.patch(survivorId, patch) : survivor!;
    await log?.append([
      {
        entity,
        recordId: survivorId,
        action: 'merge',
        changes,
        version: updated.updatedAt,
        merge: { ...detail, references },
      },
    ]);
    const entry = log ? (await log.history(entity, survivorId)).find((e) => e.action === 'merge')?.id : undefined;
    return { survivor: updated, merged: others, references, ...(entry ? { entry } : {}) };
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

/** Re-points every live reference to `from` ids onto `to`; returns what it changed. */
async function repoint(
  store: Store,
  target: string,
  from: string[],
  to: string,
  undo: (() => Promise<unknown>)[],
): Promise<RepointedReference[]> {
  const moved: RepointedReference[] = [];
  const referrers = referrersOf(target, store.entities.values());
  const value = (polymorphic: boolean, id: string) => (polymorphic ? formatReference(target, id) : id);
  // One patch per referring record, however many of its fields point at the merged records.
  const patches = new Map<string, { entity: string; id: string; record: KehuRecord; patch: Record<string, unknown> }>();
  for (const referrer of referrers) {
    const repository = store.entity(referrer.entity.name);
    for (const id of from) {
      const old = value(referrer.polymorphic, id);
      const next = value(referrer.polymorphic, to);
      const selector = referrer.rowField
        ? { [referrer.field]: { $elemMatch: { [referrer.rowField]: old } } }
        : { [referrer.field]: old };
      for (const record of await repository.find({ selector })) {
        const key = `${referrer.entity.name}|${record.id}`;
        const entry = patches.get(key) ?? { entity: referrer.entity.name, id: record.id, record, patch: {} };
        patches.set(key, entry);
        const base = { ...(record as Record<string, unknown>), ...entry.patch };
        if (!referrer.rowField) {
          entry.patch[referrer.field] = next;
          moved.push({ entity: entry.entity, recordId: record.id, field: referrer.field, from: old, to: next });
          continue;
        }
        const rows = (base[referrer.field] as Record<string, unknown>[]).map((row, index) => {
          if (row?.[referrer.rowField!] !== old) return row;
          moved.push({
            entity: entry.entity,
            recordId: record.id,
            field: referrer.field,
            rowField: referrer.rowField,
            row: index,
            from: old,
            to: next,
          });
          return { ...row, [referrer.rowField!]: next };
        });
        entry.patch[referrer.field] = rows;
      }
    }
  }
  for (const { entity, id, record, patch } of patches.values()) {
    const repository = store.entity(entity);
    await repository.patch(id, patch);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (record as Record<string, unknown>)[k]]));
    undo.push(() => repository.patch(id, before));
  }
  return moved;
}

/** The survivor's newest `merge` entry that no `unmerge` has undone. */
async function lastMerge(store: Store, entity: string, survivorId: string): Promise<ChangeEntry | undefined> {
  const history = (await changeLogOf(store)?.history(entity, survivorId)) ?? (await store.history(entity, survivorId));
  const undone = new Set(history.filter((e) => e.action === 'unmerge').map((e) => e.merge?.undoes));
  return history.find((e) => e.action === 'merge' && e.merge?.survivor === survivorId && !undone.has(e.id));
}

/** Whether the survivor has a merge that `undoMerge` can undo. */
export async function canUndoMerge(store: Store, entity: string, survivorId: string): Promise<boolean> {
  return !!(await lastMerge(store, entity, survivorId));
}

export interface UndoMergeResult {
  survivor: KehuRecord;
  restored: string[];
  /** References pointed back. */
  references: RepointedReference[];
  /** References and survivor fields changed since the merge, left as they are now. */
  skipped: { entity: string; recordId: string; field: string }[];
}

/**
 * Undoes the survivor's last merge: its former values come back (fields changed since the merge
 * are left and reported), the merged records are restored, and references the merge re-pointed
 * point at them again (unless changed since). Recorded as `unmerge` entries.
 */
export async function undoMerge(store: Store, entity: string, survivorId: string): Promise<UndoMergeResult> {
  const repository = store.entity(entity);
  const entry = await lastMerge(store, entity, survivorId);
  const survivor = await repository.get(survivorId);
  if (!entry || !survivor)
    throw problem(
      store,
      'merge-not-found',
      `There is no merge of "${survivorId}" to undo.`,
      `记录「${survivorId}」没有可撤销的合并。`,
    );
  const skipped: UndoMergeResult['skipped'] = [];
  const patch: Record<string, unknown> = {};
  for (const change of entry.changes) {
    const key = change.path[0];
    if (same((survivor as Record<string, unknown>)[key], change.to)) patch[key] = change.from;
    else skipped.push({ entity, recordId: survivorId, field: key });
  }
  // Former values first: a unique code goes back to the survivor's own before the others return.
  const updated = Object.keys(patch).length ? await repository.patch(survivorId, patch) : survivor;
  const detail = entry.merge!;
  for (const id of detail.merged) await repository.restore(id);
  const references: RepointedReference[] = [];
  const byRecord = new Map<string, RepointedReference[]>();
  for (const ref of detail.references ?? []) {
    const key = `${ref.entity}|${ref.recordId}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), ref]);
  }
  for (const refs of byRecord.values()) {
    const refRepository = store.entity(refs[0].entity);
    const record = (await refRepository.get(refs[0].recordId)) as Record<string, unknown> | null;
    if (!record) {
      refs.forEach((r) => skipped.push({ entity: r.entity, recordId: r.recordId, field: r.field }));
      continue;
    }
    const back: Record<string, unknown> = {};
    for (const ref of refs) {
      if (ref.rowField === undefined) {
        if (record[ref.field] === ref.to) {
          back[ref.field] = ref.from;
          references.push(ref);
        } else skipped.push({ entity: ref.entity, recordId: ref.recordId, field: ref.field });
        continue;
      }
      const rows = ((back[ref.field] ?? record[ref.field]) as Record<string, unknown>[] | undefined)?.slice();
      if (rows?.[ref.row!]?.[ref.rowField] === ref.to) {
        rows[ref.row!] = { ...rows[ref.row!], [ref.rowField]: ref.from };
        back[ref.field] = rows;
        references.push(ref);
      } else skipped.push({ entity: ref.entity, recordId: ref.recordId, field: ref.field });
    }
    if (Object.keys(back).length) await refRepository.patch(refs[0].recordId, back);
  }
  const log = changeLogOf(store);
  const undoDetail: MergeDetail = { survivor: survivorId, merged: detail.merged, undoes: entry.id };
  const restored = await Promise.all(detail.merged.map((id) => repository.get(id)));
  await log?.append([
    ...restored
      .filter((r): r is KehuRecord => !!r)
      .map((r) => ({
        entity,
        recordId: r.id,
        action: 'unmerge' as const,
        changes: [],
        version: r.updatedAt,
        merge: undoDetail,
      })),
    {
      entity,
      recordId: survivorId,
      action: 'unmerge',
      changes: entry.changes.map((c) => ({
        path: c.path,
        ...(c.to !== undefined ? { from: c.to } : {}),
        ...(c.from !== undefined ? { to: c.from } : {}),
      })),
      version: updated.updatedAt,
      merge: { ...undoDetail, references },
    },
  ]);
  return { survivor: updated, restored: detail.merged, references, skipped };
}
