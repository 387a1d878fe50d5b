import type { Locale } from '@kehu/core';

/** Every UI string the elements show, in both shipped locales. Elements add their keys here. */
const strings = {
  save: { 'zh-CN': '保存', en: 'Save' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  saved: { 'zh-CN': '已保存', en: 'Saved' },
  search: { 'zh-CN': '搜索', en: 'Search' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  noStore: {
    'zh-CN': '未连接数据存储：请把元素放在 <kehu-store-provider> 内，或设置其 store 属性。',
    en: 'No store: place the element inside <kehu-store-provider> or set its store property.',
  },
  unknownEntity: {
    'zh-CN': '未知实体「{entity}」。已定义的实体：{known}。',
    en: 'Unknown entity "{entity}". Defined entities: {known}.',
  },
  noEntity: {
    'zh-CN': '请设置 entity 属性（实体名称）。',
    en: 'Set the entity attribute (the entity name).',
  },
} satisfies Record<string, Record<Locale, string>>;

export type StringKey = keyof typeof strings;

/** Adds keys; elements call it at module load so each keeps its own strings next to it. */
export function addStrings(more: Record<string, Record<Locale, string>>): void {
  Object.assign(strings, more);
}

/** The string `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const entry = (strings as Record<string, Record<Locale, string>>)[key];
  const text = entry ? (entry[locale] ?? entry.en) : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
