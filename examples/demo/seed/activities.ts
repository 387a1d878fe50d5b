/**
 * Customer activities (visits, calls, meetings, emails, return visits): the last two months mostly
 * done, some overdue, and the next two months planned, so due lists always have all four groups.
 */
import type { SeededCustomer } from './customers.js';
import { SALES_REPS, personName } from './names.js';
import { isoDate, isoDateTime, isoDateTimeAfter, type Random } from './random.js';

type Row = Record<string, unknown>;
type Kind = 'visit' | 'call' | 'meeting' | 'email' | 'follow-up';

const ALL_REPS = Object.values(SALES_REPS).flat();

/** `count` activities due from 60 days before `today` to 60 days after, ids `act-000001…` by due date. */
export function generateActivities(
  random: Random,
  count: number,
  customers: readonly SeededCustomer[],
  vehicles: readonly Row[],
  opportunities: readonly Row[],
  today: number,
): Row[] {
  if (count > 0 && customers.length === 0) throw new RangeError('activities need at least one customer');
  const byId = new Map(customers.map((c) => [c.record.id, c]));
  const vehiclesOf = new Map<string, Row[]>();
  for (const vehicle of vehicles) {
    const owner = String(vehicle.owner);
    vehiclesOf.set(owner, [...(vehiclesOf.get(owner) ?? []), vehicle]);
  }
  const openDeals = opportunities.filter((o) => o.stage !== 'won' && o.stage !== 'lost');
  const drafts = Array.from({ length: count }, () => {
    // A third of the activities work an open opportunity; the rest are service follow-ups and visits.
    const deal = openDeals.length > 0 && random.chance(0.33) ? random.pick(openDeals) : undefined;
    const customer = deal ? byId.get(String(deal.customer))! : random.pick(customers);
    return activity(random, customer, vehiclesOf.get(customer.record.id) ?? [], deal, today);
  });
  drafts.sort((a, b) => (a.dueDate as string).localeCompare(b.dueDate as string));
  return drafts.map((draft, i) => ({ id: `act-${String(i + 1).padStart(6, '0')}`, ...draft }));
}

function activity(
  random: Random,
  customer: SeededCustomer,
  owned: readonly Row[],
  deal: Row | undefined,
  today: number,
): Row {
  const vehicle = !deal && owned.length > 0 && random.chance(0.7) ? random.pick(owned) : undefined;
  const kind: Kind = vehicle
    ? random.weighted<Kind>([
        ['follow-up', 60],
        ['call', 30],
        ['visit', 10],
      ])
    : random.weighted<Kind>([
        ['visit', 25],
        ['call', 30],
        ['meeting', 20],
        ['email', 15],
        ['follow-up', 10],
      ]);
  // Spread over four months, with a third in the fortnight around today, where a due list does its work.
  const offset = random.chance(0.33) ? random.int(-7, 14) : random.int(-60, 60);
  const dueDay = Math.max(customer.createdDay, today + offset);
  // Past items are mostly done; a fifth stay open as the overdue ones. A few of today's are done already.
  const done = dueDay < today ? random.chance(0.8) : dueDay === today && random.chance(0.3);
  const doneDay = done
    ? Math.min(
        today,
        dueDay +
          random.weighted([
            [0, 6],
            [1, 2],
            [3, 1],
          ] as const),
      )
    : undefined;
  const plate = vehicle?.plate ? ` ${String(vehicle.plate)}` : '';
  const subject = deal
    ? `${random.pick(DEAL_SUBJECTS[kind])}：${String(deal.name)}`
    : `${random.pick(SUBJECTS[kind])}${plate}`;
  const participants = kind === 'meeting' || kind === 'visit' ? participantsFor(random) : undefined;
  const createdDay = Math.min(today, Math.max(customer.createdDay, dueDay - random.int(1, 30)));
  const createdAt = isoDateTime(createdDay, random);
  return {
    kind,
    subject: subject.slice(0, 100),
    customer: customer.record.id,
    ...(vehicle && { vehicle: vehicle.id }),
    ...(deal && { opportunity: deal.id }),
    dueDate: isoDate(dueDay),
    done,
    ...(doneDay !== undefined && { doneOn: isoDate(doneDay), outcome: random.pick(OUTCOMES[kind]) }),
    ...(participants && { participants }),
    owner: (customer.record.salesRep as string | undefined) ?? random.pick(ALL_REPS),
    createdAt,
    updatedAt: isoDateTimeAfter(createdAt, Math.max(createdDay, doneDay ?? createdDay), random),
  };
}

function participantsFor(random: Random): string[] {
  return Array.from({ length: random.int(1, 3) }, () => personName(random).name);
}

const SUBJECTS: Record<Kind, readonly string[]> = {
  visit: ['上门拜访', '年度客户拜访', '走访了解用车需求', '节日上门慰问'],
  call: ['电话回访满意度', '电话提醒保养到期', '电话提醒续保', '电话确认预约'],
  meeting: ['年度合作洽谈会', '季度业务回顾会', '新品推介会'],
  email: ['发送产品资料', '发送对账单', '发送活动邀请函'],
  'follow-up': ['保养后回访', '维修后回访', '首保提醒回访', '保险到期提醒'],
};

const DEAL_SUBJECTS: Record<Kind, readonly string[]> = {
  visit: ['拜访决策人', '上门演示方案'],
  call: ['电话跟进', '确认报价反馈'],
  meeting: ['方案沟通会', '商务谈判'],
  email: ['发送报价单', '发送合同草稿'],
  'follow-up': ['跟进进展'],
};

const OUTCOMES: Record<Kind, readonly string[]> = {
  visit: ['客户接待良好，已了解需求', '客户不在，已留资料', '客户有增购意向，下周报价'],
  call: ['客户满意，无其他需求', '已预约本周六到店', '电话未接通，改日再联系', '客户表示暂不需要'],
  meeting: ['双方确认合作方向', '客户要求补充方案', '已达成初步意向'],
  email: ['客户已回复确认', '已发送，等待回复'],
  'follow-up': ['客户对服务满意', '客户反映等待时间较长，已致歉', '已提醒客户按时保养', '客户已在他处投保'],
};
