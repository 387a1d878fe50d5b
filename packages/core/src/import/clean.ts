import type { FieldModel } from '../entity/types.js';
import type { Cell } from './csv-rows.js';

/** Full-width ASCII (U+FF01–FF5E) to half-width, and the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Only full-width digits and Latin letters: in free Chinese text `，` and `（` are meant as written. */
export function halfWidthAlphanumerics(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Trims and collapses runs of spaces (including no-break and ideographic ones) into one. */
export const tidySpaces = (text: string) => text.replace(/[\s\u00A0\u3000]+/g, ' ').trim();

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included), in UTC days. */
const excelEpoch = Date.UTC(1899, 11, 30);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-mm-dd` when the parts form a real calendar date, else undefined. */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** An Excel serial day number (1 = 1900-01-01) as `yyyy-mm-dd`; fractions (times of day) are dropped. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const day = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was: day 60 is no date, days before it are one off.
  if (day === 60) return undefined;
  const date = new Date(excelEpoch + (day < 60 ? day + 1 : day) * 86400000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A date as `yyyy-mm-dd` from the spellings whose meaning is certain: year first with `/ - .`
 * separators, `2024年3月5日`, `20240305`, an Excel serial number, or a spreadsheet date. Day-first or
 * month-first spellings (`3/5/2024`) are ambiguous and stay as written, for the validator to reject.
 */
export function cleanDate(value: Cell): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') return excelSerialDate(value) ?? value;
  if (typeof value !== 'string') return value;
  const text = tidySpaces(halfWidth(value));
  let match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00)?)?$/.exec(text);
  if (!match) match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3])) ?? text;
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialDate(Number(text)) ?? text;
  return text;
}

/**
 * A number from `1,234.50`, `¥ 1 200`, full-width digits; thousands separators only where they
 * group by three, so `1,5` (a European decimal, or a typo) stays text for the validator.
 */
export function cleanNumber(value: Cell): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  const text = tidySpaces(halfWidth(value))
    .replace(/^[¥￥$]\s*/, '')
    .replace(/\s/g, '');
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(plain) ? Number(plain) : text;
}

const yes = new Set(['是', '对', 'yes', 'y', 'true', '1', '√']);
const no = new Set(['否', '不是', 'no', 'n', 'false', '0', '×']);

/** `是/否`, `yes/no`, `true/false`, `1/0`; anything else stays as written. */
export function cleanBoolean(value: Cell): unknown {
  if (typeof value === 'boolean') return value;
  const text = tidySpaces(halfWidth(String(value))).toLowerCase();
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return typeof value === 'number' ? value : text;
}

/**
 * A Chinese mobile number from `+86 138-0013-8000`, `0086 13800138000`, `(138) 0013 8000`: the
 * separators and the country code are dropped only when eleven digits starting with 1 remain.
 */
export function cleanMobile(value: Cell): unknown {
  const text = tidySpaces(halfWidth(String(value)));
  const digits = text.replace(/[\s\-().]/g, '').replace(/^(\+86|0086)/, '');
  return /^1\d{10}$/.test(digits) ? digits : text;
}

/** Normalised spelling of a label or header for matching: half-width, lower case, no spaces or punctuation. */
export const matchKey = (text: string) =>
  halfWidth(text)
    .toLowerCase()
    .replace(/[\s_\-·.:：()（）[\]【】*＊/\\]+/g, '');

/**
 * A field's option values by the `matchKey` of each value and label, made once per field: an import
 * cleans the same enum column on every row, and matching every option's spellings anew was most of
 * the cleaning's time. Earlier options win, as a walk over them in order would pick.
 */
const optionKeys = new WeakMap<FieldModel, Map<string, unknown>>();

function optionsByKey(field: FieldModel): Map<string, unknown> {
  let keys = optionKeys.get(field);
  if (keys) return keys;
  keys = new Map();
  for (const option of field.options ?? []) {
    for (const spelling of [String(option.value), option.label['zh-CN'], option.label.en]) {
      const key = matchKey(spelling);
      if (!keys.has(key)) keys.set(key, option.value);
    }
  }
  optionKeys.set(field, keys);
  return keys;
}

/** An enum value from its value or its zh-CN/en label (`个人` or `Consumer` → `consumer`). */
export function cleanEnum(value: Cell, field: FieldModel): unknown {
  const text = tidySpaces(halfWidth(String(value)));
  const keys = optionsByKey(field);
  const key = matchKey(text);
  if (keys.has(key)) return keys.get(key);
  return typeof value === 'number' ? value : text;
}

/** A spreadsheet's text marker: `'=1+1` is the text `=1+1` (as Kehu's own CSV export writes it). */
const unmark = (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

/**
 * The value to store for one cell of a field, cleaned only where the meaning is certain; a value
 * that cannot be cleaned is returned as written, so the entity's validator rejects it with its own
 * message. Empty cells give `undefined` (the field is left out).
 */
export function cleanCell(value: Cell | undefined, field: FieldModel): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && tidySpaces(value) === '') return undefined;
  switch (field.kind) {
    case 'date':
      return cleanDate(value);
    case 'datetime':
      return value instanceof Date ? value.toISOString() : tidySpaces(halfWidth(String(value)));
    case 'number':
    case 'integer':
    case 'money':
      return cleanNumber(value);
    case 'boolean':
      return cleanBoolean(value);
    case 'enum':
      return cleanEnum(value, field);
  }
  if (field.type === 'number' || field.type === 'integer') return cleanNumber(value);
  if (value instanceof Date) return cleanDate(value);
  const text = String(value);
  if (field.format === 'cn-mobile') return cleanMobile(text);
  // Codes, ids, emails, references and patterned values have no meaningful full-width form.
  if (field.kind === 'reference' || field.kind === 'email' || field.format || field.schema.pattern)
    return unmark(tidySpaces(halfWidth(text)));
  const tidy = field.kind === 'textarea' ? text.trim() : tidySpaces(text);
  // Without Chinese characters around it, full-width punctuation is a typing accident, not prose.
  return unmark(
    /[\u3400-\u9fff]/.test(tidy)
      ? halfWidthAlphanumerics(tidy)
      : field.kind === 'textarea'
        ? halfWidth(tidy)
        : tidySpaces(halfWidth(tidy)),
  );
}
