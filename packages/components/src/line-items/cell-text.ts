import { localize, type FieldModel, type Locale } from '@kehu/core';
import { amountFormat } from '../record-list/cell-format.js';

// Apart from the parsing in `cell-value.ts`: the record form shows values with these, and a file
// the form imports is downloaded up front, while the parsing only loads with the line-items grid.

/** How a value reads in a cell: numbers and money grouped by locale, enum labels, yes/no. */
export function formatCell(field: FieldModel, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.options) {
    const option = field.options.find((o) => o.value === value);
    return option ? localize(option.label, locale) : String(value);
  }
  if (typeof value === 'number') {
    return amountFormat(locale, field.kind === 'money').format(value);
  }
  if (typeof value === 'boolean') return value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No';
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object') ? value.join(', ') : String(value.length);
  if (typeof value === 'object') return '…';
  return String(value);
}

/** The text an editor starts from: the plain value, not the grouped display (`1234.5`, not `1,234.50`). */
export function editText(field: FieldModel, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  return formatCell(field, value, locale);
}
