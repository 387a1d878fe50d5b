import { mask, type ChangeEntry, type ConflictField, type Entity, type FieldModel, type Store } from '@kehu/core';

/** One side of a field: its parsed value, or `unreadable` when the kept JSON text does not parse. */
export type SideValue = { value: unknown; unreadable?: boolean };

/** Who last wrote a value and when, from the record's audit trail. */
export interface Provenance {
  user: string;
  at: string;
}

/** A conflicting field as the picker shows it. */
export interface PickerField {
  key: string;
  /** The field model, or a bare one for a field the entity no longer has. */
  model: FieldModel;
  /**
   * `none`: not shown at all; `masked`: shown masked (`138****5678`); `read` (and `masked`): only
   * the current value can be kept; `write`: the user picks.
   */
  access: 'none' | 'masked' | 'read' | 'write';
  local: SideValue;
  server: SideValue;
  base?: SideValue;
  localBy?: Provenance;
  serverBy?: Provenance;
}

/** Kept values are JSON text; absent means the field had no value. */
export function parseSide(text: string | undefined): SideValue {
  if (text === undefined) return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { value: text, unreadable: true };
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The newest audit entry that set `key` to `value` (entries come newest first). */
function setter(history: ChangeEntry[], key: string, value: unknown): Provenance | undefined {
  for (const entry of history) {
    const change = entry.changes.find((c) => c.path.length === 1 && c.path[0] === key);
    if (change && same(change.to, value)) return { user: entry.user?.name ?? entry.user?.id ?? '', at: entry.at };
  }
  return undefined;
}

type Data = Record<string, unknown>;

/**
 * A value as the user's role lets them see it (as the repositories redact records): hidden parts
 * dropped, masked ones masked, nested objects and child rows included. The conflict keeps raw values,
 * so without this it would reveal what the record view hides.
 */
export function redact(
  store: Store,
  entity: string,
  path: string[],
  field: FieldModel | undefined,
  value: unknown,
): unknown {
  const access = store.permissions.field(entity, path);
  if (access === 'none') return undefined;
  if (access === 'masked') return mask(value);
  if (!field?.children || !value || typeof value !== 'object') return value;
  const level = (data: Data): Data => {
    const out: Data = {};
    for (const [key, v] of Object.entries(data)) {
      const child = field.children!.find((c) => c.key === key);
      // Keys the schema does not name inside a row (a row's own `id`) share the row's fate.
      const seen = child ? redact(store, entity, [...path, key], child, v) : v;
      if (seen !== undefined) out[key] = seen;
    }
    return out;
  };
  return Array.isArray(value)
    ? value.map((row) => (row && typeof row === 'object' ? level(row as Data) : row))
    : level(value as Data);
}

/** The field with the children the user may not see marked hidden (nested objects, rows). */
function permitted(field: FieldModel, path: string[], seen: (path: string[]) => boolean): FieldModel {
  if (!field.children) return field;
  const children = field.children.map((child) =>
    seen([...path, child.key]) ? permitted(child, [...path, child.key], seen) : { ...child, hidden: true },
  );
  return children.every((c, i) => c === field.children![i]) ? field : { ...field, children };
}

/**
 * The conflict's fields with their models, the user's access and, where the audit trail has it, who
 * set each value. A field the user may not read is `none`: its values are dropped here, so nothing
 * renders them; masked ones are masked. Without the entity's `update` action no field is `write`.
 */
export function pickerFields(
  store: Store,
  entity: Entity,
  fields: ConflictField[],
  history: ChangeEntry[],
): PickerField[] {
  const seen = (path: string[]) => store.permissions.field(entity.name, path) !== 'none';
  const canUpdate = store.permissions.can(entity.name, 'update');
  // In the order the entity declares its fields (the form's order), fields it no longer has last.
  const order = (key: string) => {
    const at = entity.fields.findIndex((f) => f.key === key);
    return at < 0 ? entity.fields.length : at;
  };
  const sorted = [...fields].sort((a, b) => order(a.field) - order(b.field));
  return sorted.map((field) => {
    const found = entity.field(field.field);
    const model: FieldModel = found
      ? permitted(found, [field.field], seen)
      : ({
          key: field.field,
          path: [field.field],
          label: { 'zh-CN': field.field, en: field.field },
          kind: 'string',
        } as unknown as FieldModel); // a field since removed from the schema: shown as its key
    const granted = store.permissions.field(entity.name, [field.field]);
    const access = granted === 'write' && !canUpdate ? 'read' : granted;
    if (access === 'none')
      return { key: field.field, model, access, local: { value: undefined }, server: { value: undefined } };
    const shown = (side: SideValue): SideValue =>
      side.unreadable ? side : { value: redact(store, entity.name, [field.field], found, side.value) };
    const local = shown(parseSide(field.local));
    const server = shown(parseSide(field.server));
    return {
      key: field.field,
      model,
      access,
      local,
      server,
      ...(field.base !== undefined ? { base: shown(parseSide(field.base)) } : {}),
      localBy: setter(history, field.field, local.value),
      serverBy: setter(history, field.field, server.value),
    };
  });
}
