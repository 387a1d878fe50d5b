import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

addStrings({
  'filter.title': { 'zh-CN': '筛选条件', en: 'Filter' },
  'filter.matchAll': { 'zh-CN': '满足全部条件', en: 'Match all conditions' },
  'filter.matchAny': { 'zh-CN': '满足任一条件', en: 'Match any condition' },
  'filter.match': { 'zh-CN': '条件组合方式', en: 'How conditions combine' },
  'filter.field': { 'zh-CN': '字段', en: 'Field' },
  'filter.operator': { 'zh-CN': '比较方式', en: 'Comparison' },
  'filter.value': { 'zh-CN': '值', en: 'Value' },
  'filter.from': { 'zh-CN': '从', en: 'From' },
  'filter.to': { 'zh-CN': '到', en: 'To' },
  'filter.add': { 'zh-CN': '添加条件', en: 'Add condition' },
  'filter.addGroup': { 'zh-CN': '添加条件组', en: 'Add group' },
  'filter.remove': { 'zh-CN': '删除{n}', en: 'Remove {n}' },
  'filter.clear': { 'zh-CN': '清除全部', en: 'Clear all' },
  'filter.group': { 'zh-CN': '条件组 {n}', en: 'Group {n}' },
  'filter.condition': { 'zh-CN': '条件 {n}', en: 'Condition {n}' },
  'filter.none': {
    'zh-CN': '尚无条件：添加一个条件来筛选记录。',
    en: 'No conditions yet: add one to filter the records.',
  },
  'filter.yes': { 'zh-CN': '是', en: 'Yes' },
  'filter.no': { 'zh-CN': '否', en: 'No' },
  'filter.op.eq': { 'zh-CN': '等于', en: 'is' },
  'filter.op.ne': { 'zh-CN': '不等于', en: 'is not' },
  'filter.op.lt': { 'zh-CN': '小于', en: 'less than' },
  'filter.op.lte': { 'zh-CN': '小于等于', en: 'at most' },
  'filter.op.gt': { 'zh-CN': '大于', en: 'greater than' },
  'filter.op.gte': { 'zh-CN': '大于等于', en: 'at least' },
  'filter.op.between': { 'zh-CN': '介于', en: 'between' },
  'filter.op.in': { 'zh-CN': '属于', en: 'is one of' },
  'filter.op.contains': { 'zh-CN': '包含', en: 'contains' },
  'filter.op.startsWith': { 'zh-CN': '开头是', en: 'starts with' },
  'filter.op.empty': { 'zh-CN': '为空', en: 'is empty' },
  'filter.op.notEmpty': { 'zh-CN': '不为空', en: 'is not empty' },
  'filter.op.dateLt': { 'zh-CN': '早于', en: 'before' },
  'filter.op.dateLte': { 'zh-CN': '不晚于', en: 'on or before' },
  'filter.op.dateGt': { 'zh-CN': '晚于', en: 'after' },
  'filter.op.dateGte': { 'zh-CN': '不早于', en: 'on or after' },
});

/** A filter-builder string (`key` without the `filter.` prefix). */
export function filterText(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return t(locale, `filter.${key}`, values);
}
