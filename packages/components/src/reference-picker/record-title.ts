import { localize, type Entity, type KehuRecord, type Locale } from '@kehu/core';

/** How a value reads in a picker line: enum labels localised, booleans as ✓/✗, the rest as text. */
function display(entity: Entity, key: string, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '';
  const option = entity.field(key)?.options?.find((o) => o.value === value);
  if (option) return localize(option.label, locale);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return '';
  return String(value);
}

/** The record's name: its title field, else its id. */
export function recordTitle(entity: Entity, record: KehuRecord, locale: Locale): string {
  return (
    display(entity, entity.titleField, (record as Record<string, unknown>)[entity.titleField], locale) || record.id
  );
}

/** The secondary line: the subtitle fields that have a value, joined. */
export function recordSubtitle(entity: Entity, record: KehuRecord, locale: Locale): string {
  return entity.subtitleFields
    .map((key) => display(entity, key, (record as Record<string, unknown>)[key], locale))
    .filter(Boolean)
    .join(' · ');
}
