import { localize, parseReference, type FieldModel, type Locale } from '@kehu/core';
import { t } from '../i18n/strings.js';
import { listText } from './record-list.strings.js';

/** What a cell shows, and what a screen reader says when that differs (✓ is read as "check mark"). */
export interface CellText {
  text: string;
  spoken?: string;
}

/** Looks up the title of a referenced record; undefined while it is still being fetched. */
export interface ReferenceTitle {
  (entity: string, id: string): string | undefined;
  /** An entity's label, put before the title of a polymorphic value ("车辆 · 沪A12345"). */
  entityLabel?: (entity: string, locale: Locale) => string | undefined;
}

/** The value at a field's key chain, e.g. `['address', 'city']`. */
export function fieldValue(record: Record<string, unknown>, field: FieldModel): unknown {
  let value: unknown = record;
  for (const key of field.path.length ? field.path : [field.key]) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Formats one value for a list cell by the field's kind, in `locale`. Sensitive values are masked:
 * lists show `138****1234`; only forms show the full value.
 */
export function formatCell(
  field: FieldModel,
  value: unknown,
  locale: Locale,
  referenceTitle?: ReferenceTitle,
): CellText {
  if (value === undefined || value === null || value === '') return { text: '' };
  if (field.sensitive) return { text: maskSensitive(value) };
  switch (field.kind) {
    case 'number':
    case 'integer':
      return { text: typeof value === 'number' ? numberFormat(locale).format(value) : String(value) };
    case 'money':
      return {
        text: typeof value === 'number' ? moneyFormat(locale, field.currency ?? 'CNY').format(value) : String(value),
      };
    case 'date':
      return { text: formatDate(value, locale, false) };
    case 'datetime':
      return { text: formatDate(value, locale, true) };
    case 'enum': {
      const option = field.options?.find((o) => o.value === value);
      return { text: option ? localize(option.label, locale) : String(value) };
    }
    case 'boolean':
      return value === true
        ? { text: '✓', spoken: listText(locale, 'yes') }
        : { text: '—', spoken: listText(locale, 'no') };
    case 'reference': {
      if (field.refs && typeof value === 'string') {
        // Polymorphic `entity:id`: the record's title after its entity's label, e.g. "车辆 · 沪A12345".
        const pointer = parseReference(value, field.refs);
        if (!pointer) return { text: value };
        const title = referenceTitle?.(pointer.entity, pointer.id) ?? '…';
        const label = referenceTitle?.entityLabel?.(pointer.entity, locale);
        return { text: label ? `${label} · ${title}` : title };
      }
      if (!field.ref || typeof value !== 'string') return { text: String(value) };
      // `…` while the batched lookup runs; the list re-renders the row once it resolves.
      return { text: referenceTitle?.(field.ref, value) ?? '…' };
    }
    case 'array':
      return { text: formatArray(field, value, locale, referenceTitle) };
    case 'object':
      return { text: '' };
    default:
      return { text: typeof value === 'object' ? JSON.stringify(value) : String(value) };
  }
}

/**
 * Masks a sensitive value, keeping just enough to recognise it: 3 leading and 4 trailing characters of
 * values of 11 or more (mobile `138****1234`, ID `110***********1234`), fewer of shorter ones, the first
 * character of two-character names (`张*`) and of an e-mail's local part (`z***@example.com`).
 */
export function maskSensitive(value: unknown): string {
  if (typeof value !== 'string') return '****';
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const chars = [...value]; // code points, so 张三 is two characters
  const n = chars.length;
  if (n <= 2) return chars[0] + '*';
  const [head, tail] = n <= 6 ? [1, 1] : n <= 10 ? [2, 2] : [3, 4];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

function formatArray(field: FieldModel, value: unknown, locale: Locale, referenceTitle?: ReferenceTitle): string {
  if (!Array.isArray(value)) return String(value);
  if (!field.item || field.children) return listText(locale, 'items', { count: value.length });
  const item = field.item;
  return value.map((v) => formatCell(item, v, locale, referenceTitle).text).join(locale === 'zh-CN' ? '、' : ', ');
}

function formatDate(value: unknown, locale: Locale, withTime: boolean): string {
  if (typeof value !== 'string') return String(value);
  // A plain date is a calendar day, not an instant: read and print it in UTC so no time zone shifts it.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, withTime && !dateOnly, dateOnly).format(date);
}

// Intl formatters are costly to build and a list formats thousands of cells: keep one per setting.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** Plain numbers as line items and totals show them: money with two decimals, no currency sign. Cached. */
export function amountFormat(locale: Locale, money: boolean): Intl.NumberFormat {
  return cached(
    `amount|${locale}|${money}`,
    () =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: money ? 2 : 0,
        maximumFractionDigits: money ? 2 : 10,
      }),
  );
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale));
}

function moneyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  return cached(`money|${locale}|${currency}`, () => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // An invalid currency code in a schema should not blank the list.
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  });
}

function dateFormat(locale: Locale, withTime: boolean, utc: boolean): Intl.DateTimeFormat {
  return cached(
    `date|${locale}|${withTime}|${utc}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
        ...(utc ? { timeZone: 'UTC' } : {}),
      }),
  );
}

/** "共 1,234 条" / "1,234 records", or "loading" before the store has counted. */
export function countText(locale: Locale, total: number | undefined): string {
  if (total === undefined) return t(locale, 'loading');
  return listText(locale, total === 1 ? 'countOne' : 'count', { count: numberFormat(locale).format(total) });
}
