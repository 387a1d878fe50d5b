import { localize, type ChangeEntry, type Entity, type FieldChange, type Locale } from '@kehu/core';
import { formatCell, type ReferenceTitle } from '../record-list/cell-format.js';
import { timelineText } from './record-timeline.strings.js';
import { mergeSentence } from './merge-sentence.js';

/** What sentences need: the record's entity, the locale and the batched reference-title lookup. */
export interface SentenceContext {
  entity: Entity;
  locale: Locale;
  referenceTitle: ReferenceTitle;
}

/** A value as the list would show it: enum labels, reference titles, money, masked sensitive data. */
function shown(path: string[], value: unknown, context: SentenceContext): string {
  const empty = timelineText(context.locale, 'none');
  if (value === undefined || value === null || value === '') return empty;
  const field = context.entity.field(path);
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (field.children && Array.isArray(value)) return String(value.length);
  return formatCell(field, value, context.locale, context.referenceTitle).text || empty;
}

/** The label chain of a field, e.g. `银行账户 › 开户行`; unknown keys (removed fields) as written. */
function label(path: string[], context: SentenceContext): string {
  return path
    .map((_, i) => {
      const field = context.entity.field(path.slice(0, i + 1));
      return field ? localize(field.label, context.locale) : path[i];
    })
    .join(' › ');
}

/** A child row in a few words: its first filled values. */
function rowSummary(path: string[], row: Record<string, unknown> | undefined, context: SentenceContext): string {
  if (!row) return '';
  return Object.keys(row)
    .filter((k) => row[k] !== undefined && row[k] !== null && row[k] !== '' && typeof row[k] !== 'object')
    .slice(0, 3)
    .map((k) => shown([...path, k], row[k], context))
    .join(context.locale === 'zh-CN' ? '，' : ', ');
}

function fieldSentences(change: FieldChange, user: string, context: SentenceContext): string[] {
  const { locale } = context;
  const field = label(change.path, context);
  if (change.rows) {
    return change.rows.map((row) => {
      if (row.kind === 'added')
        return timelineText(locale, 'rowAdded', { user, field, row: rowSummary(change.path, row.to, context) });
      if (row.kind === 'removed')
        return timelineText(locale, 'rowRemoved', { user, field, row: rowSummary(change.path, row.from, context) });
      const changes = (row.changes ?? [])
        .map((c) =>
          timelineText(locale, 'rowField', {
            field: label([...change.path, ...c.path], context),
            from: shown([...change.path, ...c.path], c.from, context),
            to: shown([...change.path, ...c.path], c.to, context),
          }),
        )
        .join(locale === 'zh-CN' ? '；' : '; ');
      return timelineText(locale, 'rowChanged', { user, field, n: row.index + 1, changes });
    });
  }
  const from = shown(change.path, change.from, context);
  const to = shown(change.path, change.to, context);
  if (change.from === undefined) return [timelineText(locale, 'set', { user, field, to })];
  if (change.to === undefined) return [timelineText(locale, 'cleared', { user, field, from })];
  return [timelineText(locale, 'changed', { user, field, from, to })];
}

/** The sentences of one change entry: "张三 将客户级别从「普通」改为「贵宾」", one per changed field. */
export function changeSentences(entry: ChangeEntry, context: SentenceContext): string[] {
  const { locale } = context;
  const user = entry.user?.name || entry.user?.id || timelineText(locale, 'someone');
  switch (entry.action) {
    case 'create':
      return [timelineText(locale, 'created', { user })];
    case 'remove':
      return [timelineText(locale, 'removed', { user })];
    case 'restore':
      return [timelineText(locale, 'restored', { user })];
    case 'unrecorded':
      return [timelineText(locale, 'unrecorded')];
    case 'merge':
    case 'unmerge':
      return [
        mergeSentence(entry, user, context),
        ...entry.changes.flatMap((change) => fieldSentences(change, user, context)),
      ];
    default:
      return entry.changes.flatMap((change) => fieldSentences(change, user, context));
  }
}
