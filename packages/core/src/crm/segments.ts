import { DecimalSum } from '../analysis/decimal-sum.js';
import type { LocalizedText } from '../i18n/locale.js';
import { asOfDay, dayNumber } from './settings-days.js';

type Row = Record<string, unknown> & { id: string };
/** Any record with an id: store records of any entity (typed or not) or plain objects. */
type In = { readonly id: string } | { readonly id: string; readonly [key: string]: unknown };

/**
 * Document kinds that are sales: an order, a contract, a service order. Quotes are offers and loss
 * assessments are estimates for an insurer, so neither is revenue.
 */
export const SALE_KINDS: readonly string[] = ['order', 'contract', 'service'];

/** What the segmentation reads: customers, and their documents (only approved sales count). */
export interface SalesData {
  customers: readonly In[];
  documents: readonly In[];
  /** Document kinds counted as sales; default {@link SALE_KINDS}. */
  kinds?: readonly string[];
}

/** A customer's purchases up to `asOf`. */
export interface Purchases {
  customer: Row;
  /** Approved sales up to `asOf`. */
  frequency: number;
  /** Their total, exact to the cent. */
  monetary: number;
  /** Days since the last one; null when there was none. */
  recency: number | null;
  lastPurchase: string | null;
}

/** Approved sales per customer up to `asOf` (documents of customers not listed are ignored). */
export function purchasesOf(data: SalesData, asOf: string): Purchases[] {
  const today = dayNumber(asOfDay(asOf));
  const kinds = new Set(data.kinds ?? SALE_KINDS);
  const by = new Map<string, { count: number; sum: DecimalSum; last: number }>();
  for (const c of data.customers) by.set(c.id, { count: 0, sum: new DecimalSum(2), last: NaN });
  for (const doc of data.documents as readonly Row[]) {
    if (doc.status !== 'approved' || !kinds.has(String(doc.kind))) continue;
    const entry = by.get(String(doc.customer));
    const day = dayNumber(doc.date);
    if (!entry || Number.isNaN(day) || day > today) continue;
    entry.count++;
    const amount = doc.totalAmount;
    if (typeof amount === 'number' && Number.isFinite(amount)) entry.sum.add(amount);
    if (!(entry.last >= day)) entry.last = day;
  }
  return data.customers.map((customer) => {
    const { count, sum, last } = by.get(customer.id)!;
    const bought = count > 0;
    return {
      customer,
      frequency: count,
      monetary: sum.value(),
      recency: bought ? today - last : null,
      lastPurchase: bought ? new Date(last * 86_400_000).toISOString().slice(0, 10) : null,
    };
  });
}

/**
 * Quintile scores 1–5 by mid-percentile: a value's score is `floor(5 × p) + 1` where `p` is the
 * share of values below it plus half the share equal to it. Equal values always get the same score
 * (ties never split across quintiles, whatever the order), a lone value or all-equal values score 3,
 * and ten distinct values score 1,1,2,2,3,3,4,4,5,5. `higherIsBetter: false` reverses the scale
 * (recency: fewer days is better).
 */
export function quintileScores(values: readonly number[], higherIsBetter = true): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const equal = new Map<number, number>();
  for (const v of values) equal.set(v, (equal.get(v) ?? 0) + 1);
  return values.map((v) => {
    const p = (below(v) + equal.get(v)! / 2) / n;
    const score = Math.min(5, Math.floor(p * 5) + 1);
    return higherIsBetter ? score : 6 - score;
  });
}

/** The RFM segments: the eight of the classic high/low R×F×M model, and customers who never bought. */
export type RfmSegment =
  | 'important-value'
  | 'important-develop'
  | 'important-keep'
  | 'important-retain'
  | 'general-value'
  | 'general-develop'
  | 'general-keep'
  | 'general-retain'
  | 'no-purchase';

/** Segment names in zh-CN (the names Chinese CRM manuals use) and en. */
export const RFM_SEGMENT_LABELS: Record<RfmSegment, LocalizedText> = {
  'important-value': { 'zh-CN': '重要价值客户', en: 'Champions' },
  'important-develop': { 'zh-CN': '重要发展客户', en: 'Promising big spenders' },
  'important-keep': { 'zh-CN': '重要保持客户', en: 'Big spenders slipping away' },
  'important-retain': { 'zh-CN': '重要挽留客户', en: 'Big spenders to win back' },
  'general-value': { 'zh-CN': '一般价值客户', en: 'Loyal small spenders' },
  'general-develop': { 'zh-CN': '一般发展客户', en: 'New or occasional buyers' },
  'general-keep': { 'zh-CN': '一般保持客户', en: 'Regulars slipping away' },
  'general-retain': { 'zh-CN': '一般挽留客户', en: 'Lapsed small spenders' },
  'no-purchase': { 'zh-CN': '无消费客户', en: 'No purchases' },
};

/** One customer's RFM: raw values, 1–5 scores (null without purchases) and segment. */
export interface RfmScore extends Purchases {
  r: number | null;
  f: number | null;
  m: number | null;
  segment: RfmSegment;
}

/** A score of 4 or 5 (the top two quintiles) counts as high. */
const HIGH = 4;

function segmentOf(r: number, f: number, m: number): RfmSegment {
  const key = `${m >= HIGH ? 'important' : 'general'}-${r >= HIGH ? (f >= HIGH ? 'value' : 'develop') : f >= HIGH ? 'keep' : 'retain'}`;
  return key as RfmSegment;
}

/**
 * RFM scores and segments from approved sales up to `asOf`: recency (days since the last sale),
 * frequency (number of sales), monetary (their total). Customers who bought are scored 1–5 among
 * themselves by {@link quintileScores}; each is then high (4–5) or low on R, F and M, giving the
 * eight classic segments (重要价值客户 = high on all three …). Customers without a sale are
 * `no-purchase` with null scores. In the customers' order.
 */
export function rfmScores(data: SalesData, options: { asOf: string }): RfmScore[] {
  const purchases = purchasesOf(data, options.asOf);
  const buyers = purchases.filter((p) => p.frequency > 0);
  const r = quintileScores(
    buyers.map((p) => p.recency!),
    false,
  );
  const f = quintileScores(buyers.map((p) => p.frequency));
  const m = quintileScores(buyers.map((p) => p.monetary));
  const scored = new Map(buyers.map((p, i) => [p.customer.id, { r: r[i], f: f[i], m: m[i] }]));
  return purchases.map((p) => {
    const s = scored.get(p.customer.id);
    return s
      ? { ...p, ...s, segment: segmentOf(s.r, s.f, s.m) }
      : { ...p, r: null, f: null, m: null, segment: 'no-purchase' };
  });
}

/** How many customers are in each segment, every segment listed (zero included), in the order above. */
export function segmentCounts(scores: readonly RfmScore[]): { segment: RfmSegment; count: number }[] {
  const counts = new Map<RfmSegment, number>(Object.keys(RFM_SEGMENT_LABELS).map((s) => [s as RfmSegment, 0]));
  for (const s of scores) counts.set(s.segment, counts.get(s.segment)! + 1);
  return [...counts].map(([segment, count]) => ({ segment, count }));
}

/** Value tier by share of revenue: A makes the first 80 %, B the next 15 %, C the rest; none bought nothing. */
export type ValueTier = 'A' | 'B' | 'C' | 'none';

export const VALUE_TIER_LABELS: Record<ValueTier, LocalizedText> = {
  A: { 'zh-CN': 'A 类（高价值）', en: 'A (high value)' },
  B: { 'zh-CN': 'B 类（中价值）', en: 'B (medium value)' },
  C: { 'zh-CN': 'C 类（低价值）', en: 'C (low value)' },
  none: { 'zh-CN': '无贡献', en: 'No revenue' },
};

/** One customer in the Pareto analysis. */
export interface ParetoRow {
  customer: Row;
  revenue: number;
  /** Share of total revenue, 0–1. */
  share: number;
  /** Share of revenue of every customer with more revenue than this one, plus this one's. */
  cumulativeShare: number;
  tier: ValueTier;
}

export interface ParetoResult {
  /** Customers by revenue, highest first (ties by id), every customer included. */
  rows: ParetoRow[];
  total: number;
  /** The customers who make 80 % of revenue (tier A). */
  vital: ParetoRow[];
  /** `vital.length` as a share of all customers, 0–1. */
  vitalShare: number;
}

/**
 * Pareto (80/20) and value tiers over approved sales up to `asOf`. A customer is in tier A when
 * the customers with strictly more revenue make less than 80 % of the total — so customers with
 * equal revenue always share a tier, whatever their order — B under 95 %, C otherwise; customers
 * with no revenue are `none`. With no revenue at all, every customer is `none`.
 */
export function paretoAnalysis(data: SalesData, options: { asOf: string; threshold?: number }): ParetoResult {
  const threshold = options.threshold ?? 0.8;
  const purchases = purchasesOf(data, options.asOf).sort(
    (a, b) => b.monetary - a.monetary || (a.customer.id < b.customer.id ? -1 : 1),
  );
  const totalSum = new DecimalSum(2);
  for (const p of purchases) totalSum.add(p.monetary);
  const total = totalSum.value();
  const rows: ParetoRow[] = [];
  const above = new DecimalSum(2); // revenue of customers strictly above the current value
  const running = new DecimalSum(2);
  let i = 0;
  while (i < purchases.length) {
    // One group of equal revenue at a time, so ties are tiered together.
    let j = i;
    while (j < purchases.length && purchases[j].monetary === purchases[i].monetary) j++;
    const before = total > 0 ? above.value() / total : 1;
    for (let k = i; k < j; k++) {
      const p = purchases[k];
      running.add(p.monetary);
      const tier: ValueTier =
        p.monetary <= 0 || total <= 0 ? 'none' : before < threshold ? 'A' : before < 0.95 ? 'B' : 'C';
      rows.push({
        customer: p.customer,
        revenue: p.monetary,
        share: total > 0 ? p.monetary / total : 0,
        cumulativeShare: total > 0 ? running.value() / total : 0,
        tier,
      });
    }
    for (let k = i; k < j; k++) above.add(purchases[k].monetary);
    i = j;
  }
  const vital = rows.filter((row) => row.tier === 'A');
  return { rows, total, vital, vitalShare: rows.length ? vital.length / rows.length : 0 };
}

/** Customers per value tier, every tier listed. */
export function valueTierCounts(result: ParetoResult): { tier: ValueTier; count: number; revenue: number }[] {
  return (Object.keys(VALUE_TIER_LABELS) as ValueTier[]).map((tier) => {
    const rows = result.rows.filter((row) => row.tier === tier);
    const sum = new DecimalSum(2);
    for (const row of rows) sum.add(row.revenue);
    return { tier, count: rows.length, revenue: sum.value() };
  });
}
