import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

const strings = {
  'referencePicker.noMatches': { 'zh-CN': '无匹配记录', en: 'No matches' },
  'referencePicker.searching': { 'zh-CN': '正在搜索…', en: 'Searching…' },
  'referencePicker.results': { 'zh-CN': '找到 {count} 条记录', en: '{count} matches' },
  'referencePicker.clear': { 'zh-CN': '清除', en: 'Clear' },
  'referencePicker.required': { 'zh-CN': '请选择{label}。', en: 'Choose a {label}.' },
  'referencePicker.missing': { 'zh-CN': '找不到记录「{id}」', en: 'Record "{id}" not found' },
} satisfies Record<string, Record<Locale, string>>;

type PickerStringKey = keyof typeof strings extends `referencePicker.${infer K}` ? K : never;

let added = false;

/** The picker's own text; registered on first use so `sideEffects`-trusting bundlers keep it. */
export function pickerText(locale: Locale, key: PickerStringKey, values?: Record<string, string | number>): string {
  if (!added) {
    addStrings(strings);
    added = true;
  }
  return t(locale, `referencePicker.${key}`, values);
}
