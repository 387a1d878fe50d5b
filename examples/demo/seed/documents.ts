/** Business documents: quotes, orders, contracts, loss assessments and service orders whose line amounts add up. */
import type { SeededCustomer } from './customers.js';
import { INSURERS } from './dictionaries.js';
import { balanced, priced, type Line } from './document-lines.js';
import { addYears, dayNumber, isoDate, isoDateTime, isoDateTimeAfter, type Random } from './random.js';

type Row = Record<string, unknown>;
type Kind = 'quote' | 'order' | 'contract' | 'loss-assessment' | 'service';

interface Context {
  random: Random;
  today: number;
  byType: Map<string, SeededCustomer[]>;
  owners: Map<string, SeededCustomer>;
  vehicles: readonly Row[];
  goods: readonly Row[];
  byCategory: Map<string, Row[]>;
  services: Map<string, Row>;
}

/** `count` documents over the last eighteen months, numbered DJ{YYYY}{MM}{####} in date order. */
export function generateDocuments(
  random: Random,
  count: number,
  customers: readonly SeededCustomer[],
  vehicles: readonly Row[],
  products: readonly Row[],
  today: number,
): Row[] {
  const goods = products.filter((p) => p.category !== '服务项目');
  const ctx: Context = {
    random,
    today,
    byType: groupBy(customers, (c) => c.record.type),
    owners: new Map(customers.map((c) => [c.record.id, c])),
    vehicles,
    goods,
    byCategory: groupBy(goods, (p) => String(p.category)),
    services: new Map(products.filter((p) => p.category === '服务项目').map((p) => [String(p.name), p])),
  };
  const drafts = Array.from({ length: count }, () => document(ctx));
  drafts.sort((a, b) => (a.date as string).localeCompare(b.date as string));
  const perMonth = new Map<string, number>();
  return drafts.map((doc, i) => {
    const month = (doc.date as string).slice(0, 7).replace('-', '');
    const n = (perMonth.get(month) ?? 0) + 1;
    perMonth.set(month, n);
    return { id: `doc-${String(i + 1).padStart(6, '0')}`, number: `DJ${month}${String(n).padStart(4, '0')}`, ...doc };
  });
}

function document(ctx: Context): Row {
  const { random, today } = ctx;
  const kind = random.weighted<Kind>([
    ['quote', 25],
    ['order', 35],
    ['contract', 8],
    ['loss-assessment', 10],
    ['service', 22],
  ]);
  let day = today - Math.floor(540 * random.next());
  let customer: SeededCustomer;
  let vehicle: Row | undefined;
  if ((kind === 'service' || kind === 'loss-assessment') && ctx.vehicles.length > 0) {
    vehicle = random.pick(ctx.vehicles);
    customer = ctx.owners.get(String(vehicle.owner))!;
    day = Math.max(day, customer.createdDay, dayNumber(String(vehicle.purchaseDate)) + 7);
  } else {
    const weights: [string, number][] =
      kind === 'contract'
        ? [
            ['b2b', 60],
            ['channel', 40],
          ]
        : [
            ['consumer', 40],
            ['b2b', 35],
            ['channel', 25],
          ];
    const pool = ctx.byType.get(random.weighted(weights)) ?? [...ctx.owners.values()];
    customer = random.pick(pool);
    day = Math.max(day, customer.createdDay);
  }
  day = Math.min(day, today);
  const age = today - day;
  const status =
    age > 30
      ? random.weighted([
          ['approved', 78],
          ['rejected', 10],
          ['submitted', 7],
          ['draft', 5],
        ] as const)
      : random.weighted([
          ['draft', 30],
          ['submitted', 35],
          ['approved', 30],
          ['rejected', 5],
        ] as const);
  const lines = linesFor(ctx, kind, customer, day, vehicle);
  const totalCents = lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0);
  const date = isoDate(day);
  const remark = remarkFor(random, kind, status, vehicle);
  const createdAt = isoDateTime(day, random);
  return {
    kind,
    status,
    customer: customer.record.id,
    ...(vehicle && { vehicle: vehicle.id }),
    date,
    dueDate: dueDate(random, kind, date),
    currency: 'CNY',
    lines,
    totalAmount: totalCents / 100,
    ...(remark && { remark }),
    salesRep: customer.record.salesRep,
    createdAt,
    updatedAt: isoDateTimeAfter(createdAt, Math.min(today, day + (status === 'draft' ? 0 : random.int(0, 5))), random),
  };
}

function linesFor(ctx: Context, kind: Kind, customer: SeededCustomer, day: number, vehicle?: Row): Line[] {
  const { random } = ctx;
  const bulk = kind === 'contract' || customer.record.type === 'channel';
  // Discontinued products only turn up on documents from before they were dropped.
  const recent = ctx.today - day < 180;
  // Parts for a vehicle fit its model when the catalogue has one that does.
  const fit = vehicle ? `适用 ${String(vehicle.brand)} ${String(vehicle.model)}` : undefined;
  const pickGood = (category?: string): Row => {
    const all = category ? (ctx.byCategory.get(category) ?? ctx.goods) : ctx.goods;
    const fitting = fit ? all.filter((p) => p.specification === fit) : [];
    const pool = fitting.length > 0 ? fitting : all;
    let product = random.pick(pool);
    for (let i = 0; recent && product.status !== 'active' && i < 10; i++) product = random.pick(pool);
    return product;
  };

  // A product with its quantity, or a line outside the catalogue (body parts, towing) with its price in cents.
  const wanted: [Row | string, number][] = [];
  if (kind === 'service') {
    const job = random.weighted([
      ['maintenance', 50],
      ['tyres', 20],
      ['brakes', 20],
      ['care', 10],
    ] as const);
    if (job === 'maintenance')
      wanted.push([pickGood('机油'), 1], [pickGood('滤清器'), 1], [service(ctx, '小保养工时'), 1]);
    if (job === 'tyres')
      wanted.push(
        [pickGood('轮胎'), random.pick([2, 4])],
        [service(ctx, '四轮定位'), 1],
        [service(ctx, '轮胎动平衡'), 4],
      );
    if (job === 'brakes') wanted.push([pickGood('刹车片'), 1], [service(ctx, '更换刹车片工时'), 1]);
    if (job === 'care') wanted.push([service(ctx, '精致洗车'), 1], [service(ctx, '空调系统清洗'), 1]);
  } else if (kind === 'loss-assessment') {
    for (const part of random.sample(BODY_PARTS, random.int(1, 3))) wanted.push([part[0], part[1] * 100]);
    wanted.push([service(ctx, '钣金修复'), random.int(1, 2)], [service(ctx, '喷漆'), random.int(1, 3)]);
    if (random.chance(0.3)) wanted.push(['拖车费', random.pick([200, 300, 500]) * 100]);
  } else {
    const seen = new Set<Row>();
    for (let i = random.int(1, 6); i > 0; i--) {
      const product = pickGood();
      if (seen.has(product)) continue; // one line per product, as the order screens merge them
      seen.add(product);
      const unit = String(product.unit);
      const qty = bulk
        ? random.int(2, 30) * (unit === 'piece' || unit === 'each' ? 4 : 1)
        : unit === 'each'
          ? random.pick([1, 2, 4])
          : random.int(1, 3);
      wanted.push([product, qty]);
    }
  }
  const lines = wanted
    .slice(0, 6)
    .map(([item, n]) =>
      typeof item === 'string'
        ? priced({ description: item, quantity: 1, unitPrice: n / 100, discount: 0, amount: 0 })
        : line(ctx, customer, item, n, kind),
    );
  return balanced(lines);
}

function service(ctx: Context, name: string): Row {
  // The catalogue always includes every service, but a caller asking for fewer products may cut some.
  return ctx.services.get(name) ?? ctx.random.pick(ctx.goods);
}

function unitPriceFor(customer: SeededCustomer, product: Row): number {
  const { type, importance } = customer.record;
  if (product.category !== '服务项目' && (type === 'channel' || (type === 'b2b' && importance !== 'normal')))
    return Number(product.wholesalePrice);
  if (importance === 'vip' || importance === 'important') return Number(product.memberPrice);
  return Number(product.directPrice);
}

function line(ctx: Context, customer: SeededCustomer, product: Row, quantity: number, kind: Kind): Line {
  const haggles = customer.record.valueType === 'bargain' || kind === 'contract';
  const discount = ctx.random.weighted([
    [0, haggles ? 40 : 80],
    [5, 30],
    [10, haggles ? 20 : 5],
    [15, haggles ? 10 : 1],
  ] as const);
  return priced({
    product: String(product.id),
    description: `${product.name} ${product.specification}`,
    quantity,
    unitPrice: unitPriceFor(customer, product),
    discount,
    amount: 0,
  });
}

function dueDate(random: Random, kind: Kind, date: string): string {
  const day = dayNumber(date);
  switch (kind) {
    case 'quote':
      return isoDate(day + 15);
    case 'order':
      return isoDate(day + random.int(3, 30));
    case 'contract':
      return isoDate(dayNumber(addYears(date, 1)) - 1);
    case 'loss-assessment':
      return isoDate(day + 7);
    case 'service':
      return isoDate(day + random.int(0, 3));
  }
}

function remarkFor(random: Random, kind: Kind, status: string, vehicle?: Row): string | undefined {
  if (status === 'rejected') return random.pick(REJECTIONS);
  if (kind === 'loss-assessment' && vehicle) {
    const policies = (vehicle.insurancePolicies as Row[] | undefined) ?? [];
    const insurer = INSURERS.find((i) => i.id === policies[policies.length - 1]?.insurer);
    return `${insurer?.shortName ?? '保险公司'}定损，报案号 ${random.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 4)}${random.chars('0123456789', 14)}`;
  }
  return random.chance(0.12) ? random.pick(REMARKS) : undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

// prettier-ignore
const BODY_PARTS: readonly (readonly [string, number])[] = [
  ['前保险杠皮（原厂件）', 1850], ['后保险杠皮（原厂件）', 1620], ['左前大灯总成', 2680], ['右前大灯总成', 2680], ['左后视镜总成', 960],
  ['右后视镜总成', 960], ['发动机盖', 2350], ['左前翼子板', 880], ['右前翼子板', 880], ['中网', 720], ['水箱框架', 1280], ['前挡风玻璃', 1500],
];

// prettier-ignore
const REJECTIONS = ['低于最低限价，请重新报价', '客户信用额度不足，请先回款', '配件型号与车型不符，请核对', '缺少客户签字确认', '折扣超出权限，需经理审批'];

// prettier-ignore
const REMARKS = ['客户要求开具增值税专用发票', '分批送货', '含上门安装', '客户自提', '请于周五前发货', '附件为客户签字确认单'];
