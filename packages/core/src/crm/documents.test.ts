import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedStore } from '../test-support/shipped-store.js';
import { KehuError, KehuSchemaError, KehuValidationError } from '../errors/errors.js';
import { defineEntity } from '../entity/define-entity.js';
import type { Locale } from '../i18n/locale.js';
import { approveDocument, documentActions, rejectDocument, reverseDocument, submitDocument } from './documents.js';

const EXTRA = ['period-price', 'tracking-price'];

async function dealer(locale: Locale = 'zh-CN') {
  const store = await shippedStore('documents', EXTRA, {
    locale,
    user: { id: 'u-li', name: '李会计' },
  });
  const customer = await store
    .entity('customer')
    .insert({ name: '广州粤顺物流有限公司', type: 'b2b', organisation: '广州分公司' });
  const oil = await store.entity('product').insert({ name: '嘉实多极护 5W-40 4L', unit: 'drum', directPrice: 429 });
  const filter = await store
    .entity('product')
    .insert({ name: '曼牌机油滤清器 W712/95', unit: 'piece', directPrice: 68 });
  const order = await store.entity('document').insert({
    kind: 'order',
    customer: customer.id,
    date: '2026-10-28',
    lines: [
      { product: oil.id, description: '嘉实多极护 5W-40 4L', quantity: 12, unitPrice: 330, discount: 5 },
      { product: filter.id, description: '曼牌机油滤清器', quantity: 12, unitPrice: 52 },
      { description: '上门送货费', quantity: 1, unitPrice: 80 },
    ],
  });
  return { store, customer, oil, filter, order };
}

const code = (c: string) => (error: unknown) => error instanceof KehuError && error.code === c;

describe('document workflow', () => {
  it('should take a rejected document back through submission to approval', async () => {
    const { store, order } = await dealer();
    try {
      assert.equal(order.status, 'draft');
      assert.deepEqual(documentActions(order), ['submit']);
      await submitDocument(store, order.id);
      await assert.rejects(rejectDocument(store, order.id, '  '), code('workflow'), 'a rejection needs a reason');
      const rejected = await rejectDocument(store, order.id, '折扣超出权限，需经理审批');
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.reviewComment, '折扣超出权限，需经理审批');
      assert.deepEqual(documentActions(rejected), ['submit']);
      // The salesperson fixes the discount and submits again.
      const lines = (rejected.lines as Record<string, unknown>[]).map((l, i) => (i === 0 ? { ...l, discount: 3 } : l));
      await store.entity('document').patch(order.id, { lines: lines as typeof order.lines });
      await submitDocument(store, order.id);
      const approved = await approveDocument(store, order.id);
      assert.equal(approved.status, 'approved');
      assert.deepEqual(documentActions(approved), ['reverse']);
      const statuses = (await store.history('document', order.id))
        .flatMap((entry) => entry.changes.filter((c) => c.path[0] === 'status').map((c) => c.to))
        .reverse();
      assert.deepEqual(statuses, ['submitted', 'rejected', 'submitted', 'approved']);
    } finally {
      await store.close();
    }
  });

  it('should refuse moves the workflow does not allow', async () => {
    const { store, order, customer } = await dealer('en');
    try {
      await assert.rejects(approveDocument(store, order.id), /is draft; it cannot be approved/);
      const empty = await store.entity('document').insert({ kind: 'quote', customer: customer.id, date: '2026-10-30' });
      await assert.rejects(submitDocument(store, empty.id), /has no lines; add lines before submitting/);
      await assert.rejects(reverseDocument(store, order.id), code('workflow'));
    } finally {
      await store.close();
    }
  });

  it('should refuse to change or delete an approved document, in the user’s language', async () => {
    const { store, order } = await dealer();
    try {
      await submitDocument(store, order.id);
      await approveDocument(store, order.id);
      const documents = store.entity('document');
      await assert.rejects(documents.patch(order.id, { remark: '改一下' }), (error: unknown) => {
        assert.ok(error instanceof KehuError);
        assert.equal(error.code, 'locked');
        assert.match(error.message, /该业务单据（.+）的状态为「已审核」，不能修改。如需更正，请做冲销/);
        assert.match(error.messageIn('en'), /cannot be changed: its status is "Approved"\. Correct it with a reversal/);
        return true;
      });
      await assert.rejects(documents.patch(order.id, { status: 'draft' }), code('locked'), 'not even back to draft');
      await assert.rejects(documents.remove(order.id), (error: unknown) => {
        assert.ok(error instanceof KehuError && error.code === 'locked');
        assert.match(error.message, /不能删除/);
        return true;
      });
      const stored = await documents.get(order.id);
      await assert.rejects(documents.upsert({ ...stored!, remark: '覆盖' }), code('locked'));
      // Saving it unchanged is not a change: a form saved as it was shown does not fail.
      assert.equal((await documents.patch(order.id, { remark: undefined })).status, 'approved');
      assert.deepEqual(await documents.get(order.id), stored);
    } finally {
      await store.close();
    }
  });

  it('should correct an approved document by a reversal that negates its lines and total', async () => {
    const { store, order } = await dealer('en');
    try {
      await submitDocument(store, order.id);
      const original = await approveDocument(store, order.id);
      assert.equal(original.totalAmount, 4466); // 12 × 330 × 0.95 + 12 × 52 + 80
      const reversal = await reverseDocument(store, order.id, { date: '2026-11-01', reason: '客户退货' });
      assert.equal(reversal.status, 'approved');
      assert.equal(reversal.reverses, order.id);
      assert.equal(reversal.kind, 'order');
      assert.equal(reversal.customer, original.customer);
      assert.equal(reversal.date, '2026-11-01');
      assert.deepEqual(
        (reversal.lines as { quantity: number; amount: number }[]).map((l) => [l.quantity, l.amount]),
        [
          [-12, -3762],
          [-12, -624],
          [-1, -80],
        ],
      );
      assert.equal(reversal.totalAmount, -4466);
      assert.equal(Number(original.totalAmount) + Number(reversal.totalAmount), 0);
      assert.match(String(reversal.remark), /客户退货/);
      assert.deepEqual(await store.entity('document').get(order.id), original, 'the original is untouched');
      await assert.rejects(reverseDocument(store, order.id), /already reversed by/);
      await assert.rejects(reverseDocument(store, reversal.id), /is itself a reversal/);
      await assert.rejects(store.entity('document').remove(reversal.id), code('locked'), 'a reversal is locked too');
    } finally {
      await store.close();
    }
  });

  it('should give back the earlier tracking price when the sale that set it is reversed', async () => {
    const { store, customer, oil, order } = await dealer('en');
    try {
      const tracking = store.entity('tracking-price');
      const earlier = await store.entity('document').insert({
        kind: 'order',
        customer: customer.id,
        date: '2026-09-15',
        lines: [{ product: oil.id, description: '嘉实多极护 5W-40 4L', quantity: 4, unitPrice: 350 }],
      });
      await submitDocument(store, earlier.id);
      await approveDocument(store, earlier.id);
      await submitDocument(store, order.id);
      await approveDocument(store, order.id);
      const oilPrice = async () => (await tracking.find({ selector: { customer: customer.id, product: oil.id } }))[0];
      assert.equal((await oilPrice())?.price, 313.5, 'the later sale set 330 less 5%');
      await reverseDocument(store, order.id, { date: '2026-11-02', reason: '退货' });
      const back = await oilPrice();
      assert.equal(back?.price, 350, 'the earlier sale’s price is the last price again');
      assert.equal(back?.document, earlier.id);
      const filterPrices = await tracking.find({ selector: { customer: customer.id } });
      assert.deepEqual(
        filterPrices.map((t) => t.product),
        [oil.id],
        'a product only the reversed sale had has no tracking price left',
      );
    } finally {
      await store.close();
    }
  });

  it('should refuse negative quantities on a document that reverses nothing', async () => {
    const { store, customer } = await dealer();
    try {
      await assert.rejects(
        store.entity('document').insert({
          kind: 'order',
          customer: customer.id,
          date: '2026-10-30',
          lines: [{ description: '退货', quantity: -1, unitPrice: 10 }],
        }),
        (error: unknown) =>
          error instanceof KehuValidationError && error.issues.some((i) => i.path.join('/') === 'lines/0/quantity'),
      );
    } finally {
      await store.close();
    }
  });

  it('should refuse a lockedWhen that names no field of the entity', () => {
    const schema = {
      $id: 'memo',
      type: 'object',
      properties: { state: { type: 'string', maxLength: 10 } },
      'x-kehu': { lockedWhen: { stat: ['done'] } },
    };
    assert.throws(
      () => defineEntity(schema),
      (error: unknown) =>
        error instanceof KehuSchemaError && /lockedWhen\/stat.*did you mean "state"/.test(error.messageIn('en')),
    );
  });
});
