import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'dueList.views': { 'zh-CN': '视图', en: 'View' },
  'dueList.agenda': { 'zh-CN': '列表', en: 'Agenda' },
  'dueList.month': { 'zh-CN': '月历', en: 'Month' },
  'dueList.group.overdue': { 'zh-CN': '已逾期', en: 'Overdue' },
  'dueList.group.today': { 'zh-CN': '今天', en: 'Today' },
  'dueList.group.week': { 'zh-CN': '本周', en: 'This week' },
  'dueList.group.later': { 'zh-CN': '以后', en: 'Later' },
  'dueList.count': { 'zh-CN': '{count} 条', en: '{count}' },
  'dueList.none': { 'zh-CN': '无', en: 'Nothing' },
  'dueList.overdueBy': { 'zh-CN': '逾期 {days} 天', en: '{days} days overdue' },
  'dueList.overdueByOne': { 'zh-CN': '逾期 1 天', en: '1 day overdue' },
  'dueList.showMore': { 'zh-CN': '显示更多（已显示 {shown} / {count}）', en: 'Show more ({shown} of {count} shown)' },
  'dueList.markDone': { 'zh-CN': '标记完成：{title}', en: 'Mark done: {title}' },
  'dueList.previousMonth': { 'zh-CN': '上个月', en: 'Previous month' },
  'dueList.nextMonth': { 'zh-CN': '下个月', en: 'Next month' },
  'dueList.goToday': { 'zh-CN': '今天', en: 'Today' },
  'dueList.dayItems': { 'zh-CN': '{count} 项', en: '{count} items' },
  'dueList.dayItemsOne': { 'zh-CN': '1 项', en: '1 item' },
  'dueList.more': { 'zh-CN': '另 {count} 项', en: '+{count} more' },
  'dueList.dayEmpty': { 'zh-CN': '这一天没有待办', en: 'Nothing due on this day' },
  'dueList.saveFailed': { 'zh-CN': '「{title}」未能保存：{reason}', en: 'Could not save {title}: {reason}' },
  'dueList.loadFailed': { 'zh-CN': '记录加载失败：{reason}', en: 'Could not load the records: {reason}' },
  'dueList.noDateField': {
    'zh-CN': '实体 {entity} 没有日期字段：请设置 date-field。',
    en: 'Entity {entity} has no date field: set date-field.',
  },
  'dueList.badDateField': {
    'zh-CN': '<kehu-due-list> 无法使用「{field}」：实体 {entity} 没有这个日期字段。',
    en: '<kehu-due-list> cannot use "{field}": entity {entity} has no such date field.',
  },
  'dueList.badDoneField': {
    'zh-CN': '<kehu-due-list> 忽略了 done-field「{field}」：实体 {entity} 没有这个布尔字段。',
    en: '<kehu-due-list> ignored done-field "{field}": entity {entity} has no such boolean field.',
  },
  'dueList.badToday': {
    'zh-CN': '<kehu-due-list> 的 today「{value}」不是 YYYY-MM-DD 日期，改用今天的日期。',
    en: '<kehu-due-list> today "{value}" is not a YYYY-MM-DD date; using the real date.',
  },
  'dueList.badMonth': {
    'zh-CN': '<kehu-due-list> 的 month「{value}」不是 YYYY-MM 月份，改用当前月份。',
    en: '<kehu-due-list> month "{value}" is not a YYYY-MM month; using the current month.',
  },
  'dueList.badView': {
    'zh-CN': '<kehu-due-list> 的 view「{value}」无效（agenda 或 month），改用 agenda。',
    en: '<kehu-due-list> view "{value}" is neither agenda nor month; using agenda.',
  },
});

/** A due-list string (`key` without the `dueList.` prefix); importing it keeps the strings above. */
export function dueText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `dueList.${key}`, values);
}
