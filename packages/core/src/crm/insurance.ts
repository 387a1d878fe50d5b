/**
 * Insurance expiry reminders (保险过期提醒): the policies that run out within the next N days and
 * have not been renewed yet, over plain data or a store.
 */
import type { KehuRecord, Store } from '../store/types.js';

/** An `insurance-policy` record as the reminder reads it. */
export interface PolicyData {
  id: string;
  vehicle: string;
  insurer?: string;
  kind?: string;
  policyNumber?: string;
  startDate: string;
  /** Last day of cover, `YYYY-MM-DD`. */
  endDate: string;
  autoFinance?: boolean;
  [key: string]: unknown;
}

export interface ExpiryOptions {
  /** The day reminders are for, `YYYY-MM-DD`; default: today (UTC). */
  asOf?: string;
  /** How many days ahead a policy's end counts as "expiring". Default 30, the renewal window insurers quote in. */
  leadDays?: number;
  /** Also list policies that ran out up to this many days ago and were not renewed (lapsed). Default 0. */
  lapsedDays?: number;
}

/** A policy due for renewal, with how many days of cover are left (negative once lapsed). */
export interface ExpiringPolicy<P extends PolicyData = PolicyData> {
  policy: P;
  daysLeft: number;
}

/** Default reminder lead for insurance: 30 days. */
export const DEFAULT_INSURANCE_LEAD_DAYS = 30;

const DAY = 86_400_000;
const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The date range whose policy end dates are reminded: `[asOf − lapsedDays, asOf + leadDays]`. */
export function expiryWindow(options: ExpiryOptions = {}): { from: string; to: string; asOf: string } {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const day = dayOf(asOf);
  if (Number.isNaN(day)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${asOf}`);
  const lead = Math.max(0, Math.floor(options.leadDays ?? DEFAULT_INSURANCE_LEAD_DAYS));
  const lapsed = Math.max(0, Math.floor(options.lapsedDays ?? 0));
  return { from: isoDay(day - lapsed), to: isoDay(day + lead), asOf };
}

/**
 * Whether `policy` has been renewed: the same vehicle has a later policy of the same kind (a
 * compulsory policy is renewed by a compulsory one) that starts after it did.
 */
export function isRenewed(policy: PolicyData, all: readonly PolicyData[]): boolean {
  return all.some(
    (other) =>
      other.id !== policy.id &&
      other.vehicle === policy.vehicle &&
      (other.kind ?? '') === (policy.kind ?? '') &&
      other.startDate > policy.startDate,
  );
}

function expiringFrom<P extends PolicyData>(policies: readonly P[], options: ExpiryOptions): ExpiringPolicy<P>[] {
  const { from, to, asOf } = expiryWindow(options);
  const today = dayOf(asOf);
  return policies
    .filter((p) => p.endDate >= from && p.endDate <= to && !isRenewed(p, policies))
    .map((policy) => ({ policy, daysLeft: dayOf(policy.endDate) - today }))
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.policy.id < b.policy.id ? -1 : 1));
}

/**
 * Policies ending within `leadDays` of `asOf` (inclusive; a policy ending on `asOf` has 0 days
 * left) that no later policy of the same vehicle and kind renews, soonest first. Pass every policy
 * of the vehicles concerned (renewals are found among them), or a store.
 */
export function expiringPolicies<P extends PolicyData>(
  policies: readonly P[],
  options?: ExpiryOptions,
): ExpiringPolicy<P>[];
export function expiringPolicies(
  store: Store,
  options?: ExpiryOptions,
): Promise<ExpiringPolicy<KehuRecord<PolicyData>>[]>;
export function expiringPolicies(
  source: readonly PolicyData[] | Store,
  options: ExpiryOptions = {},
): ExpiringPolicy[] | Promise<ExpiringPolicy[]> {
  if (Array.isArray(source)) return expiringFrom(source as readonly PolicyData[], options);
  return expiringInStore(source as Store, options);
}

async function expiringInStore(store: Store, options: ExpiryOptions): Promise<ExpiringPolicy[]> {
  if (!store.has('insurance-policy')) return [];
  const repository = store.entity('insurance-policy');
  const { from, to } = expiryWindow(options);
  // One indexed range query for the candidates, one for their vehicles' other policies (renewals).
  const candidates = (await repository.find({
    selector: { endDate: { $gte: from, $lte: to } },
  })) as unknown as PolicyData[];
  if (!candidates.length) return [];
  const vehicles = [...new Set(candidates.map((p) => p.vehicle))];
  const later = (await repository.find({
    selector: { vehicle: { $in: vehicles }, endDate: { $gt: from } },
  })) as unknown as PolicyData[];
  const byId = new Map([...candidates, ...later].map((p) => [p.id, p]));
  const expiring = expiringFrom([...byId.values()], options);
  const wanted = new Set(candidates.map((p) => p.id));
  return expiring.filter((e) => wanted.has(e.policy.id));
}
