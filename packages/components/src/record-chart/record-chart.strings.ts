import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'recordChart.showTable': { 'zh-CN': '显示为表格', en: 'Show as table' },
  'recordChart.empty': { 'zh-CN': '暂无数据', en: 'No data to show' },
  'recordChart.loadFailed': { 'zh-CN': '统计失败：{reason}', en: 'Could not compute the chart: {reason}' },
  'recordChart.chartFailed': { 'zh-CN': '图表无法加载：{reason}', en: 'The chart could not be loaded: {reason}' },
  'recordChart.none': { 'zh-CN': '（未填写）', en: '(none)' },
  'recordChart.other': { 'zh-CN': '其他', en: 'Other' },
  'recordChart.all': { 'zh-CN': '全部{entity}', en: 'All {entity}' },
  'recordChart.count': { 'zh-CN': '数量', en: 'Count' },
  'recordChart.countOf': { 'zh-CN': '{field}（已填写数）', en: '{field} (filled in)' },
  'recordChart.sum': { 'zh-CN': '{field}合计', en: 'Total {field}' },
  'recordChart.avg': { 'zh-CN': '平均{field}', en: 'Average {field}' },
  'recordChart.min': { 'zh-CN': '最低{field}', en: 'Lowest {field}' },
  'recordChart.max': { 'zh-CN': '最高{field}', en: 'Highest {field}' },
  'recordChart.by': { 'zh-CN': '按{by}统计的{entity}{measure}', en: '{entity}: {measure} by {by}' },
  'recordChart.byBoth': {
    'zh-CN': '按{period}和{by}统计的{entity}{measure}',
    en: '{entity}: {measure} by {period} and {by}',
  },
  'recordChart.plain': { 'zh-CN': '{entity}{measure}', en: '{entity}: {measure}' },
  'recordChart.day': { 'zh-CN': '日', en: 'day' },
  'recordChart.week': { 'zh-CN': '周', en: 'week' },
  'recordChart.month': { 'zh-CN': '月', en: 'month' },
  'recordChart.quarter': { 'zh-CN': '季度', en: 'quarter' },
  'recordChart.year': { 'zh-CN': '年', en: 'year' },
  'recordChart.weekOf': { 'zh-CN': '{year}年第{week}周', en: 'Week {week}, {year}' },
  'recordChart.quarterOf': { 'zh-CN': '{year}年第{quarter}季度', en: 'Q{quarter} {year}' },
  'recordChart.yes': { 'zh-CN': '是', en: 'Yes' },
  'recordChart.no': { 'zh-CN': '否', en: 'No' },
  'recordChart.badType': {
    'zh-CN': '<kehu-record-chart> 的 type「{value}」无效（可选 bar、line、pie），不显示图表。',
    en: '<kehu-record-chart> type "{value}" is not bar, line or pie; showing no chart.',
  },
  'recordChart.badMeasure': {
    'zh-CN':
      '<kehu-record-chart> 的 measure「{value}」无效（应为 count 或 sum:字段、avg:字段、min:字段、max:字段），不显示图表。',
    en: '<kehu-record-chart> measure "{value}" is not count or sum:field, avg:field, min:field, max:field; showing no chart.',
  },
  'recordChart.badPeriod': {
    'zh-CN':
      '<kehu-record-chart> 的 period「{value}」无效（应为 单位:日期字段，单位为 day、week、month、quarter、year），不显示图表。',
    en: '<kehu-record-chart> period "{value}" is not unit:dateField with unit day, week, month, quarter or year; showing no chart.',
  },
  'recordChart.badSelector': {
    'zh-CN': '<kehu-record-chart> 的 selector 不是 JSON 对象：{value}，不显示图表。',
    en: '<kehu-record-chart> selector is not a JSON object: {value}; showing no chart.',
  },
  'recordChart.unknownField': {
    'zh-CN': '<kehu-record-chart>：实体 {entity} 没有字段「{field}」，不显示图表。',
    en: '<kehu-record-chart>: entity {entity} has no field "{field}"; showing no chart.',
  },
  'recordChart.notNumeric': {
    'zh-CN': '<kehu-record-chart>：字段「{field}」不是数值，无法计算 {op}，不显示图表。',
    en: '<kehu-record-chart>: field "{field}" is not a number, so {op} cannot be computed; showing no chart.',
  },
  'recordChart.pieIgnoresPeriod': {
    'zh-CN': '<kehu-record-chart>：饼图按 group-by 分组，忽略 period「{value}」。',
    en: '<kehu-record-chart>: a pie chart is split by group-by; period "{value}" is ignored.',
  },
});

/**
 * A record-chart string (`key` without the `recordChart.` prefix). Callers import this function rather
 * than the bare module, so bundlers that trust `sideEffects` keep the `addStrings` call above.
 */
export function chartText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `recordChart.${key}`, values);
}
