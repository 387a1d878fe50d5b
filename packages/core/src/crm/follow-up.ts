import { formatReference } from '../entity/polymorphic-reference.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { FollowUp } from '../generated/entities.js';
import type { KehuRecord, Store } from '../store/types.js';
import { getSettings, type CrmParameters, type FollowUpEvent } from './settings.js';
import { addDays, asOfDay, dayNumber } from './settings-days.js';

/** The entity follow-up tasks are stored in. */
export const FOLLOW_UP_ENTITY = 'follow-up';

/** Follow-up kind per document kind: a sale or contract gets a sale visit, and so on. */
const KIND_OF: Record<FollowUpEvent, 'sale' | 'service' | 'claim'> = {
  order: 'sale',
  contract: 'sale',
  service: 'service',
  'loss-assessment': 'claim',
};

const SUBJECT: Record<FollowUpEvent, Record<Locale, string>> = {
  order: { 'zh-CN': '销售回访', en: 'Follow-up after sale' },
  contract: { 'zh-CN': '合同回访', en: 'Follow-up after contract' },
  service: { 'zh-CN': '维修回访', en: 'Follow-up after service' },
  'loss-assessment': { 'zh-CN': '理赔回访', en: 'Follow-up after claim' },
};

/** The fields of a business document the planner reads. */
export interface FollowUpSource {
  id: string;
  kind?: unknown;
  status?: unknown;
  customer?: unknown;
  vehicle?: unknown;
  date?: unknown;
  number?: unknown;
  salesRep?: unknown;
}

/** A follow-up that should exist, ready to insert into `follow-up`. */
export interface PlannedFollowUp {
  /** Derived from the document and the interval, so planning twice gives the same id. */
  id: string;
  customer: string;
  vehicle?: string;
  /** `document:<id>`. */
  source: string;
  kind: 'sale' | 'service' | 'claim';
  subject: string;
  dueDate: string;
  assignee?: string;
  method?: string;
  status: 'open';
}

export interface FollowUpPlanOptions {
  settings: CrmParameters;
  /** The day planning is done for (`YYYY-MM-DD`). */
  asOf: string;
  /** Ids of customers that still exist; documents of others are skipped. Default: every customer counts. */
  liveCustomers?: ReadonlySet<string>;
  /** Language of the subject line. Default zh-CN. */
  locale?: Locale;
}

/** FNV-1a, to keep ids of very long document ids within the store's 64 characters. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** The id of the follow-up `days` after document `documentId`: the same every time. */
export function followUpId(documentId: string, days: number): string {
  const id = `fu-${documentId}-${days}d`;
  return id.length <= 64 ? id : `fu-${documentId.slice(0, 40)}-${shortHash(documentId)}-${days}d`;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * The follow-ups that should exist as of `asOf` (pure; no store): one per approved document and
 * matching interval whose due date (document date + days) is no more than `reminderLeadDays` ahead
 * and no more than `followUpWindowDays` overdue. Drafts, submitted and rejected documents get none
 * (only an approved sale or service happened); documents without a customer or date, and those of
 * customers not in `liveCustomers`, are skipped. Sorted by due date, then id.
 */
export function followUpsDue(documents: Iterable<FollowUpSource>, options: FollowUpPlanOptions): PlannedFollowUp[] {
  const { settings, liveCustomers } = options;
  const asOf = dayNumber(asOfDay(options.asOf));
  const locale = options.locale ?? 'zh-CN';
  const latest = asOf + settings.reminderLeadDays;
  const earliest = asOf - settings.followUpWindowDays;
  const out: PlannedFollowUp[] = [];
  for (const doc of documents) {
    if (doc.status !== 'approved') continue;
    const customer = text(doc.customer);
    const date = dayNumber(doc.date);
    if (!customer || Number.isNaN(date)) continue;
    if (liveCustomers && !liveCustomers.has(customer)) continue;
    for (const rule of settings.followUpRules) {
      if (rule.documentKind !== doc.kind) continue;
      const due = date + rule.days;
      if (due > latest || due < earliest) continue;
      const number = text(doc.number);
      const planned: PlannedFollowUp = {
        id: followUpId(doc.id, rule.days),
        customer,
        source: formatReference('document', doc.id),
        kind: KIND_OF[rule.documentKind],
        subject: `${SUBJECT[rule.documentKind][locale]}${number ? (locale === 'en' ? ` ${number}` : `：${number}`) : ''}`,
        dueDate: addDays(String(doc.date).slice(0, 10), rule.days),
        status: 'open',
      };
      const vehicle = text(doc.vehicle);
      const assignee = text(doc.salesRep);
      if (vehicle) planned.vehicle = vehicle;
      if (assignee) planned.assignee = assignee.slice(0, 50);
      if (rule.method) planned.method = rule.method;
      out.push(planned);
    }
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
}

/** What one run of {@link generateFollowUps} did. */
export interface FollowUpRun {
  /** Follow-ups inserted by this run. */
  created: KehuRecord<FollowUp>[];
  /** Open follow-ups of customers deleted since they were generated, now cancelled. */
  cancelled: KehuRecord<FollowUp>[];
  /** Documents passed over because their customer is deleted. */
  skippedDeletedCustomers: number;
}

/** Cancellation note written on a follow-up whose customer was deleted. */
const CUSTOMER_GONE: Record<Locale, string> = {
  'zh-CN': '客户已删除，回访自动取消。',
  en: 'Cancelled automatically: the customer was deleted.',
};

async function liveIds(store: Store, ids: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const live = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const batch = await store.entity('customer').find({ selector: { id: { $in: unique.slice(i, i + 500) } } });
    for (const record of batch) live.add(record.id);
  }
  return live;
}

/**
 * Creates the follow-up tasks due as of `asOf` per the parameters ({@link followUpsDue}) and
 * returns what it did. Idempotent: each task's id is derived from its document and interval, so a
 * second run (or two tabs at once) creates nothing new, and a task someone deleted is not created
 * again. Documents of deleted customers get no task. A task generated earlier whose customer has
 * since been deleted is cancelled — not deleted, so what was planned stays on record — with a note
 * saying why; restoring the customer does not reopen it.
 */
export async function generateFollowUps(store: Store, options: { asOf?: string } = {}): Promise<FollowUpRun> {
  const asOf = asOfDay(options.asOf);
  const settings = await getSettings(store);
  const run: FollowUpRun = { created: [], cancelled: [], skippedDeletedCustomers: 0 };
  const kinds = [...new Set(settings.followUpRules.map((rule) => rule.documentKind))];
  const followUps = store.entity(FOLLOW_UP_ENTITY);

  if (kinds.length) {
    const days = settings.followUpRules.map((rule) => rule.days);
    const documents = await store.entity('document').find({
      selector: {
        status: 'approved',
        kind: { $in: kinds },
        date: {
          $gte: addDays(asOf, -settings.followUpWindowDays - Math.max(...days)),
          $lte: addDays(asOf, settings.reminderLeadDays - Math.min(...days)),
        },
      },
    });
    const live = await liveIds(store, documents.map((d) => String(d.customer ?? '')).filter(Boolean));
    run.skippedDeletedCustomers = documents.filter((d) => d.customer && !live.has(String(d.customer))).length;
    const planned = followUpsDue(documents, { settings, asOf, liveCustomers: live, locale: store.locale });
    for (const task of planned) {
      try {
        run.created.push(await followUps.insert(task));
      } catch (error) {
        if (error instanceof KehuError && error.code === 'duplicate-id') continue;
        throw error;
      }
    }
  }

  const open = await followUps.find({ selector: { status: 'open' } });
  const live = await liveIds(
    store,
    open.map((f) => String(f.customer)),
  );
  for (const task of open) {
    if (live.has(String(task.customer))) continue;
    const note = CUSTOMER_GONE[store.locale];
    const outcome = task.outcome ? `${String(task.outcome)}\n${note}` : note;
    run.cancelled.push(await followUps.patch(task.id, { status: 'cancelled', outcome: outcome.slice(-2000) }));
  }
  return run;
}

/** What a user records when a follow-up is done. */
export interface FollowUpOutcome {
  /** Follow-up method id (phone, SMS, visit…). Required. */
  method: string;
  /** Evaluation category id. */
  evaluation?: string;
  /** Answers to follow-up questions: question id with a score (1–5) and/or text. */
  answers?: { question: string; score?: number; answer?: string }[];
  outcome?: string;
  /** Default: today. */
  doneOn?: string;
}

/**
 * Closes an open follow-up with its outcome: how it was done, the customer's evaluation, the
 * answers. Refused with a localised message when the follow-up is missing, no longer open, or no
 * method is given; the store validates the rest (a score of 6 is refused per field).
 */
export async function recordFollowUpOutcome(
  store: Store,
  id: string,
  result: FollowUpOutcome,
): Promise<KehuRecord<FollowUp>> {
  const followUps = store.entity(FOLLOW_UP_ENTITY);
  const task = await followUps.get(id);
  const fail = (code: string, en: string, zh: string) => new KehuError(code, { en, 'zh-CN': zh }, store.locale);
  if (!task) throw fail('not-found', `There is no follow-up "${id}".`, `找不到回访「${id}」。`);
  if (task.status !== 'open') {
    throw fail(
      'not-open',
      `The follow-up "${String(task.subject)}" is already ${String(task.status)}; it cannot be recorded again.`,
      `回访「${String(task.subject)}」已${task.status === 'done' ? '完成' : '取消'}，不能再次登记结果。`,
    );
  }
  if (!result.method) {
    throw fail('method-required', 'Choose how the follow-up was made.', '请选择跟踪方式。');
  }
  return followUps.patch(id, {
    status: 'done',
    doneOn: result.doneOn ?? asOfDay(undefined),
    method: result.method,
    evaluation: result.evaluation,
    answers: result.answers,
    outcome: result.outcome,
  });
}
