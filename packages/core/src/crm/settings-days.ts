import { calendarDay } from '../analysis/periods.js';

/**
 * Day arithmetic for the periods the CRM parameters are given in (days after a document, days
 * without contact). Calendar days as `YYYY-MM-DD`, counted in UTC so no daylight-saving shift ever
 * moves a due date.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a date or date-time's calendar day (UTC), or NaN when it is neither. */
export function dayNumber(value: unknown): number {
  const day = calendarDay(value);
  return day === undefined ? NaN : Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` of a day number. */
export function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus `days` (negative goes back); throws a RangeError for something that is not a date. */
export function addDays(day: string, days: number): string {
  const n = dayNumber(day);
  if (Number.isNaN(n)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  return dayOf(n + days);
}

/** Today in the runtime's local calendar (what a user means by "today"), as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks an `asOf` option: a real `YYYY-MM-DD` day, else a RangeError naming the option. */
export function asOfDay(asOf: string | undefined): string {
  const day = asOf ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(dayNumber(day))) {
    throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${String(asOf)}`);
  }
  return day;
}
