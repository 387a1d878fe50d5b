/**
 * The business-document workflow (单据审核): draft → submitted → approved / rejected, a rejected
 * document edited and submitted again, and corrections of approved documents by reversal (红冲).
 * The store keeps approved documents immutable (`x-kehu.lockedWhen` in document.schema.json);
 * these services are the only sanctioned way to change a document's status.
 */
import { KehuError } from '../errors/errors.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { KehuRecord, Store } from '../store/types.js';
import { restoreTrackingPrices, TRACKING_DOCUMENT_KINDS, updateTrackingPrices } from './pricing-store.js';

export type DocumentStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type DocumentAction = 'submit' | 'approve' | 'reject' | 'reverse';

type Row = Record<string, unknown>;
type DocumentRecord = KehuRecord<Row>;

/** Untyped on purpose: integrators extend the document schema with their own fields. */
const documents = (store: Store) => store.entity<Row>('document' as string);

const FROM: Record<Exclude<DocumentAction, 'reverse'>, DocumentStatus[]> = {
  submit: ['draft', 'rejected'],
  approve: ['submitted'],
  reject: ['submitted'],
};

const STATUS_LABEL: Record<DocumentStatus, LocalizedText> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  approved: { 'zh-CN': '已审核', en: 'approved' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
};

const ACTION_LABEL: Record<DocumentAction, LocalizedText> = {
  submit: { 'zh-CN': '提交', en: 'submitted' },
  approve: { 'zh-CN': '审核', en: 'approved' },
  reject: { 'zh-CN': '驳回', en: 'rejected' },
  reverse: { 'zh-CN': '冲销', en: 'reversed' },
};

/** The actions a document in `status` allows, for showing the right buttons. */
export function documentActions(doc: object): DocumentAction[] {
  const { status: stored, reverses } = doc as Row;
  const status = (stored ?? 'draft') as DocumentStatus;
  const out = (Object.keys(FROM) as (keyof typeof FROM)[]).filter((a) => FROM[a].includes(status)) as DocumentAction[];
  // A reversal is itself never reversed: correct the original again instead.
  if (status === 'approved' && !reverses) out.push('reverse');
  return out;
}

/**
 * Why `action` is not allowed on the document now, or undefined when it is: a pure check that
 * the services below and the screens share.
 */
export function documentActionProblem(
  record: object,
  action: DocumentAction,
  options: { reason?: string } = {},
): LocalizedText | undefined {
  const doc = record as Row;
  const status = (doc.status ?? 'draft') as DocumentStatus;
  const number = String(doc.number ?? doc.id ?? '');
  if (!documentActions(doc).includes(action)) {
    if (action === 'reverse' && doc.reverses) {
      return {
        'zh-CN': `单据 ${number} 本身是冲销单，不能再冲销。`,
        en: `Document ${number} is itself a reversal and cannot be reversed.`,
      };
    }
    return {
      'zh-CN': `单据 ${number} 当前为「${STATUS_LABEL[status]?.['zh-CN'] ?? status}」，不能${ACTION_LABEL[action]['zh-CN']}。`,
      en: `Document ${number} is ${STATUS_LABEL[status]?.en ?? status}; it cannot be ${ACTION_LABEL[action].en}.`,
    };
  }
  if (action === 'submit' && !((doc.lines as unknown[] | undefined) ?? []).length) {
    return {
      'zh-CN': `单据 ${number} 没有明细行，请先添加明细再提交。`,
      en: `Document ${number} has no lines; add lines before submitting it.`,
    };
  }
  if (action === 'reject' && !options.reason?.trim()) {
    return {
      'zh-CN': '驳回须填写审核意见，说明要怎样修改。',
      en: 'Rejecting needs a review comment saying what to change.',
    };
  }
  return undefined;
}

async function load(store: Store, id: string): Promise<DocumentRecord> {
  const doc = await documents(store).get(id);
  if (!doc) {
    throw new KehuError(
      'not-found',
      { 'zh-CN': `找不到 ID 为「${id}」的业务单据。`, en: `No business document with id "${id}".` },
      store.locale,
    );
  }
  return doc;
}

function refuse(problem: LocalizedText | undefined, locale: Locale): void {
  if (problem) throw new KehuError('workflow', problem, locale);
}

/** Submits a draft or rejected document for approval. */
export async function submitDocument(store: Store, id: string): Promise<DocumentRecord> {
  const doc = await load(store, id);
  refuse(documentActionProblem(doc, 'submit'), store.locale);
  return documents(store).patch(id, { status: 'submitted' });
}

export interface ApproveOptions {
  /** Document kinds whose approval updates tracking prices; default {@link TRACKING_DOCUMENT_KINDS}. */
  trackingKinds?: readonly string[];
  /** Optional review comment. */
  comment?: string;
}

/**
 * Approves a submitted document: from now on it cannot be changed or deleted. Its lines become
 * the customer's tracking prices (order, contract and service documents); period prices stay as
 * they are.
 */
export async function approveDocument(store: Store, id: string, options: ApproveOptions = {}): Promise<DocumentRecord> {
  const doc = await load(store, id);
  refuse(documentActionProblem(doc, 'approve'), store.locale);
  const approved = await documents(store).patch(id, {
    status: 'approved',
    ...(options.comment && { reviewComment: options.comment }),
  });
  await updateTrackingPrices(store, approved, options.trackingKinds ?? TRACKING_DOCUMENT_KINDS);
  return approved;
}

/** Rejects a submitted document with a review comment; it can be edited and submitted again. */
export async function rejectDocument(store: Store, id: string, reason: string): Promise<DocumentRecord> {
  const doc = await load(store, id);
  refuse(documentActionProblem(doc, 'reject', { reason }), store.locale);
  return documents(store).patch(id, { status: 'rejected', reviewComment: reason.trim() });
}

/**
 * The reversal of an approved document as data (pure): same kind, customer, vehicle and currency,
 * every line with its quantity negated (so amounts and the total are the original's, negated),
 * `reverses` pointing at the original, approved at once.
 */
export function reversalOf(original: Row & { id: string }, options: { date: string; reason?: string }): Row {
  const lines = ((original.lines as Row[] | undefined) ?? []).map((line) => {
    const copy: Row = { ...line, quantity: -Number(line.quantity) };
    delete copy.amount; // recomputed by the store from the negated quantity
    return copy;
  });
  const number = String(original.number ?? original.id);
  const copied: Row = {};
  for (const key of ['kind', 'customer', 'vehicle', 'insurer', 'currency', 'salesRep']) {
    if (original[key] !== undefined) copied[key] = original[key];
  }
  return {
    ...copied,
    status: 'approved',
    date: options.date,
    lines,
    reverses: original.id,
    remark: options.reason?.trim() ? `冲销 ${number}：${options.reason.trim()}`.slice(0, 1000) : `冲销 ${number}`,
  };
}

/**
 * Reverses an approved document: inserts its reversal (see {@link reversalOf}), already approved.
 * The original stays as it was; a document is reversed at most once. Tracking prices are left
 * alone — a reversal is a correction, not a new price.
 */
export async function reverseDocument(
  store: Store,
  id: string,
  options: { date?: string; reason?: string } = {},
): Promise<DocumentRecord> {
  const original = await load(store, id);
  refuse(documentActionProblem(original, 'reverse'), store.locale);
  const [existing] = await documents(store).find({ selector: { reverses: id }, limit: 1 });
  if (existing) {
    const number = String(original.number ?? id);
    throw new KehuError(
      'workflow',
      {
        'zh-CN': `单据 ${number} 已被 ${String(existing.number ?? existing.id)} 冲销，不能重复冲销。`,
        en: `Document ${number} was already reversed by ${String(existing.number ?? existing.id)}.`,
      },
      store.locale,
    );
  }
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const reversal = await documents(store).insert(reversalOf(original, { date, reason: options.reason }));
  await restoreTrackingPrices(store, original);
  return reversal;
}
