import type { Entity, FieldModel, LocalizedText } from '../entity/types.js';
import type { Store } from '../store/types.js';
import type { ImportTarget } from './mapping.js';

/** The field a reference column names its target by: its unique field, its series code, `code`, or its title. */
export function referenceCodeField(target: Entity): string {
  return target.unique[0] ?? target.namingSeries?.field ?? (target.field('code') ? 'code' : target.titleField);
}

/** Reads a dotted path (`bankAccount.bank`) from nested values. */
export function valueAt(values: Record<string, unknown>, path: string): unknown {
  let node: unknown = values;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

function setAt(values: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = values;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** A reference cell whose code matches no record of the target entity. */
export function unknownReference(field: FieldModel, target: Entity, code: string, by: string): LocalizedText {
  const byLabel = target.field(by)?.label ?? { 'zh-CN': by, en: by };
  return {
    'zh-CN': `${field.label['zh-CN']}：找不到${byLabel['zh-CN']}为「${code}」的${target.label['zh-CN']}。`,
    en: `${field.label.en}: no ${target.label.en.toLowerCase()} with ${byLabel.en.toLowerCase()} "${code}".`,
  };
}

/**
 * Replaces, in place, the codes in reference columns (`C000123` in a customer column) by the
 * ids of the records they name, looked up by the target's code field (or its id) with one query
 * per column and batch. Returns the rows (by index) whose code names nothing, with the message.
 * `known` (reference path → code → id) keeps what earlier batches of one import found, so the
 * same few dictionary codes are not looked up again for every batch; codes not found are.
 */
export async function resolveReferences(
  store: Store,
  targets: ImportTarget[],
  rows: { values: Record<string, unknown> }[],
  known?: Map<string, Map<string, string>>,
): Promise<Map<number, { path: string; message: LocalizedText }[]>> {
  const problems = new Map<number, { path: string; message: LocalizedText }[]>();
  for (const { path, field } of targets) {
    if (field.kind !== 'reference' || typeof field.ref !== 'string' || !store.has(field.ref)) continue;
    const target = store.entities.get(field.ref)!;
    const ids = known?.get(path) ?? new Map<string, string>();
    known?.set(path, ids);
    const codes = [...new Set(rows.map((r) => valueAt(r.values, path)).filter((v) => v !== undefined))]
      .map(String)
      .filter((code) => !ids.has(code));
    const by = referenceCodeField(target);
    const repository = store.entity(target.name);
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500);
      for (const record of await repository.find({ selector: { id: { $in: chunk } } })) ids.set(record.id, record.id);
      for (const record of await repository.find({ selector: { [by]: { $in: chunk } } }))
        ids.set(String((record as Record<string, unknown>)[by]), record.id);
    }
    rows.forEach((row, index) => {
      const code = valueAt(row.values, path);
      if (code === undefined) return;
      const id = ids.get(String(code));
      if (id !== undefined) setAt(row.values, path, id);
      else
        problems.set(index, [
          ...(problems.get(index) ?? []),
          { path, message: unknownReference(field, target, String(code), by) },
        ]);
    });
  }
  return problems;
}
