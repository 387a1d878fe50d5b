import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'duplicateReview.heading': { 'zh-CN': '{entity}查重', en: 'Duplicate {entity}' },
  'duplicateReview.summary': {
    'zh-CN': '{records} 条记录中发现 {pairs} 对疑似重复',
    en: '{pairs} likely duplicate pair(s) among {records} records',
  },
  'duplicateReview.completeness': { 'zh-CN': '资料完整度 {value}', en: 'Completeness {value}' },
  'duplicateReview.scanning': { 'zh-CN': '正在查找重复记录…', en: 'Looking for duplicates…' },
  'duplicateReview.scanned': { 'zh-CN': '已扫描 {scanned} / {total} 条', en: 'Scanned {scanned} / {total} records' },
  'duplicateReview.scanProgress': { 'zh-CN': '查重进度', en: 'Duplicate scan progress' },
  'duplicateReview.cancelScan': { 'zh-CN': '取消查重', en: 'Cancel scan' },
  'duplicateReview.cancelled': { 'zh-CN': '已取消查重。', en: 'Scan cancelled.' },
  'duplicateReview.rescan': { 'zh-CN': '重新查重', en: 'Scan again' },
  'duplicateReview.none': { 'zh-CN': '没有发现疑似重复的记录', en: 'No likely duplicates found' },
  'duplicateReview.noRules': {
    'zh-CN': '「{entity}」未声明查重规则（x-kehu.match）。',
    en: '"{entity}" declares no match rules (x-kehu.match).',
  },
  'duplicateReview.failed': { 'zh-CN': '查重失败：{reason}', en: 'Could not check for duplicates: {reason}' },
  'duplicateReview.pairs': { 'zh-CN': '疑似重复', en: 'Likely duplicates' },
  'duplicateReview.and': { 'zh-CN': '与', en: 'and' },
  'duplicateReview.score': { 'zh-CN': '相似度', en: 'score' },
  'duplicateReview.compare': { 'zh-CN': '逐项比较', en: 'Compare' },
  'duplicateReview.field': { 'zh-CN': '字段', en: 'Field' },
  'duplicateReview.record': { 'zh-CN': '记录 {n}', en: 'Record {n}' },
  'duplicateReview.keep': { 'zh-CN': '保留此记录', en: 'Keep this record' },
  'duplicateReview.keepValue': { 'zh-CN': '{field}取记录 {n} 的值', en: '{field}: use record {n}' },
  'duplicateReview.empty': { 'zh-CN': '（空）', en: '(empty)' },
  'duplicateReview.merge': { 'zh-CN': '合并', en: 'Merge' },
  'duplicateReview.dismiss': { 'zh-CN': '不是重复', en: 'Not duplicates' },
  'duplicateReview.undo': { 'zh-CN': '撤销上次合并', en: 'Undo last merge' },
  'duplicateReview.merging': { 'zh-CN': '正在合并…', en: 'Merging…' },
  'duplicateReview.merged': {
    'zh-CN': '已将「{merged}」合并到「{survivor}」，改指引用 {references} 处。',
    en: 'Merged {merged} into {survivor}; {references} reference(s) re-pointed.',
  },
  'duplicateReview.undone': {
    'zh-CN': '已撤销合并，「{merged}」已恢复。',
    en: 'Merge undone; {merged} is back.',
  },
  'duplicateReview.mergeFailed': { 'zh-CN': '合并失败：{reason}', en: 'Merge failed: {reason}' },
});

/** A duplicate-review string (`key` without the `duplicateReview.` prefix). */
export function reviewText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `duplicateReview.${key}`, values);
}
