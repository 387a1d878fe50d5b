/**
 * Price resolution (价格体系) of the wholesale package, as a pure function over data: which price a
 * customer pays for a product on a date, and which rule and record gave it.
 */
import type { LocalizedText } from '../i18n/locale.js';

/** The rules, in priority order; `none` when no rule gave a price. */
export type PriceRule = 'customer-period' | 'all-customer-period' | 'tracking' | 'tier' | 'none';

/** A `period-price` record as the resolver reads it. */
export interface PeriodPriceData {
  id: string;
  product: string;
  /** Absent: every customer. */
  customer?: string;
  /** Absent: every organisation. */
  organisation?: string;
  /** `YYYY-MM-DD`, inclusive. */
  validFrom: string;
  /** `YYYY-MM-DD`, inclusive. */
  validTo: string;
  price: number;
  name?: string;
  updatedAt?: string;
}

/** A `tracking-price` record: the customer's last approved net price for the product. */
export interface TrackingPriceData {
  id: string;
  customer: string;
  product: string;
  price: number;
  date: string;
  document?: string;
}

/** The product fields the tier rule reads. */
export interface ProductPriceData {
  id: string;
  prices?: { tier: string; price: number; organisation?: string }[];
  directPrice?: number;
  wholesalePrice?: number;
  memberPrice?: number;
}

/** A `price-tier` dictionary entry. */
export interface PriceTierData {
  id: string;
  code?: string;
  name?: string;
  kind: 'direct' | 'wholesale' | 'member' | 'custom';
  order?: number;
  active?: boolean;
}

export interface PriceQuery {
  customer?: string;
  product: string;
  /** `YYYY-MM-DD`. */
  date: string;
  organisation?: string;
}

export interface PriceData {
  periodPrices: readonly PeriodPriceData[];
  trackingPrices: readonly TrackingPriceData[];
  product?: ProductPriceData | null;
  tiers: readonly PriceTierData[];
  /** The organisation's default tier id (`crm-settings` → `defaultPriceTiers`); absent: the direct tier. */
  defaultTier?: string;
}

/** Which record gave the price. */
export interface PriceSource {
  entity: 'period-price' | 'tracking-price' | 'product';
  id: string;
  /** For the tier rule: the tier id, and whether it was a price for this organisation only. */
  tier?: string;
  organisationSpecific?: boolean;
  /** For the tracking rule: the document the price was approved on. */
  document?: string;
}

export type PriceResolution =
  | { price: number; rule: Exclude<PriceRule, 'none'>; source: PriceSource; explanation: LocalizedText }
  | { price: null; rule: 'none'; source: null; explanation: LocalizedText };

const applies = (period: PeriodPriceData, query: PriceQuery) =>
  period.product === query.product &&
  period.validFrom <= query.date &&
  query.date <= period.validTo &&
  (period.organisation === undefined || period.organisation === '' || period.organisation === query.organisation);

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * Among periods that all apply, the one that wins: a price for this organisation before one for
 * every organisation; then the latest start (a newer agreement replaces the older one from its
 * first day); then the shortest period (a short promotion inside a long agreement); then the last
 * edited; then the id, so the answer never depends on the order records were read in.
 */
export function comparePeriodPrices(a: PeriodPriceData, b: PeriodPriceData): number {
  const specific = Number(!!b.organisation) - Number(!!a.organisation);
  if (specific) return specific;
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom ? -1 : 1;
  const length = days(a.validFrom, a.validTo) - days(b.validFrom, b.validTo);
  if (length) return length;
  if ((a.updatedAt ?? '') !== (b.updatedAt ?? '')) return (a.updatedAt ?? '') > (b.updatedAt ?? '') ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const yuan = (n: number) => n.toFixed(2);

/** The price a tier gives for the product: this organisation's entry, else the entry for all, else the flat field. */
export function tierPrice(
  product: ProductPriceData,
  tier: PriceTierData,
  organisation: string | undefined,
): { price: number; organisationSpecific: boolean } | undefined {
  const entries = (product.prices ?? []).filter((p) => p.tier === tier.id);
  const own = organisation ? entries.find((p) => p.organisation === organisation) : undefined;
  if (own) return { price: own.price, organisationSpecific: true };
  const all = entries.find((p) => !p.organisation);
  if (all) return { price: all.price, organisationSpecific: false };
  const flat = { direct: product.directPrice, wholesale: product.wholesalePrice, member: product.memberPrice }[
    tier.kind as 'direct'
  ];
  return typeof flat === 'number' ? { price: flat, organisationSpecific: false } : undefined;
}

/** The direct (retail) tier with the lowest order: the fallback when an organisation has no default tier. */
export function directTier(tiers: readonly PriceTierData[]): PriceTierData | undefined {
  return [...tiers]
    .filter((t) => t.kind === 'direct' && t.active !== false)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))[0];
}

/**
 * Resolves a price in the wholesale package's priority order:
 * 1. a period price for this customer (客户期间价);
 * 2. a period price for every customer (全部客户期间价);
 * 3. the customer's tracking price, the last approved one (跟踪价);
 * 4. the organisation's default tier price (默认价格层级), or the direct tier when none is set.
 * Period bounds are inclusive; overlapping periods are ordered by {@link comparePeriodPrices}.
 * Returns the price with the rule and the record that gave it, or `rule: 'none'` saying why not.
 */
export function resolvePrice(query: PriceQuery, data: PriceData): PriceResolution {
  const periods = data.periodPrices.filter((p) => applies(p, query));
  const own = query.customer ? periods.filter((p) => p.customer === query.customer) : [];
  const general = periods.filter((p) => !p.customer);
  for (const [rule, list] of [
    ['customer-period', own],
    ['all-customer-period', general],
  ] as const) {
    const winner = [...list].sort(comparePeriodPrices)[0];
    if (!winner) continue;
    const zh = `${rule === 'customer-period' ? '客户期间价' : '全部客户期间价'}${winner.name ? `「${winner.name}」` : ''}`;
    const en = `${rule === 'customer-period' ? 'Customer period price' : 'All-customer period price'}${winner.name ? ` "${winner.name}"` : ''}`;
    return {
      price: winner.price,
      rule,
      source: { entity: 'period-price', id: winner.id },
      explanation: {
        'zh-CN': `${zh}（${winner.validFrom} 至 ${winner.validTo}）：${yuan(winner.price)}`,
        en: `${en} (${winner.validFrom} to ${winner.validTo}): ${yuan(winner.price)}`,
      },
    };
  }
  const tracking = query.customer
    ? data.trackingPrices
        // The last approved price, whatever date is being priced: one record per customer and product.
        .filter((t) => t.customer === query.customer && t.product === query.product)
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0]
    : undefined;
  if (tracking) {
    return {
      price: tracking.price,
      rule: 'tracking',
      source: { entity: 'tracking-price', id: tracking.id, ...(tracking.document && { document: tracking.document }) },
      explanation: {
        'zh-CN': `跟踪价：该客户 ${tracking.date} 的最近成交价 ${yuan(tracking.price)}`,
        en: `Tracking price: the customer's last approved price, ${yuan(tracking.price)} on ${tracking.date}`,
      },
    };
  }
  const tier = data.defaultTier ? data.tiers.find((t) => t.id === data.defaultTier) : directTier(data.tiers);
  const product = data.product;
  if (!product) return none({ 'zh-CN': '找不到该产品', en: 'The product does not exist' });
  if (!tier) {
    return none({
      'zh-CN': '没有适用的期间价或跟踪价，且未设置默认价格层级',
      en: 'No period or tracking price applies and no default price tier is set',
    });
  }
  const found = tierPrice(product, tier, query.organisation);
  const tierName = tier.name ?? tier.code ?? tier.id;
  if (!found) {
    return none({
      'zh-CN': `没有适用的期间价或跟踪价，且产品没有「${tierName}」价格`,
      en: `No period or tracking price applies and the product has no "${tierName}" price`,
    });
  }
  return {
    price: found.price,
    rule: 'tier',
    source: { entity: 'product', id: product.id, tier: tier.id, organisationSpecific: found.organisationSpecific },
    explanation: {
      'zh-CN': `默认价格层级「${tierName}」${found.organisationSpecific ? `（${query.organisation}）` : ''}：${yuan(found.price)}`,
      en: `Default price tier "${tierName}"${found.organisationSpecific ? ` (${query.organisation})` : ''}: ${yuan(found.price)}`,
    },
  };
}

function none(explanation: LocalizedText): PriceResolution {
  return { price: null, rule: 'none', source: null, explanation };
}
