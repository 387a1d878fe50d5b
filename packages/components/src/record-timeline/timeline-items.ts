import type { ChangeEntry, Entity, FieldModel, KehuRecord } from '@kehu/core';

/** One thing on a timeline: a change entry of the record, or a dated record pointing at it. */
export type TimelineItem =
  | { kind: 'change'; key: string; at: string; entry: ChangeEntry }
  | { kind: 'related'; key: string; at: string; entity: Entity; dateField: FieldModel; record: KehuRecord };

/** A calendar day (`YYYY-MM-DD`, the user's time zone) and its items, newest first. */
export interface TimelineDay {
  day: string;
  items: TimelineItem[];
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Sort key in the user's local time: instants become `YYYY-MM-DDTHH:MM:SS.mmm` local; a plain date
 * is a calendar day, not an instant, and sorts as the start of that day.
 */
export function localKey(value: string): string {
  if (dateOnly.test(value)) return `${value}T00:00:00.000`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`
  );
}

/** Newest first, cut to `limit`, grouped by local day. `more` tells whether items were cut. */
export function timelineDays(items: TimelineItem[], limit: number): { days: TimelineDay[]; more: boolean } {
  const sorted = items
    .map((item) => ({ item, key: localKey(item.at) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const days: TimelineDay[] = [];
  for (const { item, key } of sorted.slice(0, limit)) {
    const day = key.slice(0, 10);
    const last = days[days.length - 1];
    if (last?.day === day) last.items.push(item);
    else days.push({ day, items: [item] });
  }
  return { days, more: sorted.length > limit };
}
