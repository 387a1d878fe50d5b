import type { FieldModel } from '../entity/types.js';
import type { ChangeEntry, FieldChange, RowChange } from '../audit/types.js';
import type { EntityPolicy } from './policy.js';

/**
 * A masked string: the first three and last four characters of long values (`138****1234`,
 * `310***********1234`), the last two of shorter ones. Values that are not strings have no useful
 * mask and are withheld (`undefined`).
 */
export function mask(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const chars = [...value];
  if (chars.length >= 11) return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
  if (chars.length > 4) return '*'.repeat(chars.length - 2) + chars.slice(-2).join('');
  return '****';
}

type Data = Record<string, unknown>;

/** One level of a record (the root, a nested object, a child row) as the policy lets the user see it. */
function redactLevel(data: Data, fields: FieldModel[], prefix: string[], policy: EntityPolicy): Data {
  // Keys the schema does not name inside a row (a row's own `id`) share the row's fate.
  const parent = prefix.length ? policy.field(prefix) : undefined;
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    const path = [...prefix, key];
    const field = fields.find((f) => f.key === key);
    const access = field || !parent ? policy.field(path) : parent;
    if (access === 'none') continue;
    if (access === 'masked') {
      const masked = mask(value);
      if (masked !== undefined) out[key] = masked;
      continue;
    }
    if (field?.children && value && typeof value === 'object') {
      out[key] = Array.isArray(value)
        ? value.map((row) =>
            row && typeof row === 'object' ? redactLevel(row as Data, field.children!, path, policy) : row,
          )
        : redactLevel(value as Data, field.children, path, policy);
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** A record with hidden fields removed and masked fields masked, child rows included. */
export function redactRecord<T extends Data>(record: T, policy: EntityPolicy): T {
  return redactLevel(record, policy.entity.fields, [], policy) as T;
}

/** One change as the user may see it: changes to hidden fields dropped, masked values masked. */
function redactChange(change: FieldChange, policy: EntityPolicy, prefix: string[]): FieldChange | undefined {
  const path = [...prefix, ...change.path];
  const access = policy.field(path);
  if (access === 'none') return undefined;
  if (access === 'masked') {
    const out: FieldChange = { path: change.path };
    if (change.from !== undefined) out.from = mask(change.from);
    if (change.to !== undefined) out.to = mask(change.to);
    return out;
  }
  if (!change.rows) return change;
  const field = policy.entity.field(path);
  const rowView = (row: Record<string, unknown> | undefined) =>
    row && field?.children ? redactLevel(row, field.children, path, policy) : row;
  const rows: RowChange[] = change.rows.map((row) => {
    const out: RowChange = { kind: row.kind, index: row.index };
    if (row.from) out.from = rowView(row.from);
    if (row.to) out.to = rowView(row.to);
    if (row.changes) out.changes = row.changes.flatMap((c) => redactChange(c, policy, path) ?? []);
    return out;
  });
  return { ...change, rows };
}

/** A record's history as the user may see it. */
export function redactHistory(entries: ChangeEntry[], policy: EntityPolicy): ChangeEntry[] {
  return entries.map((entry) => ({
    ...entry,
    changes: entry.changes.flatMap((change) => redactChange(change, policy, []) ?? []),
  }));
}
