import { csvText } from '../export/csv.js';
import { localize, type Locale } from '../i18n/locale.js';
import type { KehuRecord, Store } from '../store/types.js';
import { getSettings } from './settings.js';
import { asOfDay, dayNumber, dayOf } from './settings-days.js';

type Row = Record<string, unknown> & { id: string };
/** Any record with an id: store records of any entity (typed or not) or plain objects. */
type In = { readonly id: string } | { readonly id: string; readonly [key: string]: unknown };

/** The records lost-customer queries read; every list is optional except customers. */
export interface ContactData {
  customers: readonly In[];
  /** Business documents of any kind and status: a quote is contact too. Dated by `date`. */
  documents?: readonly In[];
  /** Activities; only done ones count, dated by `doneOn` (else `dueDate`). */
  activities?: readonly In[];
  /** Follow-ups; only done ones count, dated by `doneOn` (else `dueDate`). */
  followUps?: readonly In[];
}

/** Where a customer's last contact came from. */
export type ContactSource = 'document' | 'activity' | 'follow-up' | 'created';

/** One lost customer: who, when we last had contact and how long ago. */
export interface LostCustomer {
  customer: Row;
  /** Day of the last document or activity, or the day the customer was created when there was none. */
  lastContact: string;
  lastSource: ContactSource;
  /** Whole days from `lastContact` to `asOf`. */
  daysSince: number;
}

export interface LostOptions {
  /** The day the query is made for (`YYYY-MM-DD`); default today. */
  asOf?: string;
  /** Days without contact after which a customer is lost; default: the parameters' `lostCustomerDays`. */
  periodDays?: number;
}

interface Contacts {
  /** Day numbers of every contact, ascending (creation day first). */
  days: number[];
  sources: ContactSource[];
}

const isDone = (record: Row) => record.done === true || record.status === 'done';

/**
 * Every customer's contact days, ascending. A customer's creation counts as its first contact, so
 * a customer added last week is not lost for having no documents yet; contacts of customers not in
 * `customers` (deleted ones) are ignored.
 */
function contactsOf(data: ContactData): Map<string, Contacts> {
  const all = new Map<string, { day: number; source: ContactSource }[]>();
  for (const customer of data.customers as readonly Row[]) {
    const created = dayNumber(customer.createdAt);
    all.set(customer.id, Number.isNaN(created) ? [] : [{ day: created, source: 'created' }]);
  }
  const add = (
    rows: readonly In[] | undefined,
    source: ContactSource,
    date: (r: Row) => unknown,
    keep = (_: Row) => true,
  ) => {
    for (const row of (rows ?? []) as readonly Row[]) {
      const list = all.get(String(row.customer));
      const day = dayNumber(date(row));
      if (list && keep(row) && !Number.isNaN(day)) list.push({ day, source });
    }
  };
  add(data.documents, 'document', (r) => r.date);
  add(data.activities, 'activity', (r) => r.doneOn ?? r.dueDate, isDone);
  add(data.followUps, 'follow-up', (r) => r.doneOn ?? r.dueDate, isDone);
  const out = new Map<string, Contacts>();
  for (const [id, list] of all) {
    list.sort((a, b) => a.day - b.day);
    out.set(id, { days: list.map((c) => c.day), sources: list.map((c) => c.source) });
  }
  return out;
}

/** Index of the last entry ≤ `day` in an ascending list, or -1. */
function lastAtOrBefore(days: number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function checkPeriod(periodDays: number): number {
  if (!Number.isInteger(periodDays) || periodDays < 1) {
    throw new RangeError(`periodDays must be a whole number of days, 1 or more; got ${periodDays}`);
  }
  return periodDays;
}

/**
 * 流失客户 from records in hand (pure): customers whose last contact — a document, a done activity
 * or follow-up, or else their creation — is more than `periodDays` before `asOf`. Contacts dated
 * after `asOf` are not counted (the query asks "as of that day"); customers created after `asOf`
 * are left out. Longest without contact first, then by customer id.
 */
export function findLostCustomers(data: ContactData, options: { asOf: string; periodDays: number }): LostCustomer[] {
  const asOf = dayNumber(asOfDay(options.asOf));
  const period = checkPeriod(options.periodDays);
  const contacts = contactsOf(data);
  const out: LostCustomer[] = [];
  for (const customer of data.customers) {
    const { days, sources } = contacts.get(customer.id)!;
    const i = lastAtOrBefore(days, asOf);
    if (i < 0) continue; // created after asOf, or no creation date and no contact at all
    const daysSince = asOf - days[i];
    if (daysSince > period) out.push({ customer, lastContact: dayOf(days[i]), lastSource: sources[i], daysSince });
  }
  return out.sort((a, b) => b.daysSince - a.daysSince || (a.customer.id < b.customer.id ? -1 : 1));
}

/** Reads customers, documents, done activities and done follow-ups of a store (entities it lacks are skipped). */
export async function contactData(store: Store): Promise<ContactData> {
  const all = async (name: string, selector?: Record<string, unknown>) =>
    store.has(name) ? ((await store.entity(name).find({ selector })) as KehuRecord[]) : [];
  return {
    customers: await all('customer'),
    documents: await all('document'),
    activities: await all('activity', { done: true }),
    followUps: await all('follow-up', { status: 'done' }),
  };
}

/**
 * 流失客户: customers with no document and no activity within the period before `asOf`. Given a
 * store, reads it, and the period defaults to the parameters' lost-customer days; given records
 * (see {@link ContactData}), `periodDays` defaults to 365.
 */
export async function lostCustomers(source: Store | ContactData, options: LostOptions = {}): Promise<LostCustomer[]> {
  const asOf = asOfDay(options.asOf);
  if ('customers' in source && Array.isArray(source.customers)) {
    return findLostCustomers(source, { asOf, periodDays: options.periodDays ?? 365 });
  }
  const store = source as Store;
  const periodDays = options.periodDays ?? (await getSettings(store)).lostCustomerDays;
  return findLostCustomers(await contactData(store), { asOf, periodDays });
}

/** One month of the lost-customer trend. */
export interface LostTrendPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Customers lost as of the month's last day. */
  lost: number;
  /** Customers existing (created) by then. */
  customers: number;
  /** `lost / customers`, 0 when there are none. */
  rate: number;
}

/**
 * Churn risk over time: how many customers counted as lost at the end of each of the `months`
 * months up to `asOf`'s month (the last point is as of `asOf` itself), with the share of all
 * customers existing then. A rising line means contact is slipping.
 */
export function lostCustomerTrend(
  data: ContactData,
  options: { asOf: string; periodDays: number; months?: number },
): LostTrendPoint[] {
  const asOf = asOfDay(options.asOf);
  const period = checkPeriod(options.periodDays);
  const months = Math.max(1, Math.min(120, Math.floor(options.months ?? 12)));
  const contacts = [...contactsOf(data).values()];
  const points: LostTrendPoint[] = [];
  const [year, month] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  for (let back = months - 1; back >= 0; back--) {
    const first = new Date(Date.UTC(year, month - 1 - back, 1));
    const end = back === 0 ? dayNumber(asOf) : dayNumber(new Date(Date.UTC(year, month - back, 0)).toISOString());
    let lost = 0;
    let existing = 0;
    for (const { days } of contacts) {
      const i = lastAtOrBefore(days, end);
      if (i < 0) continue;
      existing++;
      if (end - days[i] > period) lost++;
    }
    points.push({
      month: first.toISOString().slice(0, 7),
      lost,
      customers: existing,
      rate: existing ? lost / existing : 0,
    });
  }
  return points;
}

const HEADERS: Record<string, Record<Locale, string>> = {
  code: { 'zh-CN': '客户编码', en: 'Code' },
  name: { 'zh-CN': '客户名称', en: 'Name' },
  salesRep: { 'zh-CN': '业务员', en: 'Sales rep' },
  lastContact: { 'zh-CN': '最后联系日期', en: 'Last contact' },
  lastSource: { 'zh-CN': '最后联系方式', en: 'Last contact by' },
  daysSince: { 'zh-CN': '未联系天数', en: 'Days without contact' },
};
const SOURCES: Record<ContactSource, Record<Locale, string>> = {
  document: { 'zh-CN': '业务单据', en: 'Document' },
  activity: { 'zh-CN': '客户活动', en: 'Activity' },
  'follow-up': { 'zh-CN': '回访', en: 'Follow-up' },
  created: { 'zh-CN': '建档', en: 'Created' },
};

/** The lost customers as CSV (Excel-ready, UTF-8 with BOM, formula-safe) with headers in `locale`. */
export function lostCustomersCsv(rows: readonly LostCustomer[], locale: Locale = 'zh-CN'): string {
  const keys = Object.keys(HEADERS);
  return csvText([
    keys.map((key) => localize(HEADERS[key], locale)),
    ...rows.map((row) => [
      row.customer.code,
      row.customer.name,
      row.customer.salesRep,
      row.lastContact,
      SOURCES[row.lastSource][locale],
      row.daysSince,
    ]),
  ]);
}
