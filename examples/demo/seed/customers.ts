/** Customer archive records: consumers with resident IDs, companies with credit codes, channel partners, internal units. */
import { CUSTOMER_CLASSES, CUSTOMER_LEVELS, byCode } from './dictionaries.js';
import { residentId, uscc } from './ids.js';
import {
  BANKS,
  B2B_INDUSTRIES,
  CHANNEL_INDUSTRIES,
  INTERNAL_UNITS,
  JOB_TITLES,
  SALES_REPS,
  companyEmail,
  companyName,
  landline,
  mobileNumber,
  personName,
  personalEmail,
} from './names.js';
import { BUILDINGS, CITIES, CITY_WEIGHTS, STREETS, type City, type District } from './places.js';
import { isoDate, isoDateTime, isoDateTimeAfter, money, type Random } from './random.js';

export type CustomerType = 'consumer' | 'b2b' | 'channel' | 'internal';

/** A generated customer with what the other generators need to stay consistent with it. */
export interface SeededCustomer {
  record: Record<string, unknown> & { id: string; type: CustomerType; name: string };
  city: City;
  district: District;
  /** Day number the customer was created, so documents and vehicles never predate it. */
  createdDay: number;
  industry?: string;
}

/** A customer before it has its id, code and timestamps. */
type Draft = Omit<SeededCustomer, 'record'> & {
  fields: Record<string, unknown> & { type: CustomerType; name: string };
};

const TYPE_SHARES: readonly (readonly [CustomerType, number])[] = [
  ['consumer', 0.66],
  ['b2b', 0.22],
  ['channel', 0.08],
  ['internal', 0.04],
];

/** `count` customers, oldest first, created over the eight years before `today`. */
export function generateCustomers(random: Random, count: number, today: number): SeededCustomer[] {
  const types = TYPE_SHARES.flatMap(([type, share]) => Array<CustomerType>(Math.round(count * share)).fill(type));
  while (types.length < count) types.push('consumer');
  const shuffled = random.sample(types.slice(0, count), count);

  const names = new Set<string>();
  const drafts = shuffled.map((type) => customer(random, type, today, names));
  drafts.sort((a, b) => a.createdDay - b.createdDay);

  const perYear = new Map<string, number>();
  return drafts.map(({ fields, ...context }, i) => {
    const year = isoDate(context.createdDay).slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const createdAt = isoDateTime(context.createdDay, random);
    const record = {
      id: `cus-${String(i + 1).padStart(6, '0')}`,
      code: `KH${year}${String(n).padStart(5, '0')}`,
      ...fields,
      createdAt,
      updatedAt: isoDateTimeAfter(createdAt, today, random),
    };
    return { record, ...context };
  });
}

function customer(random: Random, type: CustomerType, today: number, names: Set<string>): Draft {
  const city = random.weighted(CITY_WEIGHTS);
  const district = random.pick(city.districts);
  const ageDays = Math.floor(2920 * random.next() ** 1.3);
  const createdDay = today - ageDays;
  const organisation = city.organisation;
  const importance =
    type === 'internal'
      ? 'normal'
      : random.weighted([
          ['vip', type === 'consumer' ? 4 : 10],
          ['important', 20],
          ['normal', type === 'consumer' ? 76 : 70],
        ] as const);
  const levelCode = {
    vip: 'L1',
    important: random.chance(0.7) ? 'L2' : 'L3',
    normal: random.chance(0.3) ? 'L3' : 'L4',
  }[importance];

  const base: Record<string, unknown> = {
    importance,
    loyalty: loyalty(random, ageDays),
    valueType: random.weighted([
      ['lighthouse', 10],
      ['follower', 30],
      ['rational', 40],
      ['bargain', 20],
    ] as const),
    level: byCode(CUSTOMER_LEVELS, levelCode).id,
    currency: 'CNY',
    salesRep: random.pick(SALES_REPS[organisation]),
    organisation,
  };

  if (type === 'consumer') {
    const person = personName(random);
    const birthDay = today - random.int(22 * 365, 68 * 365);
    // One in five was registered elsewhere and moved to the city later.
    const home = random.chance(0.2) ? random.pick(random.pick(CITIES).districts) : district;
    const record = {
      name: person.name,
      type,
      ...base,
      classification: byCode(CUSTOMER_CLASSES, random.chance(0.1) ? 'RIDEHAIL' : 'PERSONAL').id,
      mobile: mobileNumber(random),
      ...(random.chance(0.3) && { email: personalEmail(random) }),
      ...(random.chance(0.75) && { residentId: residentId(home[1], isoDate(birthDay), person.male, random) }),
      ...(random.chance(0.6) && { addresses: [address(random, 'delivery', city, district)] }),
      paymentTerms: 'cash',
      ...(random.chance(0.12) && { remark: random.pick(CONSUMER_REMARKS) }),
    };
    return { fields: record, city, district, createdDay };
  }

  if (type === 'internal') {
    const unit = random.pick(INTERNAL_UNITS);
    const place = city.city.replace(/市$/, '');
    const office = organisation.startsWith(place) ? [] : [`${organisation}${place}办事处`];
    const name = uniqueName([`${organisation}${unit}`, ...office, `${organisation}${district[0]}${unit}`], names);
    const contact = personName(random);
    const record = {
      name,
      type,
      ...base,
      classification: byCode(CUSTOMER_CLASSES, 'INTERNAL').id,
      mobile: mobileNumber(random),
      phone: landline(city.areaCode, random),
      contacts: [{ name: contact.name, title: '部门负责人', mobile: mobileNumber(random), primary: true }],
      paymentTerms: 'monthly',
    };
    return { fields: record, city, district, createdDay };
  }

  const industry = random.pick<string>(type === 'channel' ? CHANNEL_INDUSTRIES : B2B_INDUSTRIES);
  const first = companyName(city.city, industry, random);
  const name = uniqueName(
    [first, companyName(city.city, industry, random), `${first}${district[0].replace(/(区|街道)$/, '')}分公司`],
    names,
  );
  const creditCode = uscc(district[1], random);
  const contacts = Array.from({ length: random.int(1, 3) }, (_, i) => {
    const person = personName(random);
    return {
      name: person.name,
      title: i === 0 ? random.pick(JOB_TITLES.slice(0, 3)) : random.pick(JOB_TITLES),
      mobile: mobileNumber(random),
      ...(random.chance(0.4) && { email: companyEmail(random) }),
      primary: i === 0,
    };
  });
  const registered = address(random, 'registered', city, district);
  const bank = random.pick(BANKS);
  const creditLimit = money(random.int(5, 200) * 1_000_000);
  const record = {
    name,
    type,
    ...base,
    classification: byCode(CUSTOMER_CLASSES, classFor(type, industry, random)).id,
    mobile: contacts[0].mobile,
    phone: landline(city.areaCode, random),
    ...(random.chance(0.7) && { email: companyEmail(random) }),
    creditCode,
    contacts,
    addresses: [
      registered,
      { ...registered, kind: 'invoice' },
      ...(random.chance(0.5) ? [address(random, 'delivery', city, random.pick(city.districts))] : []),
    ],
    bankAccount: {
      bank: `${bank}${city.city.replace(/市$/, '')}${district[0].replace(/(区|街道)$/, '')}支行`,
      accountName: name,
      accountNumber: random.chars('123456789', 1) + random.chars('0123456789', random.int(15, 18)),
    },
    currency: random.chance(0.03) ? random.pick(['HKD', 'USD']) : 'CNY',
    paymentTerms: random.weighted([
      ['monthly', 40],
      ['net30', 30],
      ['net60', 10],
      ['prepaid', 10],
      ['cash', 10],
    ] as const),
    taxNumber: creditCode,
    creditLimit,
    ...(random.chance(0.35) && { creditRecord: creditRecord(random, today) }),
  };
  return { fields: record, city, district, createdDay, industry };
}

function loyalty(random: Random, ageDays: number): string {
  if (ageDays < 365) return random.chance(0.7) ? 'new' : 'potential';
  if (ageDays < 4 * 365)
    return random.weighted([
      ['old', 70],
      ['loyal', 20],
      ['potential', 10],
    ] as const);
  return random.chance(0.5) ? 'loyal' : 'old';
}

function classFor(type: CustomerType, industry: string, random: Random): string {
  if (type === 'channel')
    return industry === '汽配' || industry === '汽车用品' || industry === '轮胎' ? 'PARTS' : 'GARAGE';
  if (['物流', '运输', '汽车租赁', '出租汽车'].includes(industry)) return 'LOGISTICS';
  return random.chance(0.15) ? 'GOV' : 'FLEET';
}

function address(random: Random, kind: string, city: City, district: District): Record<string, unknown> {
  const building = random.chance(0.4)
    ? `${random.pick(BUILDINGS)}${random.int(1, 28)}${String(random.int(1, 20)).padStart(2, '0')}室`
    : '';
  return {
    kind,
    province: city.province,
    city: city.city,
    district: district[0],
    street: `${random.pick(STREETS)}${random.int(1, 888)}号${building}`,
    postalCode: city.postalCode,
  };
}

/**
 * The first name in `candidates` nobody has yet, else the last one numbered. Names stay unique
 * because the de-duplication screens would otherwise flag accidental twins in the demo.
 */
function uniqueName(candidates: readonly string[], taken: Set<string>): string {
  let name = candidates.find((candidate) => !taken.has(candidate));
  for (let n = 2; name === undefined; n++) {
    const numbered = `${candidates[candidates.length - 1]}${n}`;
    if (!taken.has(numbered)) name = numbered;
  }
  taken.add(name);
  return name;
}

function creditRecord(random: Random, today: number): string {
  const lines: string[] = [];
  for (let i = random.int(1, 3); i > 0; i--) {
    const month = isoDate(today - random.int(30, 1000)).slice(0, 7);
    lines.push(`${month} ${random.pick(CREDIT_EVENTS).replace('{n}', String(random.int(5, 45)))}`);
  }
  return lines.sort().join('\n');
}

// prettier-ignore
const CREDIT_EVENTS = [
  '逾期 {n} 天付款，已结清。', '按期付款，无逾期。', '申请提高信用额度，经审批通过。', '对账差异 {n} 元，已核销。',
  '发票延迟寄送导致付款推迟 {n} 天。', '月结账款按时回款。',
];

// prettier-ignore
const CONSUMER_REMARKS = [
  '偏好周末到店保养', '对价格敏感，关注促销活动', '家中另有一辆车在外地使用', '要求保养前电话预约',
  '只接受短信通知，勿电话打扰', '老客户介绍', '车辆曾在外地 4S 店保养', '希望代办年检',
];
