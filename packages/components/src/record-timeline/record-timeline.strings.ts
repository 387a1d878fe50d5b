import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'recordTimeline.label': { 'zh-CN': '{title}的动态', en: 'History of {title}' },
  'recordTimeline.labelPlain': { 'zh-CN': '记录动态', en: 'Record history' },
  'recordTimeline.empty': { 'zh-CN': '暂无动态', en: 'Nothing has happened yet' },
  'recordTimeline.more': { 'zh-CN': '显示更多', en: 'Show more' },
  'recordTimeline.noRecord': { 'zh-CN': '请设置 record-id 属性（记录 ID）。', en: 'Set the record-id attribute.' },
  'recordTimeline.loadFailed': { 'zh-CN': '动态加载失败：{reason}', en: 'Could not load the history: {reason}' },
  'recordTimeline.someone': { 'zh-CN': '某用户', en: 'Someone' },
  'recordTimeline.created': { 'zh-CN': '{user} 创建了记录', en: '{user} created this record' },
  'recordTimeline.removed': { 'zh-CN': '{user} 删除了记录', en: '{user} deleted this record' },
  'recordTimeline.restored': { 'zh-CN': '{user} 恢复了记录', en: '{user} restored this record' },
  'recordTimeline.merged': {
    'zh-CN': '{user} 将 {n} 条重复记录（{records}）合并到此记录，改指引用 {references} 处',
    en: '{user} merged {n} duplicate(s) ({records}) into this record and re-pointed {references} reference(s)',
  },
  'recordTimeline.mergedInto': {
    'zh-CN': '{user} 将此记录合并到「{survivor}」',
    en: '{user} merged this record into {survivor}',
  },
  'recordTimeline.unmerged': {
    'zh-CN': '{user} 撤销了合并，恢复了 {records}，改回引用 {references} 处',
    en: '{user} undid the merge, restoring {records} and pointing {references} reference(s) back',
  },
  'recordTimeline.unmergedFrom': {
    'zh-CN': '{user} 撤销了合并到「{survivor}」，此记录已恢复',
    en: '{user} undid the merge into {survivor}; this record is back',
  },
  'recordTimeline.mergedPlain': { 'zh-CN': '{user} 合并了重复记录', en: '{user} merged duplicates' },
  'recordTimeline.unmergedPlain': { 'zh-CN': '{user} 撤销了合并', en: '{user} undid a merge' },
  'recordTimeline.unrecorded': {
    'zh-CN': '记录被修改，但没有留下变更记录',
    en: 'The record was changed without a recorded entry',
  },
  'recordTimeline.changed': {
    'zh-CN': '{user} 将{field}从「{from}」改为「{to}」',
    en: '{user} changed {field} from {from} to {to}',
  },
  'recordTimeline.set': { 'zh-CN': '{user} 将{field}设为「{to}」', en: '{user} set {field} to {to}' },
  'recordTimeline.cleared': {
    'zh-CN': '{user} 清空了{field}（原为「{from}」）',
    en: '{user} cleared {field} (was {from})',
  },
  'recordTimeline.rowAdded': {
    'zh-CN': '{user} 在{field}中添加了一行：{row}',
    en: '{user} added a row to {field}: {row}',
  },
  'recordTimeline.rowRemoved': {
    'zh-CN': '{user} 从{field}中删除了一行：{row}',
    en: '{user} removed a row from {field}: {row}',
  },
  'recordTimeline.rowChanged': {
    'zh-CN': '{user} 修改了{field}第 {n} 行：{changes}',
    en: '{user} changed {field} row {n}: {changes}',
  },
  'recordTimeline.rowField': { 'zh-CN': '{field}「{from}」→「{to}」', en: '{field} {from} → {to}' },
  'recordTimeline.none': { 'zh-CN': '空', en: 'empty' },
  'recordTimeline.related': { 'zh-CN': '{entity}：{title}', en: '{entity}: {title}' },
  'recordTimeline.relatedDate': { 'zh-CN': '{field} {date}', en: '{field} {date}' },
});

/** A record-timeline string (`key` without the `recordTimeline.` prefix). */
export function timelineText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `recordTimeline.${key}`, values);
}
