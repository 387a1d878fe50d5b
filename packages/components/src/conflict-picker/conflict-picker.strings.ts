import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'conflictPicker.label': { 'zh-CN': '同步冲突', en: 'Sync conflicts' },
  'conflictPicker.none': { 'zh-CN': '没有待处理的同步冲突。', en: 'No sync conflicts to resolve.' },
  'conflictPicker.noSync': {
    'zh-CN': '此存储没有同步冲突列表（未启用同步）。',
    en: 'This store keeps no sync conflicts (sync is not set up).',
  },
  'conflictPicker.kind.edit': {
    'zh-CN': '您和其他人修改了相同的字段',
    en: 'You and someone else changed the same fields',
  },
  'conflictPicker.kind.server': {
    'zh-CN': '两位用户同时修改了相同的字段',
    en: 'Two users changed the same fields at the same time',
  },
  'conflictPicker.other': { 'zh-CN': '另一个值', en: 'The other value' },
  'conflictPicker.kind.refused': { 'zh-CN': '服务器拒绝了您的修改', en: 'The server refused your change' },
  'conflictPicker.kind.duplicate': { 'zh-CN': '唯一值重复', en: 'A unique value is taken twice' },
  'conflictPicker.detected': { 'zh-CN': '发现于 {time}', en: 'Detected {time}' },
  'conflictPicker.reason': { 'zh-CN': '原因：{reason}', en: 'Reason: {reason}' },
  'conflictPicker.mine': { 'zh-CN': '我的值', en: 'Mine' },
  'conflictPicker.theirs': { 'zh-CN': '服务器的值（当前）', en: 'Theirs (current)' },
  'conflictPicker.base': { 'zh-CN': '原值：', en: 'Before: ' },
  'conflictPicker.by': { 'zh-CN': '{user}，{time}', en: '{user}, {time}' },
  'conflictPicker.masked': {
    'zh-CN': '您的角色无权查看此字段；将保留当前值。',
    en: 'Your role may not see this field; the current value is kept.',
  },
  'conflictPicker.readOnly': {
    'zh-CN': '您的角色无权修改此字段；只能保留当前值。',
    en: 'Your role may not change this field; only the current value can be kept.',
  },
  'conflictPicker.unparsable': { 'zh-CN': '（无法读取的值）', en: '(unreadable value)' },
  'conflictPicker.resolve': { 'zh-CN': '解决', en: 'Resolve' },
  'conflictPicker.resolving': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'conflictPicker.resolved': { 'zh-CN': '冲突已解决。', en: 'Conflict resolved.' },
  'conflictPicker.failed': { 'zh-CN': '无法解决冲突：{reason}', en: 'Could not resolve the conflict: {reason}' },
});

/** A conflict-picker string (`key` without the `conflictPicker.` prefix). */
export function pickerText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `conflictPicker.${key}`, values);
}
