/**
 * Single corruptions of a valid record, each naming the field the store must then point at.
 * Test support only (see record-arbitrary.ts).
 */
import type { Entity, FieldModel } from '../entity/types.js';
import { formatExamples } from '../validation/formats.js';

export type Path = (string | number)[];

/** One way to make a valid record invalid. */
export interface Corruption {
  /** What was done, for failure messages, e.g. `over maxLength`. */
  kind: string;
  /** The key chain an issue must name. */
  path: Path;
  /** Returns a corrupted copy; the input is left alone. */
  apply(record: Record<string, unknown>): Record<string, unknown>;
}

/** Values each format refuses: check-digit flips, impossible dates, wrong alphabets. */
export const badFormatValues: Record<string, (valid: string) => string> = {
  // Any other check character: the first 17 stay valid, so only the checksum is wrong.
  vin: (v) => v.slice(0, 8) + (v[8] === '0' ? '1' : '0') + v.slice(9),
  'cn-resident-id': (v) => v.slice(0, 17) + (v[17] === '0' ? '1' : '0'),
  'cn-uscc': (v) => v.slice(0, 17) + (v[17] === '0' ? '1' : '0'),
  'cn-mobile': () => '12812345678',
  'cn-plate': () => '港A12345',
  'cn-postal-code': () => '900000',
  email: () => 'not-an-email',
  date: () => '2023-02-29',
  'date-time': () => '2024-13-01T00:00:00Z',
  uri: () => 'not a uri',
};

const wrongTypeValue: Record<string, unknown> = {
  string: 42,
  number: 'twelve',
  integer: '12',
  boolean: 'yes',
  object: ['not', 'an', 'object'],
  array: { not: 'an array' },
};

/** Sets `value` at `path` in a deep copy (`undefined` deletes). */
function setAt(record: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const corruption = (kind: string, path: Path, value: unknown): Corruption => ({
  kind,
  path,
  apply: (record) => setAt(record, path, value),
});

/** Value corruptions of one field whose current value is `value` (undefined when absent). */
function valueCorruptions(field: FieldModel, path: Path, value: unknown): Corruption[] {
  const s = field.schema;
  const out: Corruption[] = [corruption(`wrong type (${field.type})`, path, wrongTypeValue[field.type])];
  if (field.options) out.push(corruption('not in enum', path, 'not-a-listed-value'));
  if (field.type === 'string' && !field.options) {
    if (s.maxLength !== undefined) out.push(corruption('over maxLength', path, 'x'.repeat(s.maxLength + 1)));
    if (s.minLength) out.push(corruption('under minLength', path, 'x'.repeat(s.minLength - 1)));
    const bad = field.format && badFormatValues[field.format];
    // An absent field gets a corrupted copy of a known good value, so a checksum flip stays checksum-only.
    const good = typeof value === 'string' ? value : (formatExamples[field.format ?? '']?.valid[0] ?? '');
    if (bad) out.push(corruption(`bad ${field.format}`, path, bad(good)));
    if (s.pattern) out.push(corruption('pattern mismatch', path, '~'.repeat(Math.min(s.maxLength ?? 10, 10))));
  }
  if (field.type === 'number' || field.type === 'integer') {
    if (s.maximum !== undefined) out.push(corruption('over maximum', path, s.maximum + 1));
    if (s.minimum !== undefined) out.push(corruption('under minimum', path, s.minimum - 1));
    if (s.exclusiveMinimum !== undefined) out.push(corruption('at exclusiveMinimum', path, s.exclusiveMinimum));
    if (field.type === 'integer') out.push(corruption('fraction in integer', path, 1.5));
    if (s.multipleOf === 0.01) out.push(corruption('third decimal in money', path, 1.005));
  }
  return out;
}

/** Every corruption of the fields of one object level of `row` (present or absent), recursively. */
function levelCorruptions(
  fields: FieldModel[],
  row: Record<string, unknown>,
  at: Path,
  isRoot: boolean,
  entity: Entity,
): Corruption[] {
  const out: Corruption[] = [corruption('unknown property', [...at, 'zzUnknown'], 'surprise')];
  for (const field of fields) {
    // The store recomputes formulas on every write, so a corrupted computed value never reaches validation.
    if (field.formula) continue;
    const path = [...at, field.key];
    const value = row[field.key];
    // Top-level defaults are filled in by the store, so dropping such a field is no corruption.
    const defaulted = isRoot && field.default !== undefined;
    if (field.required && !defaulted) out.push(corruption('missing required', path, undefined));
    // An empty naming-series field gets a code from the store; every other value is checked.
    if (isRoot && entity.namingSeries?.field === field.key) {
      out.push(...valueCorruptions(field, path, value).filter((c) => c.kind !== 'under minLength'));
      continue;
    }
    out.push(...valueCorruptions(field, path, value));
    if (field.type === 'object' && field.children && value && typeof value === 'object') {
      out.push(...levelCorruptions(field.children, value as Record<string, unknown>, path, false, entity));
    }
    if (field.type === 'array' && Array.isArray(value) && value.length > 0) {
      const max = field.schema.maxItems;
      if (max !== undefined) out.push(corruption('over maxItems', path, Array(max + 1).fill(value[0])));
      value.forEach((item, i) => {
        if (field.children && item && typeof item === 'object') {
          out.push(...levelCorruptions(field.children, item as Record<string, unknown>, [...path, i], false, entity));
        } else if (field.item) {
          out.push(...valueCorruptions(field.item, [...path, i], item));
        }
      });
    }
  }
  return out;
}

/** Every single corruption of `record`, which must be valid for `entity`. */
export function corruptionsOf(entity: Entity, record: Record<string, unknown>): Corruption[] {
  return levelCorruptions(entity.fields, record, [], true, entity);
}
