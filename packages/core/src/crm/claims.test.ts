import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedStore } from '../test-support/shipped-store.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { claimMoves, claimTransitionProblem, moveClaim, moveClaimData } from './claims.js';
import { queryAssessments } from './claims-query.js';

const EXTRA = ['insurance-policy', 'insurance-claim'];

async function claimsDesk(locale: Locale = 'zh-CN') {
  const store = await shippedStore('claims', EXTRA, {
    locale,
    user: { id: 'u-he', name: '何理赔' },
  });
  const [picc, pingan] = await Promise.all([
    store.entity('insurer').insert({ code: 'PICC', name: '中国人民财产保险股份有限公司', shortName: '人保财险' }),
    store.entity('insurer').insert({ code: 'PAIC', name: '中国平安财产保险股份有限公司', shortName: '平安产险' }),
  ]);
  const owner = await store.entity('customer').insert({ name: '黄晓明', type: 'consumer' });
  const car = await store.entity('vehicle').insert({ vin: 'LSVAM4187C2184847', plate: '粤B8K217', owner: owner.id });
  const policy = await store.entity('insurance-policy').insert({
    vehicle: car.id,
    insurer: picc.id,
    policyNumber: 'PDAA202644030000123456',
    kind: 'commercial',
    startDate: '2026-03-01',
    endDate: '2027-02-28',
    premium: 4280.5,
  });
  const assessment = await store.entity('document').insert({
    kind: 'loss-assessment',
    customer: owner.id,
    vehicle: car.id,
    date: '2026-10-09',
    lines: [
      { description: '前保险杠皮（原厂件）', quantity: 1, unitPrice: 1850 },
      { description: '钣金喷漆工时', quantity: 3, unitPrice: 260 },
    ],
  });
  const claim = await store.entity('insurance-claim').insert({
    policy: policy.id,
    reportedDate: '2026-10-08',
    accidentDate: '2026-10-07',
    description: '倒车时碰撞立柱，前保险杠破损',
  });
  return { store, picc, pingan, owner, car, policy, assessment, claim };
}

const transition = (error: unknown) => error instanceof KehuError && error.code === 'claim-transition';

describe('claim status', () => {
  it('should move a claim forward to closed, recording each step with who and why', async () => {
    const { store, claim, assessment } = await claimsDesk();
    try {
      assert.equal(claim.status, 'reported');
      assert.match(String(claim.number), /^LP\d{4}\d{5}$/);
      await moveClaim(store, claim.id, 'assessed', { changes: { assessment: assessment.id, assessedAmount: 2630 } });
      await moveClaim(store, claim.id, 'approved');
      await moveClaim(store, claim.id, 'paid', { changes: { paidAmount: 2630, paidDate: '2026-10-20' } });
      const closed = await moveClaim(store, claim.id, 'closed', { at: '2026-10-21T09:00:00.000Z' });
      assert.equal(closed.status, 'closed');
      const history = closed.history as { from: string; to: string; by: string; at: string }[];
      assert.deepEqual(
        history.map((h) => [h.from, h.to, h.by]),
        [
          ['reported', 'assessed', '何理赔'],
          ['assessed', 'approved', '何理赔'],
          ['approved', 'paid', '何理赔'],
          ['paid', 'closed', '何理赔'],
        ],
      );
      assert.equal(history[3].at, '2026-10-21T09:00:00.000Z');
      assert.equal(closed.assessedAmount, 2630);
    } finally {
      await store.close();
    }
  });

  it('should refuse a claim moved backwards, unless reopened with a reason', async () => {
    const { store, claim, assessment } = await claimsDesk();
    try {
      await moveClaim(store, claim.id, 'assessed', { changes: { assessment: assessment.id } });
      await moveClaim(store, claim.id, 'approved');
      await assert.rejects(moveClaim(store, claim.id, 'assessed'), (error: unknown) => {
        assert.ok(transition(error));
        assert.match(
          (error as KehuError).message,
          /不能从「已核赔」退回「已定损」；如确需退回，请选择“重新打开”并填写原因/,
        );
        assert.match(
          (error as KehuError).messageIn('en'),
          /cannot go back from approved to assessed; to do so, reopen it/,
        );
        return true;
      });
      await assert.rejects(moveClaim(store, claim.id, 'assessed', { reopen: true }), transition, 'no reason');
      await assert.rejects(moveClaim(store, claim.id, 'assessed', { reopen: true, reason: '   ' }), transition);
      assert.equal((await store.entity('insurance-claim').get(claim.id))?.status, 'approved', 'nothing was written');
      const reopened = await moveClaim(store, claim.id, 'assessed', {
        reopen: true,
        reason: '保险公司补充定损：右前雾灯损坏',
      });
      assert.equal(reopened.status, 'assessed');
      const last = (reopened.history as { from: string; to: string; reason: string }[]).at(-1);
      assert.deepEqual(last && [last.from, last.to, last.reason], [
        'approved',
        'assessed',
        '保险公司补充定损：右前雾灯损坏',
      ]);
    } finally {
      await store.close();
    }
  });

  it('should refuse skipped steps and moves that lack their data', async () => {
    const { store, claim, assessment } = await claimsDesk('en');
    try {
      await assert.rejects(
        moveClaim(store, claim.id, 'paid'),
        /cannot move from reported to paid; next it can only be assessed or rejected/,
      );
      await assert.rejects(moveClaim(store, claim.id, 'assessed'), /Link the loss assessment document/);
      const order = await store
        .entity('document')
        .insert({ kind: 'order', customer: assessment.customer, date: '2026-10-09' });
      await assert.rejects(
        moveClaim(store, claim.id, 'assessed', { changes: { assessment: order.id } }),
        /is not a loss assessment/,
      );
      await assert.rejects(moveClaim(store, claim.id, 'rejected'), /needs a reason/);
      const rejected = await moveClaim(store, claim.id, 'rejected', { reason: '非保险责任：酒后驾驶' });
      assert.equal(rejected.status, 'rejected');
      await assert.rejects(moveClaim(store, claim.id, 'closed'), /it is finished/);
      await assert.rejects(moveClaim(store, 'no-such-claim', 'closed'), /No insurance claim/);
    } finally {
      await store.close();
    }
  });

  it('should offer forward moves and reopen targets per status', () => {
    assert.deepEqual(claimMoves('reported'), { forward: ['assessed', 'rejected'], reopen: [] });
    assert.deepEqual(claimMoves('paid'), { forward: ['closed'], reopen: ['reported', 'assessed', 'approved'] });
    assert.deepEqual(claimMoves('rejected').reopen, ['reported', 'assessed', 'approved']);
    assert.equal(claimTransitionProblem('closed', 'reported', { reopen: true, reason: '客户申诉' }), undefined);
    assert.match(claimTransitionProblem('reported', 'reported')!.en, /already reported/);
    assert.match(claimTransitionProblem('reported', 'lost' as never)!['zh-CN'], /没有「lost」这种理赔状态/);
    const moved = moveClaimData({ status: 'reported' }, 'rejected', { reason: '重复报案', at: '2026-10-10T00:00:00Z' });
    assert.deepEqual(moved.history, [
      { from: 'reported', to: 'rejected', at: '2026-10-10T00:00:00Z', reason: '重复报案' },
    ]);
  });
});

describe('queryAssessments', () => {
  it('should find assessments by period, insurer and claim status', async () => {
    const { store, claim, assessment, picc, pingan, owner, car } = await claimsDesk();
    try {
      await moveClaim(store, claim.id, 'assessed', { changes: { assessment: assessment.id } });
      // A second assessment, made directly by another insurer (third-party liability), with no claim yet.
      const other = await store.entity('document').insert({
        kind: 'loss-assessment',
        customer: owner.id,
        vehicle: car.id,
        insurer: pingan.id,
        date: '2026-10-15',
        lines: [{ description: '右后视镜总成', quantity: 1, unitPrice: 960 }],
      });
      await store.entity('document').insert({ kind: 'order', customer: owner.id, date: '2026-10-12' });
      const all = await queryAssessments(store, { from: '2026-10-01', to: '2026-10-31' });
      assert.deepEqual(
        all.map((r) => [r.document.id, r.insurer, r.status]),
        [
          [other.id, pingan.id, 'none'],
          [assessment.id, picc.id, 'assessed'],
        ],
      );
      assert.equal(all[1].claim?.id, claim.id);
      assert.deepEqual(
        (await queryAssessments(store, { insurer: picc.id })).map((r) => r.document.id),
        [assessment.id],
      );
      assert.deepEqual(
        (await queryAssessments(store, { status: 'none' })).map((r) => r.document.id),
        [other.id],
      );
      assert.deepEqual(await queryAssessments(store, { from: '2026-10-10', to: '2026-10-14' }), []);
      assert.deepEqual(
        (await queryAssessments(store, { from: '2026-10-09', to: '2026-10-09' })).map((r) => r.document.id),
        [assessment.id],
        'period bounds are inclusive',
      );
    } finally {
      await store.close();
    }
  });
});
