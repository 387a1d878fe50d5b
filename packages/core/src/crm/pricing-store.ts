/**
 * Price resolution over a store: loads what {@link resolvePrice} needs, prices document lines and
 * keeps tracking prices (跟踪价) up to date when documents are approved.
 */
import { clean, roundTo } from '../formula/decimal.js';
import type { KehuRecord, Store } from '../store/types.js';
import {
  resolvePrice,
  type PeriodPriceData,
  type PriceQuery,
  type PriceResolution,
  type PriceTierData,
  type ProductPriceData,
  type TrackingPriceData,
} from './pricing.js';
import { defaultPriceTier, getSettings } from './settings.js';

type Row = Record<string, unknown>;

async function all<T>(store: Store, entity: string, selector: Row = {}): Promise<T[]> {
  return store.has(entity) ? ((await store.entity(entity).find({ selector })) as unknown as T[]) : [];
}

export interface StorePriceOptions {
  /** The organisation's default tier id; default: from the `crm-settings` parameters. */
  defaultTier?: string;
}

/**
 * {@link resolvePrice} over the store's records. Without an `organisation`, the customer's own
 * organisation is used (the branch that sells to them), so a branch's period and tier prices apply.
 */
export async function resolveStoredPrice(
  store: Store,
  query: PriceQuery,
  options: StorePriceOptions = {},
): Promise<PriceResolution & { organisation?: string }> {
  let organisation = query.organisation;
  if (!organisation && query.customer && store.has('customer')) {
    const customer = await store.entity('customer').get(query.customer);
    organisation = (customer?.organisation as string | undefined) || undefined;
  }
  const [periodPrices, trackingPrices, tiers, product] = await Promise.all([
    all<PeriodPriceData>(store, 'period-price', { product: query.product }),
    query.customer
      ? all<TrackingPriceData>(store, 'tracking-price', { customer: query.customer, product: query.product })
      : Promise.resolve([]),
    all<PriceTierData>(store, 'price-tier'),
    store.has('product') ? store.entity('product').get(query.product) : Promise.resolve(null),
  ]);
  const defaultTier = options.defaultTier ?? defaultPriceTier(await getSettings(store), organisation);
  const resolution = resolvePrice(
    { ...query, organisation },
    { periodPrices, trackingPrices, tiers, product: product as unknown as ProductPriceData | null, defaultTier },
  );
  return organisation ? { ...resolution, organisation } : resolution;
}

/** A document line as pricing reads it. */
export interface PricedLine {
  product?: string;
  unitPrice?: number | null;
  [key: string]: unknown;
}

/**
 * The line with its unit price filled in from `resolution`, when the line has a product and no
 * unit price yet; a price someone typed is never overwritten. Returns the line unchanged otherwise.
 */
export function fillLinePrice<L extends PricedLine>(line: L, resolution: PriceResolution): L & PricedLine {
  if (!line.product || (line.unitPrice !== undefined && line.unitPrice !== null) || resolution.price === null) {
    return line;
  }
  return { ...line, unitPrice: resolution.price };
}

/**
 * Prices one line of a document (its customer, date and organisation): what the document screen
 * calls when a line's product is chosen and the unit price is empty. Gives the line back (with the
 * price when one was found) and the resolution, so the screen can say which rule applied.
 */
export async function priceDocumentLine<L extends PricedLine>(
  store: Store,
  doc: { customer?: string; date?: string; organisation?: string },
  line: L,
  options: StorePriceOptions = {},
): Promise<{ line: L & PricedLine; resolution: PriceResolution | null }> {
  if (!line.product || (line.unitPrice !== undefined && line.unitPrice !== null)) return { line, resolution: null };
  const resolution = await resolveStoredPrice(
    store,
    {
      product: line.product,
      customer: doc.customer,
      date: doc.date ?? new Date().toISOString().slice(0, 10),
      organisation: doc.organisation,
    },
    options,
  );
  return { line: fillLinePrice(line, resolution), resolution };
}

/** Document kinds whose approval sets tracking prices: sales, not quotes or insurers' assessments. */
export const TRACKING_DOCUMENT_KINDS: readonly string[] = ['order', 'contract', 'service'];

/** One tracking price to write: `id` set when an existing record is replaced. */
export type TrackingPriceUpdate = Omit<TrackingPriceData, 'id'> & { id?: string };

/**
 * The tracking prices an approved document sets, as a pure function: for each product on the
 * document, its net unit price (unit price less the line discount, to the cent; the last line of a
 * product wins). A reversal, a quote or a document older than the tracking price already stored
 * sets nothing: the tracking price is the customer's latest price, not the latest approval.
 */
export function trackingPriceUpdates(
  doc: Row & { id: string },
  existing: readonly TrackingPriceData[],
  kinds: readonly string[] = TRACKING_DOCUMENT_KINDS,
): TrackingPriceUpdate[] {
  if (doc.reverses || !kinds.includes(String(doc.kind)) || typeof doc.customer !== 'string') return [];
  const date = String(doc.date);
  const byProduct = new Map<string, number>();
  for (const line of (doc.lines as Row[] | undefined) ?? []) {
    if (typeof line.product !== 'string' || typeof line.unitPrice !== 'number') continue;
    if (typeof line.quantity !== 'number' || line.quantity <= 0) continue;
    const discount = typeof line.discount === 'number' ? line.discount : 0;
    byProduct.set(line.product, roundTo(clean(line.unitPrice * (1 - discount / 100)), 2));
  }
  const updates: TrackingPriceUpdate[] = [];
  for (const [product, price] of byProduct) {
    const current = existing.find((t) => t.customer === doc.customer && t.product === product);
    if (current && current.date > date) continue;
    updates.push({
      ...(current && { id: current.id }),
      customer: doc.customer,
      product,
      price,
      date,
      document: doc.id,
    });
  }
  return updates;
}

/**
 * Writes the tracking prices an approved document sets (see {@link trackingPriceUpdates}). Period
 * prices are never touched. Does nothing when the store has no `tracking-price` entity.
 */
export async function updateTrackingPrices(
  store: Store,
  doc: KehuRecord,
  kinds: readonly string[] = TRACKING_DOCUMENT_KINDS,
): Promise<TrackingPriceUpdate[]> {
  if (!store.has('tracking-price') || typeof doc.customer !== 'string') return [];
  const repository = store.entity('tracking-price');
  const existing = (await repository.find({
    selector: { customer: doc.customer },
  })) as unknown as TrackingPriceData[];
  const updates = trackingPriceUpdates(doc as Row & { id: string }, existing, kinds);
  for (const { id, ...fields } of updates) {
    if (id) await repository.patch(id, fields);
    else await repository.insert(fields);
  }
  return updates;
}

/**
 * After `reversed` is reversed, the tracking prices it set fall back to what the customer's other
 * approved, unreversed documents say: the latest such sale of the product, or no tracking price
 * at all. A reversal undoes a sale, so it must not leave its price behind as "the last price".
 */
export async function restoreTrackingPrices(
  store: Store,
  reversed: KehuRecord,
  kinds: readonly string[] = TRACKING_DOCUMENT_KINDS,
): Promise<void> {
  if (!store.has('tracking-price') || typeof reversed.customer !== 'string') return;
  const tracking = store.entity('tracking-price');
  const set = await tracking.find({ selector: { document: reversed.id } });
  if (!set.length) return;
  const documents = await store.entity('document').find({ selector: { customer: reversed.customer } });
  const undone = new Set(documents.map((d) => d.reverses).filter((id): id is string => typeof id === 'string'));
  const standing = documents
    .filter((d) => d.status === 'approved' && !d.reverses && !undone.has(d.id) && d.id !== reversed.id)
    .sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.updatedAt.localeCompare(b.updatedAt));
  for (const entry of set) {
    let latest: TrackingPriceUpdate | undefined;
    for (const doc of standing) {
      const update = trackingPriceUpdates(doc as unknown as Row & { id: string }, [], kinds).find(
        (u) => u.product === entry.product,
      );
      if (update) latest = update;
    }
    if (latest) await tracking.patch(entry.id, { price: latest.price, date: latest.date, document: latest.document });
    else await tracking.remove(entry.id);
  }
}
