import type { FieldModel, LocalizedText } from '@kehu/core';

/** What a typed or pasted cell text means for a field: a value (undefined = empty) or why not. */
export type CellParse = { value: unknown } | { error: LocalizedText };

const fullWidth = /[\uFF01-\uFF5E]/g;

/** `１２３，４５６．７` → `123,456.7`: full-width ASCII (common in Chinese input) to half-width. */
export function halfWidth(text: string): string {
  return text.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A number as people type or copy it: full-width digits, thousands separators (`1,234.50`,
 * `1 234`), a currency sign (`¥`, `￥`, `$`), a trailing `%` kept as the number itself (a
 * discount of `15%` is 15). Undefined when the text is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const plain = halfWidth(text)
    .trim()
    .replace(/^[¥￥$€£]|^(CNY|RMB|USD)\s*/i, '')
    .replace(/%$/, '')
    .replace(/[\s,]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/** `2024/1/5`, `2024.1.5`, `2024年1月5日`, `2024-01-05` → `2024-01-05`; undefined when not a real date. */
export function parseDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(halfWidth(text).trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${match[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const yes = ['是', '√', '✓', 'y', 'yes', 'true', '1', '对'];
const no = ['否', '×', '✗', 'n', 'no', 'false', '0', '不'];

const problem = (zh: string, en: string): CellParse => ({ error: { 'zh-CN': zh, en } });

/** Reads cell text into the field's JSON type. */
export function parseCell(field: FieldModel, text: string): CellParse {
  const raw = text.trim();
  if (raw === '') return { value: undefined };
  if (field.options) {
    const lower = raw.toLowerCase();
    const option = field.options.find(
      (o) =>
        String(o.value).toLowerCase() === lower ||
        o.label['zh-CN'].toLowerCase() === lower ||
        o.label.en.toLowerCase() === lower,
    );
    if (option) return { value: option.value };
    const choices = field.options.map((o) => o.label['zh-CN']).join('、');
    const choicesEn = field.options.map((o) => o.label.en).join(', ');
    return problem(`「${raw}」不是可选值（${choices}）`, `"${raw}" is not one of: ${choicesEn}`);
  }
  switch (field.type) {
    case 'number':
    case 'integer': {
      const n = parseNumber(raw);
      if (n === undefined) return problem(`「${raw}」不是数字`, `"${raw}" is not a number`);
      if (field.type === 'integer' && !Number.isInteger(n))
        return problem(`「${raw}」不是整数`, `"${raw}" is not a whole number`);
      return { value: n };
    }
    case 'boolean': {
      const lower = halfWidth(raw).toLowerCase();
      if (yes.includes(lower)) return { value: true };
      if (no.includes(lower)) return { value: false };
      return problem(`「${raw}」应为“是”或“否”`, `"${raw}" should be yes or no`);
    }
    case 'string':
      if (field.kind === 'date') {
        const date = parseDate(raw);
        return date
          ? { value: date }
          : problem(`「${raw}」不是日期（例如 2024-01-31）`, `"${raw}" is not a date (e.g. 2024-01-31)`);
      }
      return { value: raw };
    default:
      return problem('此列不能直接填写', 'This column cannot be filled from text');
  }
}
