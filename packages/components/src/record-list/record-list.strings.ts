import { KehuError, type Locale } from '@kehu/core';
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
  'recordList.filter': { 'zh-CN': '筛选', en: 'Filter' },
  'recordList.filterCount': { 'zh-CN': '筛选（{count}）', en: 'Filter ({count})' },
  'recordList.columns': { 'zh-CN': '列', en: 'Columns' },
  'recordList.columnsTitle': { 'zh-CN': '显示的列', en: 'Columns shown' },
  'recordList.moveUp': { 'zh-CN': '上移「{column}」', en: 'Move "{column}" up' },
  'recordList.moveDown': { 'zh-CN': '下移「{column}」', en: 'Move "{column}" down' },
  'recordList.resetColumns': { 'zh-CN': '恢复默认列', en: 'Default columns' },
  'recordList.resize': { 'zh-CN': '调整「{column}」列宽', en: 'Resize "{column}"' },
  'recordList.view': { 'zh-CN': '视图', en: 'View' },
  'recordList.defaultView': { 'zh-CN': '默认视图', en: 'Default view' },
  'recordList.saveView': { 'zh-CN': '保存视图', en: 'Save view' },
  'recordList.viewName': { 'zh-CN': '视图名称', en: 'View name' },
  'recordList.save': { 'zh-CN': '保存', en: 'Save' },
  'recordList.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'recordList.deleteView': { 'zh-CN': '删除视图「{name}」', en: 'Delete view "{name}"' },
  'recordList.viewSaved': { 'zh-CN': '视图「{name}」已保存', en: 'View "{name}" saved' },
  'recordList.viewNameMissing': { 'zh-CN': '请输入视图名称', en: 'Enter a name for the view' },
  'recordList.export': { 'zh-CN': '导出', en: 'Export' },
  'recordList.exported': { 'zh-CN': '已导出 {count} 条', en: 'Exported {count} records' },
  'recordList.exporting': { 'zh-CN': '正在导出 {done} / {total} 条', en: 'Exporting {done} / {total} records' },
  'recordList.exportProgress': { 'zh-CN': '导出进度', en: 'Export progress' },
  'recordList.cancelExport': { 'zh-CN': '取消导出', en: 'Cancel export' },
  'recordList.exportCancelled': { 'zh-CN': '已取消导出，未保存文件', en: 'Export cancelled; no file was saved' },
  'recordList.selectRow': { 'zh-CN': '选择 {name}', en: 'Select {name}' },
  'recordList.selectAll': { 'zh-CN': '选择全部 {count} 条', en: 'Select all {count}' },
  'recordList.selected': { 'zh-CN': '已选 {count} 条', en: '{count} selected' },
  'recordList.clearSelection': { 'zh-CN': '取消选择', en: 'Clear selection' },
  'recordList.delete': { 'zh-CN': '删除', en: 'Delete' },
  'recordList.confirmDelete': { 'zh-CN': '确认删除 {count} 条？', en: 'Delete {count} records?' },
  'recordList.deleted': { 'zh-CN': '已删除 {count} 条', en: 'Deleted {count} records' },
  'recordList.setField': { 'zh-CN': '批量修改', en: 'Set field' },
  'recordList.setFieldWhich': { 'zh-CN': '要修改的字段', en: 'Field to set' },
  'recordList.setFieldValue': { 'zh-CN': '新值', en: 'New value' },
  'recordList.apply': { 'zh-CN': '应用', en: 'Apply' },
  'recordList.updated': { 'zh-CN': '已修改 {count} 条', en: 'Updated {count} records' },
  'recordList.someFailed': {
    'zh-CN': '{failed} 条未修改：{reason}',
    en: '{failed} not changed: {reason}',
  },
  'recordList.bulkActions': { 'zh-CN': '批量操作', en: 'Bulk actions' },
  'recordList.window': { 'zh-CN': '第 {from}–{to} 条，共 {total} 条', en: 'Rows {from}–{to} of {total}' },
  'recordList.windowNav': { 'zh-CN': '分段浏览', en: 'Row ranges' },
  'recordList.firstWindow': { 'zh-CN': '第一段', en: 'First rows' },
  'recordList.previousWindow': { 'zh-CN': '上一段', en: 'Previous rows' },
  'recordList.nextWindow': { 'zh-CN': '下一段', en: 'Next rows' },
  'recordList.lastWindow': { 'zh-CN': '最后一段', en: 'Last rows' },
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

/** Why the records could not be loaded, in `locale`. */
export function loadFailedText(locale: Locale, error: unknown): string {
  const reason =
    error instanceof KehuError ? error.messageIn(locale) : error instanceof Error ? error.message : String(error);
  return listText(locale, 'loadFailed', { reason });
}
