import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

const strings = {
  'referencePicker.noMatches': { 'zh-CN': '无匹配记录', en: 'No matches' },
  'referencePicker.searching': { 'zh-CN': '正在搜索…', en: 'Searching…' },
  'referencePicker.results': { 'zh-CN': '找到 {count} 条记录', en: '{count} matches' },
  'referencePicker.more': {
    'zh-CN': '仅显示前 {count} 条，请输入更多文字缩小范围',
    en: 'Showing the first {count}; type more to narrow the list',
  },
  'referencePicker.recent': { 'zh-CN': '最近使用', en: 'Recent' },
  'referencePicker.create': { 'zh-CN': '新建{entity}「{text}」', en: 'New {entity} "{text}"' },
  'referencePicker.createTitle': { 'zh-CN': '新建{entity}', en: 'New {entity}' },
  'referencePicker.scope': { 'zh-CN': '类型', en: 'Type' },
  'referencePicker.allTargets': { 'zh-CN': '全部类型', en: 'All types' },
  'referencePicker.clear': { 'zh-CN': '清除', en: 'Clear' },
  'referencePicker.required': { 'zh-CN': '请选择{label}。', en: 'Choose a {label}.' },
  'referencePicker.missing': { 'zh-CN': '找不到记录「{id}」', en: 'Record "{id}" not found' },
  'referencePicker.badValue': {
    'zh-CN': '无效的引用「{value}」：应为“实体:ID”，实体为 {targets} 之一',
    en: 'Invalid reference "{value}": expected "entity:id" with one of {targets}',
  },
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
