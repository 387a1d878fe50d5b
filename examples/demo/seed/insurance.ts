/**
 * Insurance policies and claims: the policies the vehicle generator lays out per yearly term become
 * `insurance-policy` records, and every loss assessment on a covered vehicle gets a claim whose
 * status follows the assessment's age.
 */
import { dayNumber, isoDate, isoDateTime, isoDateTimeAfter, type Random } from './random.js';

type Row = Record<string, unknown>;

/**
 * Moves each vehicle's `insurancePolicies` (the generator's working list) out into policy records
 * with ids `pol-000001`…, and removes the list from the vehicle: policies are records of their own.
 */
export function extractPolicies(vehicles: Row[]): Row[] {
  const policies: Row[] = [];
  for (const vehicle of vehicles) {
    const list = (vehicle.insurancePolicies as Row[] | undefined) ?? [];
    delete vehicle.insurancePolicies;
    for (const policy of list) {
      // Entered a few days before cover starts, when the renewal was sold; never before the vehicle.
      const entered = `${isoDate(dayNumber(String(policy.startDate)) - 3)}T02:00:00.000Z`;
      const createdAt = entered > String(vehicle.createdAt) ? entered : String(vehicle.createdAt);
      policies.push({
        id: `pol-${String(policies.length + 1).padStart(6, '0')}`,
        vehicle: vehicle.id,
        ...policy,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  return policies;
}

// prettier-ignore
const HANDLERS = ['何理赔', '周建华', '林晓燕', '孙志刚'];
// prettier-ignore
const ACCIDENTS = ['倒车时碰撞立柱，前保险杠破损', '追尾前车，前部受损', '停放时被刮擦，左侧车门凹陷', '路口与电动车剐蹭，右前翼子板受损', '暴雨积水，发动机进水', '高速上被飞石击中前挡风玻璃'];
// prettier-ignore
const REFUSALS = ['非保险责任：驾驶证过期', '重复报案', '损失低于免赔额'];

/**
 * A claim for each loss assessment of a vehicle insured on its date, linked to the policy (the
 * commercial one when there is one). Sets the assessment's `insurer` to the policy's. The claim
 * status follows the assessment: not yet approved → reported; then assessed, approved, paid and
 * closed as weeks pass; a few are refused.
 */
export function generateClaims(random: Random, documents: Row[], policies: readonly Row[], today: number): Row[] {
  const byVehicle = new Map<unknown, Row[]>();
  for (const policy of policies) {
    const list = byVehicle.get(policy.vehicle);
    if (list) list.push(policy);
    else byVehicle.set(policy.vehicle, [policy]);
  }
  const claims: Row[] = [];
  for (const document of documents) {
    if (document.kind !== 'loss-assessment' || !document.vehicle) continue;
    const date = String(document.date);
    const covering = (byVehicle.get(document.vehicle) ?? []).filter(
      (p) => String(p.startDate) <= date && date <= String(p.endDate),
    );
    const policy = covering.find((p) => p.kind === 'commercial') ?? covering[0];
    if (!policy) continue;
    document.insurer = policy.insurer;
    const day = dayNumber(date);
    const reported = day - random.int(0, 2);
    const age = today - day;
    const steps: string[] = ['reported'];
    if (document.status === 'approved') {
      if (random.chance(0.06)) steps.push('rejected');
      else {
        steps.push('assessed');
        if (age > 7) steps.push('approved');
        if (age > 20) steps.push('paid');
        if (age > 40) steps.push('closed');
      }
    }
    const handler = random.pick(HANDLERS);
    const history: Row[] = [];
    let at = isoDateTime(reported, random);
    for (let i = 1; i < steps.length; i++) {
      at = isoDateTimeAfter(at, Math.min(today, day + i * 6), random);
      history.push({
        from: steps[i - 1],
        to: steps[i],
        at,
        by: handler,
        ...(steps[i] === 'rejected' && { reason: random.pick(REFUSALS) }),
      });
    }
    const status = steps[steps.length - 1];
    const assessed = ['assessed', 'approved', 'paid', 'closed'].includes(status);
    const paid = status === 'paid' || status === 'closed';
    const createdAt = isoDateTime(reported, random);
    claims.push({
      id: `clm-${String(claims.length + 1).padStart(6, '0')}`,
      number: `LP${date.slice(0, 4)}${String(claims.length + 1).padStart(5, '0')}`,
      policy: policy.id,
      reportNumber: `R${date.replace(/-/g, '')}${random.chars('0123456789', 8)}`,
      accidentDate: isoDate(reported - random.int(0, 1)),
      reportedDate: isoDate(reported),
      description: random.pick(ACCIDENTS),
      assessment: document.id,
      ...(assessed && { assessedAmount: document.totalAmount }),
      ...(paid && {
        paidAmount: document.totalAmount,
        paidDate: String(history.find((h) => h.to === 'paid')?.at).slice(0, 10),
      }),
      status,
      history,
      createdAt,
      updatedAt: history.length ? String(history[history.length - 1].at) : createdAt,
    });
  }
  return claims;
}
