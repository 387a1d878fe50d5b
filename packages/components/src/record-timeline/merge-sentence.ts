import type { ChangeEntry } from '@kehu/core';
import type { SentenceContext } from './change-sentence.js';
import { timelineText } from './record-timeline.strings.js';

/** Titles of records of the timeline's entity, their ids while titles load. */
function titles(ids: string[], context: SentenceContext): string {
  const list = ids.map((id) => context.referenceTitle(context.entity.name, id) ?? id);
  return list.join(context.locale === 'zh-CN' ? '、' : ', ');
}

/**
 * The headline of a `merge` or `unmerge` entry: on the survivor, which records were merged into it
 * and how many references moved; on a merged record, which record it was merged into.
 */
export function mergeSentence(entry: ChangeEntry, user: string, context: SentenceContext): string {
  const detail = entry.merge;
  const undo = entry.action === 'unmerge';
  if (!detail) return timelineText(context.locale, undo ? 'unmergedPlain' : 'mergedPlain', { user });
  if (detail.survivor !== entry.recordId)
    return timelineText(context.locale, undo ? 'unmergedFrom' : 'mergedInto', {
      user,
      survivor: titles([detail.survivor], context),
    });
  return timelineText(context.locale, undo ? 'unmerged' : 'merged', {
    user,
    records: titles(detail.merged, context),
    n: detail.merged.length,
    references: detail.references?.length ?? 0,
  });
}
