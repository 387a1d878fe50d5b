/**
 * Period prices (promotions for every customer, yearly agreements with key accounts, a branch's own
 * promotion) and the tracking prices the approved documents set, so every rule of `resolvePrice`
 * has something to answer from in the demo.
 */
import type { SeededCustomer } from './customers.js';
import { dayNumber, isoDate, isoDateTime, money, type Random } from './random.js';

type Row = Record<string, unknown>;

const PROMOTED = ['机油', '滤清器', '轮胎', '蓄电池', '雨刮'];

/**
 * Period prices around `today`: for every customer, a promotion that ends today, one that starts
 * tomorrow, one running and some that are over; for key-account and channel customers, a yearly
 * agreement price; for the Shenzhen branch, its own running promotion.
 */
export function generatePeriodPrices(
  random: Random,
  customers: readonly SeededCustomer[],
  products: readonly Row[],
  today: number,
): Row[] {
  const eligible = products.filter((p) => p.status === 'active' && PROMOTED.includes(String(p.category)));
  const pool = eligible.length ? eligible : products;
  const out: Row[] = [];
  const add = (row: Row) => {
    const created = Math.min(today, dayNumber(String(row.validFrom)) - 5);
    const createdAt = isoDateTime(created, random);
    out.push({ id: `pp-${String(out.length + 1).padStart(5, '0')}`, ...row, createdAt, updatedAt: createdAt });
  };
  const promotion = (name: string, from: number, to: number, count: number, share: number, organisation?: string) => {
    for (const product of random.sample(pool, Math.min(count, pool.length))) {
      add({
        name,
        product: product.id,
        ...(organisation && { organisation }),
        validFrom: isoDate(from),
        validTo: isoDate(to),
        price: money(Math.round(Number(product.directPrice) * share)),
      });
    }
  };
  promotion('国庆保养季', today - 40, today - 20, 6, 90);
  promotion('秋季机油促销（今日截止）', today - 20, today, 6, 88);
  promotion('会员日特价', today - 10, today + 20, 5, 92);
  promotion('冬季养护月（明日开始）', today + 1, today + 30, 6, 85);
  promotion('深圳分公司开业回馈', today - 5, today + 25, 4, 90, '深圳分公司');

  const year = isoDate(today).slice(0, 4);
  const keyAccounts = customers.filter(
    (c) => (c.record.type === 'b2b' || c.record.type === 'channel') && c.record.importance !== 'normal',
  );
  for (const customer of random.sample(keyAccounts, Math.min(25, keyAccounts.length))) {
    for (const product of random.sample(pool, Math.min(2, pool.length))) {
      add({
        name: `${year} 年度协议价`,
        product: product.id,
        customer: customer.record.id,
        validFrom: `${year}-01-01`,
        validTo: `${year}-12-31`,
        price: money(Math.round(Number(product.wholesalePrice) * 97)),
      });
    }
  }
  return out;
}

const TRACKING_KINDS = ['order', 'contract', 'service'];

/**
 * The tracking prices the approved sales documents leave behind, as `trackingPriceUpdates` in
 * @kehu/core computes them on approval: per customer and product, the net unit price (after the
 * line discount, to the cent) of the latest approved order, contract or service document.
 */
export function trackingPrices(documents: readonly Row[]): Row[] {
  const latest = new Map<string, Row>();
  const sorted = documents
    .filter((d) => d.status === 'approved' && TRACKING_KINDS.includes(String(d.kind)) && !d.reverses)
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  for (const document of sorted) {
    for (const line of (document.lines as Row[] | undefined) ?? []) {
      if (typeof line.product !== 'string' || Number(line.quantity) <= 0) continue;
      const net = Number(line.unitPrice) * (1 - Number(line.discount ?? 0) / 100);
      latest.set(`${String(document.customer)}|${line.product}`, {
        customer: document.customer,
        product: line.product,
        price: money(Math.round(Number(net.toPrecision(15)) * 100)),
        date: document.date,
        document: document.id,
        createdAt: document.updatedAt,
        updatedAt: document.updatedAt,
      });
    }
  }
  return [...latest.values()].map((row, i) => ({ id: `tp-${String(i + 1).padStart(6, '0')}`, ...row }));
}
