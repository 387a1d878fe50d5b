/**
 * Query of loss assessments (定损单查询): assessment documents by period, insurer and claim status,
 * each with the claim that uses it and the insurer it was made for.
 */
import type { Store } from '../store/types.js';
import type { ClaimStatus } from './claims.js';

type Row = Record<string, unknown> & { id: string };

export interface AssessmentQuery {
  /** First document date, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last document date, inclusive. */
  to?: string;
  /** Insurer id: the document's own insurer, else its claim's policy's insurer. */
  insurer?: string;
  /** Claim status; `none` for assessments no claim uses yet. */
  status?: ClaimStatus | 'none';
  /** The assessment document's own workflow status. */
  documentStatus?: string;
}

export interface AssessmentRow {
  document: Row;
  claim?: Row;
  policy?: Row;
  /** The insurer id that applies (see {@link AssessmentQuery.insurer}). */
  insurer?: string;
  /** The claim's status, or `none`. */
  status: ClaimStatus | 'none';
}

/**
 * Filters loss assessments (pure): `documents` of any kind (only `loss-assessment` ones count),
 * with the `claims` and `policies` that link them to insurers. Newest document first.
 */
export function filterAssessments(
  data: { documents: readonly Row[]; claims: readonly Row[]; policies: readonly Row[] },
  query: AssessmentQuery = {},
): AssessmentRow[] {
  const claimByDocument = new Map<string, Row>();
  // A document used by several claims (a claim reopened as a new one) shows the latest claim.
  for (const claim of [...data.claims].sort((a, b) => String(a.reportedDate).localeCompare(String(b.reportedDate)))) {
    if (typeof claim.assessment === 'string') claimByDocument.set(claim.assessment, claim);
  }
  const policies = new Map(data.policies.map((p) => [p.id, p]));
  const rows: AssessmentRow[] = [];
  for (const doc of data.documents) {
    if (doc.kind !== 'loss-assessment') continue;
    const date = String(doc.date ?? '');
    if (query.from && date < query.from) continue;
    if (query.to && date > query.to) continue;
    if (query.documentStatus && doc.status !== query.documentStatus) continue;
    const claim = claimByDocument.get(doc.id);
    const policy = claim && typeof claim.policy === 'string' ? policies.get(claim.policy) : undefined;
    const insurer = (doc.insurer as string | undefined) ?? (policy?.insurer as string | undefined);
    if (query.insurer && insurer !== query.insurer) continue;
    const status = (claim?.status as ClaimStatus | undefined) ?? 'none';
    if (query.status && status !== query.status) continue;
    rows.push({
      document: doc,
      status,
      ...(claim && { claim }),
      ...(policy && { policy }),
      ...(insurer && { insurer }),
    });
  }
  const newestFirst = (x: Row, y: Row) =>
    String(y.date).localeCompare(String(x.date)) || String(x.id).localeCompare(String(y.id));
  return rows.sort((a, b) => newestFirst(a.document, b.document));
}

/** {@link filterAssessments} over a store: one query for the period's assessments, one for their claims. */
export async function queryAssessments(store: Store, query: AssessmentQuery = {}): Promise<AssessmentRow[]> {
  if (!store.has('document')) return [];
  const date: Record<string, string> = {};
  if (query.from) date.$gte = query.from;
  if (query.to) date.$lte = query.to;
  const documents = (await store.entity('document').find({
    selector: { kind: 'loss-assessment', ...(Object.keys(date).length && { date }) },
  })) as unknown as Row[];
  if (!documents.length || !store.has('insurance-claim')) {
    return filterAssessments({ documents, claims: [], policies: [] }, query);
  }
  const claims = (await store.entity('insurance-claim').find({
    selector: { assessment: { $in: documents.map((d) => d.id) } },
  })) as unknown as Row[];
  const policyIds = [...new Set(claims.map((c) => c.policy).filter((p): p is string => typeof p === 'string'))];
  const policies =
    policyIds.length && store.has('insurance-policy')
      ? ((await store.entity('insurance-policy').find({ selector: { id: { $in: policyIds } } })) as unknown as Row[])
      : [];
  return filterAssessments({ documents, claims, policies }, query);
}
