import type { ValidationIssue } from '../entity/types.js';
import { localize, type Locale, type LocalizedText } from '../i18n/locale.js';

/** Base of every error Kehu throws on purpose: a code, and text in both locales. */
export class KehuError extends Error {
  override name = 'KehuError';
  constructor(
    /** Stable code for programs, e.g. `unknown-entity`. */
    readonly code: string,
    /** The message in every locale. */
    readonly text: LocalizedText,
    locale: Locale = 'en',
  ) {
    super(localize(text, locale));
  }
  /** The message in another locale. */
  messageIn(locale: Locale): string {
    return localize(this.text, locale);
  }
}

/** A write was refused because the record is invalid; nothing was stored. */
export class KehuValidationError extends KehuError {
  override name = 'KehuValidationError';
  constructor(
    readonly entity: string,
    /** Every problem, one per field; `row` is set for bulk writes. */
    readonly issues: (ValidationIssue & { row?: number })[],
    locale: Locale = 'en',
    /** The entity's label, for the summary; defaults to its name. */
    label: LocalizedText = { en: entity, 'zh-CN': entity },
  ) {
    super('invalid-record', summarize(label, issues), locale);
  }
}

function summarize(label: LocalizedText, issues: (ValidationIssue & { row?: number })[]): LocalizedText {
  const lines = (locale: Locale) =>
    issues
      .slice(0, 20)
      .map(
        (i) =>
          (i.row === undefined ? '' : locale === 'en' ? `row ${i.row + 1}: ` : `第 ${i.row + 1} 行：`) +
          i.message[locale],
      )
      .join('; ') + (issues.length > 20 ? ` (+${issues.length - 20})` : '');
  return {
    en: `The ${label.en.toLowerCase()} was not saved: ${lines('en')}`,
    'zh-CN': `${label['zh-CN']}未保存：${lines('zh-CN')}`,
  };
}

/** An entity schema is not usable; names the source, the JSON pointer and the fix. */
export class KehuSchemaError extends KehuError {
  override name = 'KehuSchemaError';
  constructor(
    readonly source: string,
    readonly problems: SchemaProblem[],
    locale: Locale = 'en',
  ) {
    super(
      'invalid-schema',
      {
        en:
          `${source} is not a usable entity schema:\n` +
          problems.map((p) => `  ${p.pointer || '/'}: ${p.message.en}`).join('\n'),
        'zh-CN':
          `${source} 不是可用的实体定义：\n` +
          problems.map((p) => `  ${p.pointer || '/'}：${p.message['zh-CN']}`).join('\n'),
      },
      locale,
    );
  }
}

/** One problem in an entity schema file. */
export interface SchemaProblem {
  /** JSON pointer into the file, e.g. `/properties/mobile/format`. */
  pointer: string;
  /** What is wrong and how to fix it. */
  message: LocalizedText;
}
