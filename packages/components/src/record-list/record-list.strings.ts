import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'recordList.count': { 'zh-CN': '共 {count} 条', en: '{count} records' },
  'recordList.countOne': { 'zh-CN': '共 {count} 条', en: '{count} record' },
  'recordList.empty': { 'zh-CN': '暂无记录', en: 'No records' },
  'recordList.search': { 'zh-CN': '搜索{entity}', en: 'Search {entity}' },
  'recordList.loadFailed': { 'zh-CN': '记录加载失败：{reason}', en: 'Could not load the records: {reason}' },
  'recordList.unknownColumn': {
    'zh-CN': '<kehu-record-list> 忽略了列「{column}」：实体 {entity} 没有这个字段。',
    en: '<kehu-record-list> ignored the column "{column}": entity {entity} has no such field.',
  },
  'recordList.unknownSort': {
    'zh-CN': '<kehu-record-list> 无法按「{field}」排序：实体 {entity} 没有这个字段，改用默认排序。',
    en: '<kehu-record-list> cannot sort by "{field}": entity {entity} has no such field; using the default sort.',
  },
  'recordList.badPageSize': {
    'zh-CN': '<kehu-record-list> 的 page-size「{value}」无效（须为正整数），改用 100。',
    en: '<kehu-record-list> page-size "{value}" is not a positive integer; using 100.',
  },
  'recordList.yes': { 'zh-CN': '是', en: 'Yes' },
  'recordList.no': { 'zh-CN': '否', en: 'No' },
  'recordList.items': { 'zh-CN': '{count} 项', en: '{count} items' },
});

/**
 * A record-list string (`key` without the `recordList.` prefix). Callers import this function rather than
 * the bare module, so bundlers that trust `sideEffects` keep the `addStrings` call above.
 */
export function listText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `recordList.${key}`, values);
}
