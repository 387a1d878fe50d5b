/**
 * The customer-management side of the seed: the parameters record, the follow-up dictionaries
 * (methods, evaluation categories, questions), level-change history that ends at each changed
 * customer's current level, and return visits after recent approved sales and services — done
 * ones with answers, and open ones due around "today".
 */
import type { SeededCustomer } from './customers.js';
import { byCode, CUSTOMER_LEVELS, PRICE_TIERS } from './dictionaries.js';
import { ORGANISATIONS } from './places.js';
import { isoDate, isoDateTime, type Random } from './random.js';

type Row = Record<string, unknown>;

function entries<T extends Record<string, unknown>>(prefix: string, rows: readonly T[]) {
  return rows.map((row, i) => ({
    id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    ...row,
    order: (i + 1) * 10,
    active: true,
  }));
}

export const FOLLOW_UP_METHODS = entries('fum', [
  { code: 'PHONE', name: '电话回访' },
  { code: 'SMS', name: '短信' },
  { code: 'WECHAT', name: '微信' },
  { code: 'VISIT', name: '上门拜访', description: '大客户与车队客户' },
  { code: 'STORE', name: '到店面谈' },
]);

export const EVALUATION_CATEGORIES = entries('evc', [
  { code: 'VERY-SATISFIED', name: '非常满意', sentiment: 'positive' },
  { code: 'SATISFIED', name: '满意', sentiment: 'positive' },
  { code: 'NEUTRAL', name: '一般', sentiment: 'neutral' },
  { code: 'DISSATISFIED', name: '不满意', sentiment: 'negative', description: '需主管在 3 日内跟进' },
  { code: 'COMPLAINT', name: '投诉', sentiment: 'negative', description: '转客服中心按投诉流程处理' },
]);

export const FOLLOW_UP_QUESTIONS = entries('fuq', [
  { code: 'SVC-QUALITY', name: '您对本次维修保养的质量是否满意？', answerType: 'score', appliesTo: 'service' },
  { code: 'SVC-ONTIME', name: '车辆是否按约定时间交付？', answerType: 'yes-no', appliesTo: 'service' },
  { code: 'SALE-DELIVERY', name: '您对交车过程是否满意？', answerType: 'score', appliesTo: 'sale' },
  { code: 'SALE-EXPLAIN', name: '销售顾问是否讲解了车辆功能和保养要求？', answerType: 'yes-no', appliesTo: 'sale' },
  { code: 'CLAIM-SPEED', name: '您对理赔处理速度是否满意？', answerType: 'score', appliesTo: 'claim' },
  { code: 'RECOMMEND', name: '您是否愿意向亲友推荐本店？', answerType: 'score', appliesTo: 'all' },
  { code: 'SUGGEST', name: '您还有什么意见和建议？', answerType: 'text', appliesTo: 'all' },
]);

/** Return visits three days after a sale or a service, a second one 30 days after a service. */
export const CRM_SETTINGS = {
  id: 'crm-settings-001',
  name: '集团默认参数',
  lostCustomerDays: 365,
  reminderLeadDays: 3,
  followUpWindowDays: 30,
  followUpRules: [
    { documentKind: 'order', days: 3, method: byCode(FOLLOW_UP_METHODS, 'PHONE').id },
    { documentKind: 'contract', days: 7, method: byCode(FOLLOW_UP_METHODS, 'VISIT').id },
    { documentKind: 'service', days: 3, method: byCode(FOLLOW_UP_METHODS, 'PHONE').id },
    { documentKind: 'service', days: 30, method: byCode(FOLLOW_UP_METHODS, 'WECHAT').id },
    { documentKind: 'loss-assessment', days: 7, method: byCode(FOLLOW_UP_METHODS, 'PHONE').id },
  ],
  defaultPriceTiers: ORGANISATIONS.map((organisation) => ({
    organisation,
    priceTier: byCode(PRICE_TIERS, organisation === '总部' ? 'WHOLESALE' : 'DIRECT').id,
  })),
};

const MANAGERS = ['客服主管 梁晓红', '销售经理 郑国庆', '售后经理 许文斌'];
const UPGRADE_REASONS = [
  '年度消费额达到上一级标准',
  '签订年度维保框架协议',
  '推荐多名新客户成交',
  '新增车队车辆 5 台以上',
];
const DOWNGRADE_REASONS = ['连续 12 个月无消费', '年度消费额低于本级标准', '多次逾期付款'];

/**
 * A level history for about one customer in six who has a level: one or two earlier changes, the
 * last of which leads to the level the customer has now, dated after the customer was created.
 */
export function generateLevelChanges(random: Random, customers: readonly SeededCustomer[], today: number): Row[] {
  const levels = [...CUSTOMER_LEVELS].sort((a, b) => a.rank - b.rank);
  const rows: Row[] = [];
  for (const customer of customers) {
    const current = customer.record.level as string | undefined;
    if (!current || today - customer.createdDay < 60 || !random.chance(0.16)) continue;
    const steps = random.chance(0.3) ? 2 : 1;
    let to = levels.findIndex((l) => l.id === current);
    const history: { from: number; to: number }[] = [];
    for (let s = 0; s < steps; s++) {
      // Mostly upgrades: the earlier level is one rank lower (a higher rank number), unless at the bottom.
      const from = to === levels.length - 1 || (to > 0 && random.chance(0.25)) ? to - 1 : to + 1;
      history.unshift({ from, to });
      to = from;
    }
    // Spread the changes over the customer's life so they never share a day (and sort as they happened).
    const start = customer.createdDay + 20;
    const span = today - 1 - start;
    for (const [k, step] of history.entries()) {
      const day = start + Math.floor((span * (k + random.float(0.2, 0.9))) / history.length);
      const upgrade = step.to < step.from;
      rows.push({
        customer: customer.record.id,
        fromLevel: levels[step.from].id,
        toLevel: levels[step.to].id,
        reason: random.pick(upgrade ? UPGRADE_REASONS : DOWNGRADE_REASONS),
        changedBy: random.pick(MANAGERS),
        changedAt: isoDateTime(day, random),
      });
    }
  }
  rows.sort((a, b) => String(a.changedAt).localeCompare(String(b.changedAt)));
  return rows.map((row, i) => ({
    id: `lvc-${String(i + 1).padStart(6, '0')}`,
    ...row,
    createdAt: row.changedAt,
    updatedAt: row.changedAt,
  }));
}

const KIND_OF: Record<string, string> = {
  order: 'sale',
  contract: 'sale',
  service: 'service',
  'loss-assessment': 'claim',
};
const SUBJECT: Record<string, string> = {
  order: '销售回访',
  contract: '合同回访',
  service: '维修回访',
  'loss-assessment': '理赔回访',
};
const GOOD = ['客户对服务表示满意', '车况良好，无异常', '已提醒下次保养时间', '客户表示会推荐朋友来店'];
const BAD = ['客户反映等待时间较长', '客户对工时费有异议，已转主管', '异响未完全排除，已预约返修'];

/**
 * Return visits after the approved sales and services of the last 120 days, per `CRM_SETTINGS`.
 * Ids follow `followUpId` in @kehu/core (`fu-<document>-<days>d`), so generating follow-ups in the
 * demo adds only what is missing. Due more than two weeks ago: mostly done (with method,
 * evaluation and answers), a few cancelled; about half of the last two weeks' and all later ones are open.
 */
export function generateFollowUps(random: Random, documents: readonly Row[], today: number): Row[] {
  const rows: Row[] = [];
  const questions = (kind: string) => FOLLOW_UP_QUESTIONS.filter((q) => q.appliesTo === kind || q.appliesTo === 'all');
  for (const doc of documents) {
    if (doc.status !== 'approved') continue;
    const day = Math.round(Date.parse(`${String(doc.date)}T00:00:00Z`) / 86_400_000);
    if (today - day > 120) continue;
    for (const rule of CRM_SETTINGS.followUpRules) {
      if (rule.documentKind !== doc.kind) continue;
      const due = day + rule.days;
      if (due > today + CRM_SETTINGS.reminderLeadDays) continue;
      const kind = KIND_OF[rule.documentKind];
      const row: Row = {
        id: `fu-${String(doc.id)}-${rule.days}d`,
        subject: `${SUBJECT[rule.documentKind]}：${String(doc.number)}`,
        kind,
        customer: doc.customer,
        ...(doc.vehicle ? { vehicle: doc.vehicle } : {}),
        source: `document:${String(doc.id)}`,
        dueDate: isoDate(due),
        ...(doc.salesRep ? { assignee: doc.salesRep } : {}),
        method: rule.method,
        status: 'open',
      };
      // Older ones were made; of the last two weeks about half are still open (overdue happens).
      if (due < today - 14 || (due < today && random.chance(0.5))) {
        if (random.chance(0.06)) {
          Object.assign(row, { status: 'cancelled', outcome: '多次联系未接通，取消回访' });
        } else {
          const happy = random.chance(0.85);
          const evaluation = happy
            ? random.pick(EVALUATION_CATEGORIES.slice(0, 3))
            : random.pick(EVALUATION_CATEGORIES.slice(3));
          Object.assign(row, {
            status: 'done',
            doneOn: isoDate(Math.min(today, due + random.int(0, 3))),
            method: random.chance(0.8) ? rule.method : random.pick(FOLLOW_UP_METHODS).id,
            evaluation: evaluation.id,
            answers: questions(kind)
              .filter((q) => q.answerType !== 'text' || !happy)
              .map((q) =>
                q.answerType === 'score'
                  ? { question: q.id, score: happy ? random.int(4, 5) : random.int(1, 3) }
                  : q.answerType === 'yes-no'
                    ? { question: q.id, answer: happy || random.chance(0.5) ? '是' : '否' }
                    : { question: q.id, answer: random.pick(BAD) },
              ),
            outcome: random.pick(happy ? GOOD : BAD),
          });
        }
      }
      rows.push(row);
    }
  }
  return rows.sort(
    (a, b) => String(a.dueDate).localeCompare(String(b.dueDate)) || String(a.id).localeCompare(String(b.id)),
  );
}
