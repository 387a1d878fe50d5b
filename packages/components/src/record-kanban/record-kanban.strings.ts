import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'recordKanban.count': { 'zh-CN': '{count} 条', en: '{count}' },
  'recordKanban.countLabel': { 'zh-CN': '共 {count} 条', en: '{count} records' },
  'recordKanban.sumLabel': { 'zh-CN': '合计 {sum}', en: 'total {sum}' },
  'recordKanban.empty': { 'zh-CN': '暂无记录', en: 'No records' },
  'recordKanban.showMore': {
    'zh-CN': '显示更多（已显示 {shown} / {count}）',
    en: 'Show more ({shown} of {count} shown)',
  },
  'recordKanban.instructions': {
    'zh-CN': '按回车打开，按空格拿起卡片后用左右方向键选择列，再按空格放下，按 Esc 取消。',
    en: 'Press Enter to open. Press Space to pick the card up, Left and Right arrows to choose a column, Space to drop, Escape to cancel.',
  },
  'recordKanban.pickedUp': {
    'zh-CN': '已拿起「{title}」，当前在「{column}」。用左右方向键选择列，空格放下，Esc 取消。',
    en: 'Picked up {title} in {column}. Use Left and Right arrows to choose a column, Space to drop, Escape to cancel.',
  },
  'recordKanban.over': { 'zh-CN': '移到「{column}」', en: 'Over {column}' },
  'recordKanban.moved': { 'zh-CN': '「{title}」已移到「{column}」', en: '{title} moved to {column}' },
  'recordKanban.cancelled': { 'zh-CN': '已取消移动「{title}」', en: 'Move of {title} cancelled' },
  'recordKanban.moveFailed': {
    'zh-CN': '「{title}」无法移到「{column}」：{reason}',
    en: 'Could not move {title} to {column}: {reason}',
  },
  'recordKanban.loadFailed': { 'zh-CN': '记录加载失败：{reason}', en: 'Could not load the records: {reason}' },
  'recordKanban.dismiss': { 'zh-CN': '关闭', en: 'Dismiss' },
  'recordKanban.noGroupField': {
    'zh-CN': '实体 {entity} 没有可分组的枚举字段：请设置 group-by。',
    en: 'Entity {entity} has no enum field to group by: set group-by.',
  },
  'recordKanban.badGroupBy': {
    'zh-CN': '<kehu-record-kanban> 无法按「{field}」分组：实体 {entity} 没有这个枚举字段。',
    en: '<kehu-record-kanban> cannot group by "{field}": entity {entity} has no such enum field.',
  },
  'recordKanban.badSumField': {
    'zh-CN': '<kehu-record-kanban> 忽略了 sum-field「{field}」：实体 {entity} 没有这个数值字段。',
    en: '<kehu-record-kanban> ignored sum-field "{field}": entity {entity} has no such number field.',
  },
  'recordKanban.badSort': {
    'zh-CN': '<kehu-record-kanban> 无法按「{field}」排序：实体 {entity} 没有这个字段，改用默认排序。',
    en: '<kehu-record-kanban> cannot sort by "{field}": entity {entity} has no such field; using the default sort.',
  },
  'recordKanban.badPageSize': {
    'zh-CN': '<kehu-record-kanban> 的 page-size「{value}」无效（须为正整数），改用 50。',
    en: '<kehu-record-kanban> page-size "{value}" is not a positive integer; using 50.',
  },
});

/** A kanban string (`key` without the `recordKanban.` prefix); importing it keeps the strings above. */
export function kanbanText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `recordKanban.${key}`, values);
}
