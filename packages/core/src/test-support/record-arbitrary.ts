/**
 * fast-check arbitraries of records that are valid for an entity, built from its field model.
 * Test support only: nothing under `src/test-support/` is imported by a shipped entry, so it never
 * reaches a bundle (rollup prunes unreached declarations too).
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { Entity, FieldModel } from '../entity/types.js';
import { conditionHolds } from '../entity/conditions.js';
import { withComputed } from '../formula/computed.js';
import { normalizeRecord } from '../normalize/record.js';
import { residentIdCheckChar, usccCheckChar, vinCheckDigit } from '../validation/formats.js';

export interface RecordArbitraryOptions {
  /** Ids a reference field may hold, by target entity; without them any short id is used (the store does not check targets). */
  refIds?: Record<string, string[]>;
  /** Replaces a field's arbitrary, by dotted key chain (`'lines.quantity'`). */
  overrides?: Record<string, Arbitrary<unknown>>;
  /** Longest array generated, to keep runs fast; `maxItems` still caps it. Default 3. */
  maxArrayLength?: number;
}

type Row = Record<string, unknown>;

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const from = (alphabet: string, n: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n });

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const PROVINCE_CODES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50];
const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A date between 1900 and yesterday, as `YYYY-MM-DD`; every day exists (leap days included). */
const pastDay = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.now() - 86_400_000 })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

/** The VIN `head` (8 characters) + check digit + `tail` (8 characters). */
export function vinFrom(head: string, tail: string): string {
  const draft = head + '0' + tail;
  return head + vinCheckDigit(draft)! + tail;
}

/** Valid values of Kehu's and ajv's string formats, following the rules in `validation/formats.ts`. */
export const formatArbitraries: Record<string, Arbitrary<string>> = {
  vin: fc.tuple(from(VIN_CHARS, 8), from(VIN_CHARS, 8)).map(([head, tail]) => vinFrom(head, tail)),
  'cn-mobile': fc
    .tuple(fc.constantFrom('', '+86'), fc.constantFrom(...'3456789'), digits(9))
    .map(([prefix, second, rest]) => `${prefix}1${second}${rest}`),
  'cn-resident-id': fc
    .tuple(fc.constantFrom(...PROVINCE_CODES), digits(4), pastDay, digits(3))
    .map(([province, area, day, seq]) => {
      const first17 = `${province}${area}${day.replace(/-/g, '')}${seq}`;
      return first17 + residentIdCheckChar(first17);
    }),
  'cn-uscc': fc.tuple(from(USCC_CHARS, 2), digits(6), from(USCC_CHARS, 9)).map(([head, area, body]) => {
    const first17 = head + area + body;
    return first17 + usccCheckChar(first17)!;
  }),
  'cn-plate': fc.oneof(
    fc.tuple(from(PLATE_PROVINCES, 1), from(PLATE_LETTERS, 1), from(PLATE_SERIAL, 5)).map((p) => p.join('')),
    fc
      .tuple(from(PLATE_PROVINCES, 1), from(PLATE_LETTERS, 1), from('DF', 1), from(PLATE_SERIAL, 1), digits(4))
      .map((p) => p.join('')),
    fc.tuple(from(PLATE_PROVINCES, 1), from(PLATE_LETTERS, 1), digits(5), from('DF', 1)).map((p) => p.join('')),
    fc
      .tuple(from(PLATE_PROVINCES, 1), from(PLATE_LETTERS, 1), from(PLATE_SERIAL, 4), from('挂学警港澳领', 1))
      .map((p) => p.join('')),
    digits(6).map((d) => `使${d}`),
  ),
  'cn-postal-code': fc.tuple(from('012345678', 1), digits(5)).map(([a, b]) => a + b),
  email: fc.emailAddress(),
  date: pastDay,
  'date-time': fc
    .integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
  uri: fc.webUrl(),
};

/** Plain text: ASCII, Chinese, markup and any Unicode code point, sometimes right at the limits. */
function text(min: number, max: number): Arbitrary<string> {
  const short = Math.min(max, Math.max(min, 24));
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: short }) },
      {
        weight: 2,
        arbitrary: fc.string({ unit: from('客户张三李四有限公司汽车配件', 1), minLength: min, maxLength: short }),
      },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: short }) },
      { weight: 1, arbitrary: fc.constantFrom('<script>alert(1)</script>', '"; DROP TABLE x; --', ' ', '\u0000') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: max, maxLength: max }) },
    )
    .filter((s) => [...s].length >= min && [...s].length <= max);
}

function stringArbitrary(field: FieldModel, options: RecordArbitraryOptions): Arbitrary<string> {
  const schema = field.schema;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (field.options) return fc.constantFrom(...field.options.map((o) => String(o.value)));
  if (field.refs) {
    const targets = field.refs;
    return fc.constantFrom(...targets).chain((target) => idFor(target, options).map((id) => `${target}:${id}`));
  }
  if (field.ref) return idFor(field.ref, options).filter(fits);
  if (field.format && formatArbitraries[field.format]) return formatArbitraries[field.format].filter(fits);
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
  return text(min, max);
}

function idFor(target: string, options: RecordArbitraryOptions): Arbitrary<string> {
  const ids = options.refIds?.[target];
  return ids?.length ? fc.constantFrom(...ids) : fc.stringMatching(/^[0-9a-z]{1,26}$/);
}

function numberArbitrary(field: FieldModel): Arbitrary<number> {
  const s = field.schema;
  const step = typeof s.multipleOf === 'number' ? s.multipleOf : field.type === 'integer' ? 1 : undefined;
  const low = s.exclusiveMinimum ?? s.minimum ?? -1e12;
  const high = s.exclusiveMaximum ?? s.maximum ?? 1e12;
  if (step !== undefined) {
    // Whole steps (money: integer cents / 100), so every value is exactly what a user would type.
    const scale = step < 1 ? Math.round(1 / step) : 1;
    const unit = step < 1 ? 1 : step;
    let first = Math.ceil((low * scale) / unit);
    let last = Math.floor((high * scale) / unit);
    if (s.exclusiveMinimum !== undefined && (first * unit) / scale <= low) first += 1;
    if (s.exclusiveMaximum !== undefined && (last * unit) / scale >= high) last -= 1;
    return fc.integer({ min: first, max: last }).map((n) => (n * unit) / scale);
  }
  return fc.double({
    min: low,
    max: high,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function fieldArbitrary(field: FieldModel, at: string, options: RecordArbitraryOptions): Arbitrary<unknown> {
  const override = options.overrides?.[at];
  if (override) return override;
  switch (field.type) {
    case 'string':
      return stringArbitrary(field, options);
    case 'number':
    case 'integer':
      return numberArbitrary(field);
    case 'boolean':
      return fc.boolean();
    case 'object':
      return objectArbitrary(field.children ?? [], at, options);
    case 'array': {
      const item = field.children
        ? objectArbitrary(field.children, at, options)
        : fieldArbitrary(field.item!, `${at}.${field.item!.key}`, options);
      const maxItems = field.schema.maxItems ?? Infinity;
      const minLength = field.schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(maxItems, options.maxArrayLength ?? 3));
      return fc.array(item, { minLength, maxLength });
    }
    default:
      throw new Error(`record-arbitrary: no generator for ${at} of type ${field.type}`);
  }
}

/**
 * One object level: required fields always, optional ones sometimes; computed fields are left out
 * (the store computes them) and conditional fields only while their condition holds, as forms save.
 */
function objectArbitrary(fields: FieldModel[], prefix: string, options: RecordArbitraryOptions): Arbitrary<Row> {
  const model: Record<string, Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const field of fields) {
    if (field.formula) continue;
    model[field.key] = fieldArbitrary(field, prefix ? `${prefix}.${field.key}` : field.key, options);
    if (field.required) required.push(field.key);
  }
  return fc.record(model, { requiredKeys: required }).map((row: Row) => {
    for (const field of fields) {
      if (field.visibleWhen && !conditionHolds(field.visibleWhen, row)) delete row[field.key];
    }
    return row;
  });
}

let uniqueCounter = 0;

/** Makes a unique field's value unique for the whole process, within its length and format. */
function uniquely(field: FieldModel, value: unknown): unknown {
  const n = ++uniqueCounter;
  if (field.format === 'vin')
    return vinFrom(String(value).slice(0, 8), String(value).slice(9, 11) + String(n).padStart(6, '0'));
  if (typeof value === 'string' && !field.format && field.schema.pattern) {
    // A patterned code (a policy number): its tail becomes the counter when the pattern allows it.
    const tail = n.toString(36).toUpperCase().padStart(6, '0');
    const candidate = value.slice(0, Math.max(0, value.length - tail.length)) + tail;
    return new RegExp(field.schema.pattern, 'u').test(candidate) ? candidate : value;
  }
  if (typeof value !== 'string' || field.format || field.schema.pattern) return value;
  return `${n}~${value}`.slice(0, field.schema.maxLength ?? 200);
}

/**
 * Valid records of `entity`: every value satisfies its schema; computed fields are filled the way
 * the store fills them, and unique fields get values no other generated record shares.
 */
export function recordArbitrary(entity: Entity, options: RecordArbitraryOptions = {}): Arbitrary<Row> {
  const seriesField = entity.namingSeries?.field;
  return (
    objectArbitrary(entity.fields, '', options)
      .map((row) => {
        const out: Row = { ...row };
        for (const key of entity.unique) {
          const field = entity.field(key);
          if (field && out[key] !== undefined) out[key] = uniquely(field, out[key]);
        }
        // A series code the store hands out later must not already be taken: series fields either stay
        // empty (the store assigns) or get a unique value outside the series' prefix (a digit first).
        if (seriesField && out[seriesField] !== undefined && !entity.unique.includes(seriesField)) {
          out[seriesField] = uniquely(entity.field(seriesField)!, out[seriesField]);
        }
        return withComputed(entity, out);
      })
      // Stored as the store normalises it (`x-kehu.normalize`): a name of spaces only is no name, so
      // the store rightly refuses it; valid records are those that stay valid once normalised.
      .map((row) => normalizeRecord(entity, row) as Row)
      .filter((row) => entity.validate(row).length === 0)
  );
}
