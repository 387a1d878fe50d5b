/** The calendar units records are bucketed by over time. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const periodUnits: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Most periods `periodsBetween` lists: a typo such as year 0024 must not build a million-day axis. */
export const MAX_PERIODS = 5000;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, else NaN (`2024-02-30` is not a day). */
function dayNumberOf(date: string): number {
  const match = DATE_ONLY.exec(date);
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps them as written.
  check.setUTCFullYear(year);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return NaN;
  return Math.round(check.getTime() / DAY_MS);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayString(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * Local calendar days of instants, per time zone. Offsets are whole quarter hours and change on
 * quarter hours, so every instant in one UTC quarter hour falls on the same local day: the cache is
 * keyed by quarter hour and bounded, so 100k timestamps cost a few thousand Intl calls at most.
 */
class LocalDays {
  private cache = new Map<number, string>();
  private format: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  day(ms: number): string {
    const bucket = Math.floor(ms / 900_000);
    let day = this.cache.get(bucket);
    if (day === undefined) {
      const parts = Object.fromEntries(this.format.formatToParts(ms).map((p) => [p.type, p.value]));
      day = `${pad(Number(parts.year), 4)}-${parts.month}-${parts.day}`;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(bucket, day);
    }
    return day;
  }
}

const zones = new Map<string, LocalDays>();

/**
 * The calendar day (`YYYY-MM-DD`) of a date or date-time value, or undefined when it is neither.
 * A plain date is a calendar day already and is never shifted; a date-time (`2024-12-31T16:30:00Z`,
 * or with an offset) is an instant and falls on the day it is in `timeZone` (IANA name; default UTC).
 * Throws a RangeError for an unknown time zone.
 */
export function calendarDay(value: unknown, timeZone = 'UTC'): string | undefined {
  let ms: number;
  if (typeof value === 'string') {
    if (DATE_ONLY.test(value)) return Number.isNaN(dayNumberOf(value)) ? undefined : value;
    // Only ISO date-times: Date.parse also reads "March 7" in engine-specific ways.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
    ms = Date.parse(value);
  } else if (value instanceof Date) {
    ms = value.getTime();
  } else {
    return undefined;
  }
  if (Number.isNaN(ms)) return undefined;
  if (timeZone === 'UTC') return dayString(Math.floor(ms / DAY_MS));
  let zone = zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = new LocalDays(timeZone)));
  return zone.day(ms);
}

/** ISO 8601 week of a day: weeks start on Monday; week 1 is the one holding the year's first Thursday. */
function isoWeek(dayNumber: number): { year: number; week: number } {
  const weekday = (new Date(dayNumber * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = dayNumber - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstOfYear = dayNumberOf(`${pad(year, 4)}-01-01`);
  return { year, week: Math.floor((thursday - firstOfYear) / 7) + 1 };
}

/**
 * The period a day falls in, as a sortable key: day `2024-03-05`, week `2024-W09` (ISO week-year,
 * so 2024-12-30 is `2025-W01`), month `2024-03`, quarter `2024-Q1`, year `2024`.
 */
export function periodOfDay(day: string, unit: PeriodUnit): string | undefined {
  const n = dayNumberOf(day);
  if (Number.isNaN(n)) return undefined;
  switch (unit) {
    case 'day':
      return day;
    case 'week': {
      const { year, week } = isoWeek(n);
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/** The period key of a date or date-time value (see `periodOfDay`, `calendarDay`); undefined when it is not a date. */
export function periodKey(value: unknown, unit: PeriodUnit, timeZone = 'UTC'): string | undefined {
  const day = calendarDay(value, timeZone);
  return day === undefined ? undefined : periodOfDay(day, unit);
}

/** First day (`YYYY-MM-DD`) of a period key made by `periodKey`, or undefined for anything else. */
export function periodStart(key: string, unit: PeriodUnit): string | undefined {
  let match: RegExpExecArray | null;
  switch (unit) {
    case 'day':
      return Number.isNaN(dayNumberOf(key)) ? undefined : key;
    case 'month':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(key) ? `${key}-01` : undefined;
    case 'quarter':
      match = /^(\d{4})-Q([1-4])$/.exec(key);
      return match ? `${match[1]}-${pad((Number(match[2]) - 1) * 3 + 1)}-01` : undefined;
    case 'year':
      return /^\d{4}$/.test(key) ? `${key}-01-01` : undefined;
    case 'week': {
      match = /^(\d{4})-W(\d{2})$/.exec(key);
      if (!match) return undefined;
      const year = Number(match[1]);
      const week = Number(match[2]);
      // Monday of week 1 is the Monday on or before 4 January.
      const jan4 = dayNumberOf(`${match[1]}-01-04`);
      const monday = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + (week - 1) * 7;
      return week >= 1 && isoWeek(monday).year === year ? dayString(monday) : undefined;
    }
  }
}

/** The key of the period after `key`. */
function nextPeriod(key: string, unit: PeriodUnit): string | undefined {
  const start = periodStart(key, unit);
  if (start === undefined) return undefined;
  const n = dayNumberOf(start);
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  switch (unit) {
    case 'day':
      return dayString(n + 1);
    case 'week':
      return periodOfDay(dayString(n + 7), 'week');
    case 'month':
      return month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1)}`;
    case 'quarter': {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return quarter === 4 ? `${pad(year + 1, 4)}-Q1` : `${pad(year, 4)}-Q${quarter + 1}`;
    }
    case 'year':
      return pad(year + 1, 4);
  }
}

/**
 * Every period key from `first` to `last` inclusive, so a time axis shows the empty months too.
 * Empty when either key is not a `unit` key or `last` is before `first`; at most `MAX_PERIODS` keys.
 */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): string[] {
  const keys: string[] = [];
  if (periodStart(first, unit) === undefined || periodStart(last, unit) === undefined) return keys;
  for (let key: string | undefined = first; key !== undefined && key <= last; key = nextPeriod(key, unit)) {
    keys.push(key);
    if (keys.length >= MAX_PERIODS) break;
  }
  return keys;
}
