/** The locales Kehu ships text for. */
export type Locale = 'zh-CN' | 'en';

/** The shipped locales, first one is the default. */
export const locales: readonly Locale[] = ['zh-CN', 'en'];

/** Text in every shipped locale, as schemas and messages carry it. */
export type LocalizedText = Record<Locale, string>;

/** Reads `text` in `locale`, falling back to the other locale, so a half-translated schema still shows something. */
export function localize(text: LocalizedText | string | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text['zh-CN'] ?? '';
}

/** Accepts 'zh', 'zh-cn', 'zh-Hans-CN', 'en-US' and the like; anything unknown becomes the default. */
export function toLocale(value: string | null | undefined): Locale {
  const v = (value ?? '').toLowerCase();
  if (v.startsWith('en')) return 'en';
  return 'zh-CN';
}
