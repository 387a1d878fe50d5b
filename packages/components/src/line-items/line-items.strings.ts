import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

const strings = {
  'lineItems.rowNumber': { 'zh-CN': '序号', en: '#' },
  'lineItems.actions': { 'zh-CN': '操作', en: 'Actions' },
  'lineItems.addRow': { 'zh-CN': '添加一行', en: 'Add row' },
  'lineItems.remove': { 'zh-CN': '删除第 {row} 行', en: 'Remove row {row}' },
  'lineItems.moveUp': { 'zh-CN': '上移第 {row} 行', en: 'Move row {row} up' },
  'lineItems.moveDown': { 'zh-CN': '下移第 {row} 行', en: 'Move row {row} down' },
  'lineItems.empty': {
    'zh-CN': '暂无明细，点击“添加一行”或粘贴表格',
    en: 'No rows yet: add one or paste from a spreadsheet',
  },
  'lineItems.total': { 'zh-CN': '合计', en: 'Total' },
  'lineItems.rowCount': { 'zh-CN': '共 {count} 行', en: '{count} rows' },
  'lineItems.keys': {
    'zh-CN':
      '方向键移动单元格；回车或直接输入开始编辑，回车确认并下移，Esc 取消；Tab 移到下一格；Alt+↑/↓ 移动行；Insert 插入行；Ctrl+Delete 删除行；可粘贴 Excel/WPS 表格。',
    en: 'Arrow keys move between cells; Enter or typing starts editing, Enter commits and moves down, Escape cancels; Tab moves to the next cell; Alt+Up/Down moves a row; Insert adds a row; Ctrl+Delete removes it; paste cells from Excel or WPS.',
  },
  'lineItems.pasted': {
    'zh-CN': '已粘贴 {cells} 个单元格（{rows} 行）。',
    en: 'Pasted {cells} cell(s) in {rows} row(s).',
  },
  'lineItems.pasteProblems': {
    'zh-CN': '{count} 个单元格有问题：',
    en: '{count} cell(s) have problems:',
  },
  'lineItems.cellProblem': { 'zh-CN': '第 {row} 行「{column}」：{message}', en: 'Row {row}, {column}: {message}' },
  'lineItems.tooManyRows': {
    'zh-CN': '最多 {max} 行，多出的 {count} 行未粘贴。',
    en: 'At most {max} rows: {count} row(s) were not pasted.',
  },
  'lineItems.nested': { 'zh-CN': '{count} 项', en: '{count} item(s)' },
  'lineItems.openNested': { 'zh-CN': '编辑第 {row} 行的{column}', en: 'Edit {column} of row {row}' },
  'lineItems.close': { 'zh-CN': '完成', en: 'Done' },
  'lineItems.computed': { 'zh-CN': '自动计算', en: 'computed' },
} satisfies Record<string, Record<Locale, string>>;

type Key = keyof typeof strings extends `lineItems.${infer K}` ? K : never;

let added = false;

/** The line-items editor's own text; added to the shared table on first use (see `formText`). */
export function lineItemsText(locale: Locale, key: Key, values?: Record<string, string | number>): string {
  if (!added) {
    addStrings(strings);
    added = true;
  }
  return t(locale, `lineItems.${key}`, values);
}
