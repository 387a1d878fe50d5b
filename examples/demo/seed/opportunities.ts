/** Sales opportunities: open deals around the demo's "today", closed ones (won or lost) before it. */
import type { SeededCustomer } from './customers.js';
import { SALES_REPS } from './names.js';
import { isoDate, isoDateTime, isoDateTimeAfter, money, type Random } from './random.js';

type Row = Record<string, unknown>;
type Stage = 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';

/** The probability a sales rep typically enters for each stage. */
const PROBABILITY: Record<Stage, readonly number[]> = {
  lead: [10, 10, 20],
  qualified: [20, 30, 40],
  proposal: [40, 50, 60],
  negotiation: [60, 70, 80, 90],
  won: [100],
  lost: [0],
};

const ALL_REPS = Object.values(SALES_REPS).flat();

/**
 * `count` opportunities for non-internal customers, ids `opp-000001…` in creation order. Open ones
 * expect to close from a month ago (overdue forecasts happen) to five months ahead; closed ones
 * closed within the last year.
 */
export function generateOpportunities(
  random: Random,
  count: number,
  customers: readonly SeededCustomer[],
  products: readonly Row[],
  today: number,
): Row[] {
  const buyers = customers.filter((c) => c.record.type !== 'internal');
  if (count > 0 && buyers.length === 0) throw new RangeError('opportunities need at least one customer');
  const goods = products.filter((p) => p.category !== '服务项目' && p.status === 'active');
  const drafts = Array.from({ length: count }, () => opportunity(random, buyers, goods, today));
  drafts.sort((a, b) => (a.createdAt as string).localeCompare(b.createdAt as string));
  return drafts.map((draft, i) => ({ id: `opp-${String(i + 1).padStart(6, '0')}`, ...draft }));
}

function opportunity(random: Random, buyers: readonly SeededCustomer[], goods: readonly Row[], today: number): Row {
  const customer = random.pick(buyers);
  const stage = random.weighted<Stage>([
    ['lead', 22],
    ['qualified', 18],
    ['proposal', 16],
    ['negotiation', 12],
    ['won', 20],
    ['lost', 12],
  ]);
  const closed = stage === 'won' || stage === 'lost';
  const closeDay = closed ? today - random.int(1, 365) : today + random.int(-30, 150);
  // Opened one to four months before the expected close, never before the customer existed or after today.
  const openedDay = Math.min(today, Math.max(customer.createdDay, closeDay - random.int(30, 120)));
  const product = goods.length > 0 && random.chance(0.7) ? random.pick(goods) : undefined;
  const { type } = customer.record;
  const [topic, low, high] = random.pick(type === 'consumer' ? CONSUMER_DEALS : COMPANY_DEALS);
  // The customer is a field of its own (and on every card), so the name says what is being sold.
  const name = product ? `${String(product.name)} ${String(product.specification ?? '')}`.trim() : topic;
  const createdAt = isoDateTime(openedDay, random);
  const notes = random.chance(0.25) ? random.pick(NOTES[stage]) : undefined;
  return {
    name: name.slice(0, 100),
    customer: customer.record.id,
    ...(random.chance(0.95) && { amount: money(random.int(low, high) * 100) }),
    expectedCloseDate: isoDate(closeDay),
    stage,
    probability: random.pick(PROBABILITY[stage]),
    owner: (customer.record.salesRep as string | undefined) ?? random.pick(ALL_REPS),
    // The sales region is the customer's province (no random draw, so the rest of the seed is unchanged).
    region: customer.city.province,
    ...(product && { product: product.id }),
    ...(notes && { notes }),
    createdAt,
    updatedAt: isoDateTimeAfter(createdAt, Math.min(today, Math.max(openedDay, closeDay)), random),
  };
}

// prettier-ignore
const CONSUMER_DEALS: readonly (readonly [string, number, number])[] = [
  ['新车购置', 80_000, 350_000], ['置换购车', 60_000, 300_000], ['延保套餐', 2_000, 8_000], ['保养套餐', 1_500, 6_000],
  ['续保', 3_000, 12_000], ['精品加装', 1_000, 15_000],
];

// prettier-ignore
const COMPANY_DEALS: readonly (readonly [string, number, number])[] = [
  ['公务用车采购', 300_000, 2_000_000], ['车队年度维保合同', 80_000, 600_000], ['配件年度供货', 50_000, 900_000],
  ['轮胎集中采购', 30_000, 300_000], ['车队保险统保', 60_000, 500_000], ['润滑油年度框架协议', 40_000, 400_000],
];

const NOTES: Record<Stage, readonly string[]> = {
  lead: ['展厅到店客户，留了电话', '老客户转介绍', '线上留资，待首次联系'],
  qualified: ['预算已确认', '决策人已见面', '需求明确，等待方案'],
  proposal: ['已发送报价单，等待反馈', '客户要求比价', '方案需补充售后条款'],
  negotiation: ['客户要求再让 3 个点', '合同条款法务审核中', '付款方式待定'],
  won: ['合同已签，款项到账', '客户已提车', '框架协议已签署'],
  lost: ['价格高于竞品', '客户预算取消', '选择了其他品牌'],
};
