import type { LocalizedText } from '../i18n/locale.js';
import type { FieldRange, ValidationIssue } from './types.js';

/**
 * Issues for ranges whose end lies before their start (`x-kehu.ranges`: a price valid to a day
 * before it is valid from, a policy ending before it starts). Dates compare as ISO text, numbers as
 * numbers; a range with either end empty, or already reported on its end field, is left alone.
 */
export function rangeIssues(
  ranges: readonly FieldRange[],
  record: unknown,
  labelOf: (path: (string | number)[]) => LocalizedText,
  already: readonly ValidationIssue[] = [],
): ValidationIssue[] {
  if (!ranges.length || !record || typeof record !== 'object') return [];
  const data = record as Record<string, unknown>;
  const taken = new Set(already.map((issue) => String(issue.path[0])));
  const issues: ValidationIssue[] = [];
  for (const { from, to } of ranges) {
    const start = data[from];
    const end = data[to];
    if (taken.has(to) || taken.has(from)) continue;
    const comparable =
      (typeof start === 'number' && typeof end === 'number') || (typeof start === 'string' && typeof end === 'string');
    if (!comparable || !(end < start)) continue;
    const label = labelOf([to]);
    const startLabel = labelOf([from]);
    issues.push({
      path: [to],
      label,
      keyword: 'range',
      params: { from, to, start, end },
      message: {
        en: `${label.en}: must not be before ${startLabel.en} (${String(start)}); correct one of the two.`,
        'zh-CN': `${label['zh-CN']}：不能早于${startLabel['zh-CN']}（${String(start)}），请更正其中一个。`,
      },
    });
  }
  return issues;
}
