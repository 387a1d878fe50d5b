import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'recordDetail.notFound': { 'zh-CN': '找不到这条记录（ID：{id}）。', en: 'No such record (id {id}).' },
  'recordDetail.deleted': { 'zh-CN': '这条记录已被删除。', en: 'This record has been deleted.' },
  'recordDetail.noRecord': { 'zh-CN': '请设置 record-id 属性（记录 ID）。', en: 'Set the record-id attribute.' },
  'recordDetail.untitled': { 'zh-CN': '（无标题）', en: '(untitled)' },
  'recordDetail.related': { 'zh-CN': '相关记录', en: 'Related records' },
  'recordDetail.relatedVia': { 'zh-CN': '{entity}（{field}）', en: '{entity} ({field})' },
  'recordDetail.none': { 'zh-CN': '无', en: 'None' },
  'recordDetail.empty': { 'zh-CN': '—', en: '—' },
  'recordDetail.row': { 'zh-CN': '第 {n} 行', en: 'Row {n}' },
  'recordDetail.loadFailed': { 'zh-CN': '记录加载失败：{reason}', en: 'Could not load the record: {reason}' },
});

/** A record-detail string (`key` without the `recordDetail.` prefix). */
export function detailText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `recordDetail.${key}`, values);
}
