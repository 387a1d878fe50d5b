import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

const strings = {
  'recordForm.choose': { 'zh-CN': '请选择', en: 'Choose…' },
  'recordForm.notFound': { 'zh-CN': '找不到记录「{id}」（{entity}）。', en: 'Record "{id}" ({entity}) not found.' },
  'recordForm.summary': { 'zh-CN': '记录未保存，请修正以下问题：', en: 'The record was not saved. Please fix:' },
  'recordForm.fixFields': { 'zh-CN': '请修正标出的 {count} 处问题。', en: 'Please fix the {count} marked problem(s).' },
  'recordForm.addRow': { 'zh-CN': '添加一行', en: 'Add row' },
  'recordForm.addItem': { 'zh-CN': '添加', en: 'Add' },
  'recordForm.remove': { 'zh-CN': '删除', en: 'Remove' },
  'recordForm.row': { 'zh-CN': '第 {row} 行', en: 'row {row}' },
  'recordForm.item': { 'zh-CN': '第 {row} 项', en: 'item {row}' },
  'recordForm.actions': { 'zh-CN': '操作', en: 'Actions' },
  'recordForm.required': { 'zh-CN': '必填', en: 'required' },
  'recordForm.noRows': { 'zh-CN': '暂无明细', en: 'No rows yet' },
  'recordForm.saveFailed': { 'zh-CN': '保存失败：{reason}', en: 'Saving failed: {reason}' },
  'recordForm.tabProblems': { 'zh-CN': '（{count} 处问题）', en: '({count} problem(s))' },
  'recordForm.leaveQuestion': {
    'zh-CN': '有未保存的修改。离开将丢失这些修改，确定离开吗？',
    en: 'You have unsaved changes. Leave and lose them?',
  },
  'recordForm.noCreate': {
    'zh-CN': '您的角色没有新增{entity}的权限，仅可查看。',
    en: 'Your role may not add a {entity}; this is shown read-only.',
  },
  'recordForm.noUpdate': {
    'zh-CN': '您的角色没有修改{entity}的权限，仅可查看。',
    en: 'Your role may not change this {entity}; it is shown read-only.',
  },
  'recordForm.stay': { 'zh-CN': '继续编辑', en: 'Keep editing' },
  'recordForm.leave': { 'zh-CN': '放弃修改并离开', en: 'Discard and leave' },
  'recordForm.badMode': {
    'zh-CN': 'kehu-record-form：mode="{mode}" 无效，应为 create、edit 或 read。',
    en: 'kehu-record-form: mode="{mode}" is not one of create, edit, read.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** Keys the form borrows from the shared table. */
const shared = new Set<string>(['save', 'cancel', 'saved', 'loading']);

type FormStringKey = keyof typeof strings extends `recordForm.${infer K}` ? K : never;

let added = false;

/**
 * The form's own text. Its strings join the shared table on first use rather than at module load,
 * so a bundler that trusts `sideEffects` cannot drop them.
 */
export function formText(
  locale: Locale,
  key: FormStringKey | 'save' | 'cancel' | 'saved' | 'loading',
  values?: Record<string, string | number>,
): string {
  if (!added) {
    addStrings(strings);
    added = true;
  }
  return t(locale, shared.has(key) ? key : `recordForm.${key}`, values);
}
