/**
 * Calendar arithmetic on plain `YYYY-MM-DD` dates. A due date is a calendar day, not an instant, so
 * everything works on UTC day numbers and no time zone can shift a day. Weeks start on Monday
 * (ISO 8601, and the Chinese calendar convention).
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** Days since 1970-01-01, or NaN for anything but a real `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  if (!ISO_DATE.test(date)) return NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a date must come back as itself.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? NaN : ms / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(dayNumber(value));
}

export function isIsoMonth(value: unknown): value is string {
  return typeof value === 'string' && ISO_MONTH.test(value) && isIsoDate(`${value}-01`);
}

/** Today in the user's own time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** The Sunday ending the week of `day`. */
export function endOfWeek(day: number): number {
  return day + 6 - weekdayIndex(day);
}

/** `YYYY-MM` shifted by `months`. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  const last = daysInMonth(month);
  return `${month}-${String(Math.min(Number(date.slice(8, 10)), last)).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  return dayNumber(`${addMonths(month, 1)}-01`) - dayNumber(`${month}-01`);
}

/** The six Monday-first weeks shown for `month` (42 day numbers), including days of the months around it. */
export function monthGrid(month: string): number[][] {
  const first = dayNumber(`${month}-01`);
  const start = first - weekdayIndex(first);
  return Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, d) => start + week * 7 + d));
}
