import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'importWizard.title': { 'zh-CN': '导入{entity}', en: 'Import {entity}' },
  'importWizard.steps': { 'zh-CN': '导入步骤', en: 'Import steps' },
  'importWizard.step.file': { 'zh-CN': '选择文件', en: 'File' },
  'importWizard.step.source': { 'zh-CN': '编码与表头', en: 'Encoding and header' },
  'importWizard.step.mapping': { 'zh-CN': '字段对应', en: 'Columns' },
  'importWizard.step.mode': { 'zh-CN': '导入方式', en: 'Mode' },
  'importWizard.step.check': { 'zh-CN': '预检', en: 'Check' },
  'importWizard.step.run': { 'zh-CN': '导入', en: 'Import' },
  'importWizard.step.done': { 'zh-CN': '完成', en: 'Summary' },
  'importWizard.choose': { 'zh-CN': '选择 CSV 或 Excel（.xlsx）文件', en: 'Choose a CSV or Excel (.xlsx) file' },
  'importWizard.drop': {
    'zh-CN': '或把文件拖放到这里。支持 UTF-8、GBK（Excel 另存的 CSV）和 .xlsx。',
    en: 'or drop it here. UTF-8, GBK (CSV saved by Chinese Excel) and .xlsx are read.',
  },
  'importWizard.reading': { 'zh-CN': '正在读取「{name}」…', en: 'Reading "{name}"…' },
  'importWizard.readFailed': { 'zh-CN': '无法读取文件：{reason}', en: 'The file could not be read: {reason}' },
  'importWizard.fileInfo': { 'zh-CN': '{name}（{size}，{format}）', en: '{name} ({size}, {format})' },
  'importWizard.encoding': { 'zh-CN': '文件编码', en: 'Encoding' },
  'importWizard.encodingDetected': { 'zh-CN': '自动识别为 {encoding}', en: 'Detected: {encoding}' },
  'importWizard.headerLine': { 'zh-CN': '表头所在行', en: 'Header row' },
  'importWizard.preview': { 'zh-CN': '文件开头几行', en: 'First rows of the file' },
  'importWizard.row': { 'zh-CN': '行', en: 'Row' },
  'importWizard.column': { 'zh-CN': '列', en: 'Column' },
  'importWizard.sample': { 'zh-CN': '示例', en: 'Sample' },
  'importWizard.field': { 'zh-CN': '导入到字段', en: 'Field' },
  'importWizard.skip': { 'zh-CN': '— 不导入 —', en: '— do not import —' },
  'importWizard.mapped': { 'zh-CN': '已对应 {count} 列，共 {total} 列', en: '{count} of {total} columns mapped' },
  'importWizard.nothingMapped': { 'zh-CN': '请至少为一列选择字段。', en: 'Map at least one column to a field.' },
  'importWizard.mode.insert': { 'zh-CN': '仅新增', en: 'Insert new records' },
  'importWizard.mode.update': { 'zh-CN': '仅更新已有记录', en: 'Update existing records' },
  'importWizard.mode.upsert': { 'zh-CN': '新增或更新', en: 'Insert or update' },
  'importWizard.mode': { 'zh-CN': '导入方式', en: 'Mode' },
  'importWizard.key': { 'zh-CN': '按此字段匹配已有记录', en: 'Match existing records by' },
  'importWizard.keyNone': { 'zh-CN': '— 不匹配 —', en: '— no matching —' },
  'importWizard.keyNeeded': {
    'zh-CN': '更新或新增/更新需要选择匹配字段。',
    en: 'Choose the field that matches existing records.',
  },
  'importWizard.back': { 'zh-CN': '上一步', en: 'Back' },
  'importWizard.next': { 'zh-CN': '下一步', en: 'Next' },
  'importWizard.check': { 'zh-CN': '开始预检', en: 'Check all rows' },
  'importWizard.checking': { 'zh-CN': '正在预检，已检查 {rows} 行…', en: 'Checking… {rows} rows so far' },
  'importWizard.checked': {
    'zh-CN': '共 {rows} 行：{ok} 行可以导入，{bad} 行有问题。尚未写入任何数据。',
    en: '{rows} rows: {ok} can be imported, {bad} have problems. Nothing has been written yet.',
  },
  'importWizard.problems': { 'zh-CN': '问题列表', en: 'Problems' },
  'importWizard.problem': { 'zh-CN': '问题', en: 'Problem' },
  'importWizard.page': { 'zh-CN': '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
  'importWizard.prevPage': { 'zh-CN': '上一页', en: 'Previous page' },
  'importWizard.nextPage': { 'zh-CN': '下一页', en: 'Next page' },
  'importWizard.start': { 'zh-CN': '开始导入', en: 'Import' },
  'importWizard.cancel': { 'zh-CN': '取消导入', en: 'Cancel import' },
  'importWizard.progress': { 'zh-CN': '导入进度', en: 'Import progress' },
  'importWizard.rate': {
    'zh-CN': '已处理 {rows} 行 · 每秒 {rate} 行 · 剩余约 {left}',
    en: '{rows} rows · {rate} rows/s · about {left} left',
  },
  'importWizard.rateNoEta': { 'zh-CN': '已处理 {rows} 行 · 每秒 {rate} 行', en: '{rows} rows · {rate} rows/s' },
  'importWizard.summary': {
    'zh-CN': '新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条，拒绝 {rejected} 行。',
    en: '{inserted} inserted, {updated} updated, {unchanged} unchanged, {rejected} rows rejected.',
  },
  'importWizard.cancelled': {
    'zh-CN': '导入已取消。已完成的批次已保存，可以稍后继续。',
    en: 'Import cancelled. Completed batches are saved; you can continue later.',
  },
  'importWizard.failed': { 'zh-CN': '导入失败：{reason}', en: 'The import failed: {reason}' },
  'importWizard.report': { 'zh-CN': '下载错误报告（CSV）', en: 'Download error report (CSV)' },
  'importWizard.again': { 'zh-CN': '导入另一个文件', en: 'Import another file' },
  'importWizard.resume': {
    'zh-CN': '「{name}」的导入未完成（已处理到第 {line} 行）。重新选择同一个文件即可继续。',
    en: 'The import of "{name}" did not finish (done up to row {line}). Choose the same file again to continue.',
  },
  'importWizard.resumeChoose': { 'zh-CN': '选择文件继续', en: 'Choose file and continue' },
  'importWizard.resumeDiscard': { 'zh-CN': '放弃该任务', en: 'Discard' },
  'importWizard.notSameFile': {
    'zh-CN': '这不是原来的文件（文件名、大小或内容不同），无法继续。',
    en: 'This is not the same file (name, size or content differ); the import cannot continue with it.',
  },
  'importWizard.worker': { 'zh-CN': '后台线程', en: 'background thread' },
  'importWizard.badMode': {
    'zh-CN': '<kehu-import-wizard> 的 mode「{value}」无效（insert、update 或 upsert），改用 insert。',
    en: '<kehu-import-wizard> mode "{value}" is not insert, update or upsert; using insert.',
  },
});

/** An import-wizard string (`key` without the `importWizard.` prefix). */
export function importText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `importWizard.${key}`, values);
}
