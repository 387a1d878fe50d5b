/**
 * Claim status handling (理赔状态处理): reported → assessed → approved → paid → closed, or rejected,
 * each move appended to the claim's own `history` array; and the query of loss assessments (定损单).
 *
 * The history lives on the claim rather than only in the audit trail because it is business data:
 * it carries the reason for a rejection or a reopen, travels with the record through export, import
 * and sync, and shows in the claim's form. The audit trail still records every write besides.
 */
import { KehuError } from '../errors/errors.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { KehuRecord, Store } from '../store/types.js';

export type ClaimStatus = 'reported' | 'assessed' | 'approved' | 'paid' | 'closed' | 'rejected';

/** The forward path; `rejected` branches off it before payment. */
export const CLAIM_STAGES: readonly ClaimStatus[] = ['reported', 'assessed', 'approved', 'paid', 'closed'];

/** Forward moves; anything else is backwards (needs a reopen) or skips a step (refused). */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  reported: ['assessed', 'rejected'],
  assessed: ['approved', 'rejected'],
  approved: ['paid', 'rejected'],
  paid: ['closed'],
  closed: [],
  rejected: [],
};

/** A reopen goes back to one of these, to be worked again from there. */
const REOPEN_TARGETS: readonly ClaimStatus[] = ['reported', 'assessed', 'approved'];

const LABEL: Record<ClaimStatus, LocalizedText> = {
  reported: { 'zh-CN': '已报案', en: 'reported' },
  assessed: { 'zh-CN': '已定损', en: 'assessed' },
  approved: { 'zh-CN': '已核赔', en: 'approved' },
  paid: { 'zh-CN': '已赔付', en: 'paid' },
  closed: { 'zh-CN': '已结案', en: 'closed' },
  rejected: { 'zh-CN': '已拒赔', en: 'rejected' },
};

export interface ClaimHistoryEntry {
  from?: ClaimStatus;
  to: ClaimStatus;
  at: string;
  by?: string;
  reason?: string;
}

export interface ClaimMoveOptions {
  /** Going back to an earlier status, or out of closed/rejected: must be said explicitly. */
  reopen?: boolean;
  /** Why: required to reopen and to reject. */
  reason?: string;
  /** Fields to set with the move, e.g. `{ assessment, assessedAmount }` or `{ paidAmount, paidDate }`. */
  changes?: Record<string, unknown>;
  /** Who moves it; default: the store's user. */
  by?: string;
  /** When; default: now. */
  at?: string;
}

const label = (s: string) => LABEL[s as ClaimStatus] ?? { 'zh-CN': s, en: s };

/** The statuses a claim can move to next (forward), and those a reopen could take it back to. */
export function claimMoves(status: ClaimStatus): { forward: ClaimStatus[]; reopen: ClaimStatus[] } {
  const rank = CLAIM_STAGES.indexOf(status);
  const reopen =
    status === 'rejected' ? [...REOPEN_TARGETS] : REOPEN_TARGETS.filter((s) => CLAIM_STAGES.indexOf(s) < rank);
  return { forward: [...(CLAIM_TRANSITIONS[status] ?? [])], reopen };
}

/**
 * Why the claim cannot move from `from` to `to` with these options (a pure check), or undefined
 * when it can. `claim` is the claim as it would be after the move, for the checks that need data:
 * an assessment document before `assessed`, a paid amount before `paid`.
 */
export function claimTransitionProblem(
  from: ClaimStatus,
  to: ClaimStatus,
  options: Pick<ClaimMoveOptions, 'reopen' | 'reason'> = {},
  claim: Record<string, unknown> = {},
): LocalizedText | undefined {
  if (!LABEL[to]) {
    return { 'zh-CN': `没有「${to}」这种理赔状态。`, en: `"${to}" is not a claim status.` };
  }
  const reason = options.reason?.trim();
  const moves = claimMoves(from);
  if (moves.forward.includes(to) && !options.reopen) {
    if (to === 'rejected' && !reason) return { 'zh-CN': '拒赔须填写原因。', en: 'Rejecting a claim needs a reason.' };
    if (to === 'assessed' && !claim.assessment) {
      return {
        'zh-CN': '请先关联定损单，再将理赔改为“已定损”。',
        en: 'Link the loss assessment document before marking the claim assessed.',
      };
    }
    if (to === 'paid' && typeof claim.paidAmount !== 'number') {
      return {
        'zh-CN': '请先填写赔付金额，再将理赔改为“已赔付”。',
        en: 'Enter the paid amount before marking the claim paid.',
      };
    }
    return undefined;
  }
  if (moves.reopen.includes(to)) {
    if (options.reopen && reason) return undefined;
    return {
      'zh-CN': `理赔不能从「${label(from)['zh-CN']}」退回「${label(to)['zh-CN']}」；如确需退回，请选择“重新打开”并填写原因。`,
      en: `A claim cannot go back from ${label(from).en} to ${label(to).en}; to do so, reopen it and give a reason.`,
    };
  }
  if (from === to) {
    return { 'zh-CN': `理赔已经是「${label(to)['zh-CN']}」。`, en: `The claim is already ${label(to).en}.` };
  }
  const next = moves.forward.map((s) => label(s));
  return {
    'zh-CN': `理赔不能从「${label(from)['zh-CN']}」直接改为「${label(to)['zh-CN']}」${
      next.length ? `；下一步只能是${next.map((n) => `「${n['zh-CN']}」`).join('或')}` : '，该理赔已办结'
    }。`,
    en: `A claim cannot move from ${label(from).en} to ${label(to).en}${
      next.length ? `; next it can only be ${next.map((n) => n.en).join(' or ')}` : ': it is finished'
    }.`,
  };
}

/**
 * The claim after moving it to `to` (pure): status set, `changes` applied and a history entry
 * appended. Throws a `KehuError` (code `claim-transition`) with the localised reason when the move
 * is not allowed.
 */
export function moveClaimData<C extends Record<string, unknown>>(
  claim: C,
  to: ClaimStatus,
  options: ClaimMoveOptions = {},
  locale: 'zh-CN' | 'en' = 'en',
): C & { status: ClaimStatus; history: ClaimHistoryEntry[] } {
  const from = (claim.status ?? 'reported') as ClaimStatus;
  const next = { ...claim, ...options.changes };
  const problem = claimTransitionProblem(from, to, options, next);
  if (problem) throw new KehuError('claim-transition', problem, locale);
  const entry: ClaimHistoryEntry = { from, to, at: options.at ?? new Date().toISOString() };
  if (options.by) entry.by = options.by;
  if (options.reason?.trim()) entry.reason = options.reason.trim().slice(0, 500);
  const history = [...((claim.history as ClaimHistoryEntry[] | undefined) ?? []), entry];
  return { ...next, status: to, history };
}

/** Moves a stored claim (see {@link moveClaimData}); the store validates and audits the write. */
export async function moveClaim(
  store: Store,
  id: string,
  to: ClaimStatus,
  options: ClaimMoveOptions = {},
): Promise<KehuRecord<Record<string, unknown>>> {
  // Untyped on purpose: integrators extend the claim schema with their own fields.
  const repository = store.entity<Record<string, unknown>>('insurance-claim' as string);
  const claim = await repository.get(id);
  if (!claim) {
    throw new KehuError(
      'not-found',
      { 'zh-CN': `找不到 ID 为「${id}」的保险理赔。`, en: `No insurance claim with id "${id}".` },
      store.locale,
    );
  }
  const by = options.by ?? store.user?.name ?? store.user?.id;
  const moved = moveClaimData(claim, to, { ...options, ...(by && { by }) }, store.locale);
  if (options.changes?.assessment) await assertAssessment(store, String(options.changes.assessment));
  const { id: _id, createdAt: _c, updatedAt: _u, ...changes } = moved;
  return repository.patch(id, changes);
}

async function assertAssessment(store: Store, documentId: string): Promise<void> {
  const document = store.has('document') ? await store.entity('document').get(documentId) : null;
  if (document?.kind === 'loss-assessment') return;
  throw new KehuError(
    'claim-transition',
    {
      'zh-CN': `「${documentId}」不是定损单：请选择单据类型为“定损单”的业务单据。`,
      en: `"${documentId}" is not a loss assessment: choose a business document of kind loss assessment.`,
    },
    store.locale,
  );
}
