import { DecimalSum } from '../analysis/decimal-sum.js';
import { calendarDay, periodKey, type PeriodUnit } from '../analysis/periods.js';
import type { Selector } from '../store/types.js';

type Row = Record<string, unknown> & { id: string };
/** Any record with an id: store records of any entity (typed or not) or plain objects. */
type In = { readonly id: string } | { readonly id: string; readonly [key: string]: unknown };
const rowsOf = (items: Iterable<In>) => [...items] as unknown as Row[];

/** Activity kinds that are interactions with a customer (requirements 2.3); return visits are follow-ups. */
export const INTERACTION_KINDS: readonly string[] = ['visit', 'call', 'meeting', 'email'];

/** A period and keyword query over interactions or opportunities. */
export interface PeriodQuery {
  /** First day included (`YYYY-MM-DD`); open when absent. */
  from?: string;
  /** Last day included; open when absent. */
  to?: string;
  /** Every word must appear (case-insensitive) in one of the searched fields. */
  keyword?: string;
}

function range(field: string, query: PeriodQuery): Selector {
  const condition: Record<string, string> = {};
  if (query.from) condition.$gte = query.from;
  if (query.to) condition.$lte = query.to;
  return Object.keys(condition).length ? { [field]: condition } : {};
}

/**
 * The store selector for interactions in a period (by planned date), of the given kinds (default
 * {@link INTERACTION_KINDS}): give it to `find` or to `<kehu-record-list>`'s `selector`; the
 * keyword goes to the list's `search`.
 */
export function interactionSelector(query: PeriodQuery & { kinds?: readonly string[] } = {}): Selector {
  return { kind: { $in: [...(query.kinds ?? INTERACTION_KINDS)] }, ...range('dueDate', query) };
}

/** The store selector for opportunities expected to close in a period, optionally of some stages. */
export function opportunitySelector(query: PeriodQuery & { stages?: readonly string[] } = {}): Selector {
  return { ...(query.stages ? { stage: { $in: [...query.stages] } } : {}), ...range('expectedCloseDate', query) };
}

const words = (keyword: string | undefined) => (keyword ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);

function matches(row: Row, fields: readonly string[], keywords: string[]): boolean {
  if (!keywords.length) return true;
  const haystack = fields
    .flatMap((field) => {
      const value = row[field];
      return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
    })
    .join('\n')
    .toLocaleLowerCase();
  return keywords.every((word) => haystack.includes(word));
}

const inPeriod = (value: unknown, query: PeriodQuery) => {
  const day = calendarDay(value);
  if (!day) return !query.from && !query.to;
  return (!query.from || day >= query.from) && (!query.to || day <= query.to);
};

/**
 * Interactions (visits, calls, meetings, e-mails) in a period — by the day they were done, else
 * planned — whose subject, outcome, owner or participants contain every word of the keyword.
 * Sorted by day, newest first. Records without a date match only an open period.
 */
export function findInteractions(
  activities: Iterable<In>,
  query: PeriodQuery & { kinds?: readonly string[] } = {},
): Row[] {
  const kinds = new Set(query.kinds ?? INTERACTION_KINDS);
  const keywords = words(query.keyword);
  const day = (row: Row) => String(row.doneOn ?? row.dueDate ?? '');
  return rowsOf(activities)
    .filter((row) => kinds.has(String(row.kind)))
    .filter((row) => inPeriod(row.doneOn ?? row.dueDate, query))
    .filter((row) => matches(row, ['subject', 'outcome', 'owner', 'participants'], keywords))
    .sort((a, b) => (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : a.id < b.id ? -1 : 1));
}

/** Opportunities expected to close in a period whose name, owner, region or notes contain the keyword. */
export function findOpportunities(opportunities: Iterable<In>, query: PeriodQuery = {}): Row[] {
  const keywords = words(query.keyword);
  return rowsOf(opportunities)
    .filter((row) => inPeriod(row.expectedCloseDate, query))
    .filter((row) => matches(row, ['name', 'owner', 'region', 'notes'], keywords));
}

/** How opportunities are grouped: by period of the expected close date, by product, or by region. */
export type OpportunityDimension = 'period' | 'product' | 'region';

/** One group of the opportunity analysis. */
export interface OpportunityGroup {
  /** Period key (`2026-11`), product id or region; null for opportunities without one. */
  key: string | null;
  count: number;
  /** Total amount, exact to the cent. */
  amount: number;
  /** Amount × probability of the open ones: the forecast. */
  weighted: number;
  won: number;
  lost: number;
  /** Won amount. */
  wonAmount: number;
  /** won / (won + lost); null while none is closed. */
  winRate: number | null;
}

export interface OpportunityAnalysisOptions extends PeriodQuery {
  by: OpportunityDimension;
  /** Period unit when `by` is `period`; default month. */
  unit?: PeriodUnit;
  /** Customers by id, for the region of opportunities that have none of their own. */
  customers?: ReadonlyMap<string, In> | readonly In[];
}

/** A customer's region: the province of its registered address, else of its first address. */
export function customerRegion(record: In | undefined): string | undefined {
  const customer = record as Row | undefined;
  const addresses = Array.isArray(customer?.addresses) ? (customer.addresses as Row[]) : [];
  const address = addresses.find((a) => a.kind === 'registered') ?? addresses[0];
  return typeof address?.province === 'string' && address.province ? address.province : undefined;
}

/**
 * 商机分析 (requirements 2.2): opportunities in the period (by expected close date) grouped by
 * period, product or region — count, amount, probability-weighted forecast of the open ones, won
 * and lost with the win rate. An opportunity's region is its own `region`, else its customer's
 * province (pass `customers`). Groups sorted by key (periods in time order), the null group last.
 */
export function analyseOpportunities(
  opportunities: Iterable<In>,
  options: OpportunityAnalysisOptions,
): OpportunityGroup[] {
  const customers =
    options.customers instanceof Map
      ? options.customers
      : new Map((options.customers as readonly In[] | undefined)?.map((c) => [c.id, c]) ?? []);
  const keyOf = (row: Row): string | null => {
    if (options.by === 'period') return periodKey(row.expectedCloseDate, options.unit ?? 'month') ?? null;
    if (options.by === 'product') return typeof row.product === 'string' && row.product ? row.product : null;
    const own = typeof row.region === 'string' && row.region ? row.region : undefined;
    return own ?? customerRegion(customers.get(String(row.customer))) ?? null;
  };
  const groups = new Map<
    string | null,
    { count: number; amount: DecimalSum; weighted: DecimalSum; won: number; lost: number; wonAmount: DecimalSum }
  >();
  for (const row of findOpportunities(opportunities, { from: options.from, to: options.to })) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = {
        count: 0,
        amount: new DecimalSum(2),
        weighted: new DecimalSum(2),
        won: 0,
        lost: 0,
        wonAmount: new DecimalSum(2),
      };
      groups.set(key, group);
    }
    const amount = typeof row.amount === 'number' && Number.isFinite(row.amount) ? row.amount : 0;
    const probability = typeof row.probability === 'number' ? Math.min(100, Math.max(0, row.probability)) : 0;
    group.count++;
    group.amount.add(amount);
    if (row.stage === 'won') {
      group.won++;
      group.wonAmount.add(amount);
    } else if (row.stage === 'lost') group.lost++;
    else group.weighted.add((amount * probability) / 100);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      count: g.count,
      amount: g.amount.value(),
      weighted: g.weighted.value(),
      won: g.won,
      lost: g.lost,
      wonAmount: g.wonAmount.value(),
      winRate: g.won + g.lost ? g.won / (g.won + g.lost) : null,
    }));
}
