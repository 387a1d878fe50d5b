import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedStore } from '../test-support/shipped-store.js';
import { approveDocument, submitDocument } from './documents.js';
import { priceDocumentLine, resolveStoredPrice, trackingPriceUpdates } from './pricing-store.js';

const EXTRA = ['period-price', 'tracking-price', 'follow-up-method', 'crm-settings'];

async function wholesaler() {
  const store = await shippedStore('pricing-store', EXTRA, {
    user: { id: 'u-zhou', name: '周主管' },
  });
  await store.entity('price-tier').bulkInsert([
    { id: 'ptr-001', code: 'DIRECT', name: '零售价', kind: 'direct', order: 1 },
    { id: 'ptr-002', code: 'WHOLESALE', name: '批发价', kind: 'wholesale', order: 2 },
  ]);
  const customer = await store
    .entity('customer')
    .insert({ name: '佛山顺德宏达汽修厂', type: 'channel', organisation: '广州分公司' });
  const oil = await store.entity('product').insert({
    name: '美孚速霸 2000 5W-30 4L',
    unit: 'drum',
    prices: [
      { tier: 'ptr-001', price: 299 },
      { tier: 'ptr-002', price: 226.8 },
    ],
  });
  const promo = await store.entity('period-price').insert({
    name: '冬季机油促销',
    product: oil.id,
    validFrom: '2026-12-01',
    validTo: '2026-12-31',
    price: 239,
  });
  return { store, customer, oil, promo };
}

async function approvedOrder(
  store: Awaited<ReturnType<typeof wholesaler>>['store'],
  customer: string,
  product: string,
  date: string,
  unitPrice: number,
  discount = 0,
) {
  const order = await store.entity('document').insert({
    kind: 'order',
    customer,
    date,
    lines: [{ product, description: '机油', quantity: 24, unitPrice, discount }],
  });
  await submitDocument(store, order.id);
  return approveDocument(store, order.id);
}

describe('tracking prices from approved documents', () => {
  it('should set the customer’s tracking price on approval and leave period prices alone', async () => {
    const { store, customer, oil, promo } = await wholesaler();
    try {
      const before = await resolveStoredPrice(store, { customer: customer.id, product: oil.id, date: '2026-11-01' });
      assert.equal(before.rule, 'tier');
      assert.equal(before.price, 299, 'no default tier set for 广州分公司: the direct tier');
      const order = await approvedOrder(store, customer.id, oil.id, '2026-10-20', 230, 2.5);
      const [tracking, ...more] = await store.entity('tracking-price').find();
      assert.equal(more.length, 0);
      assert.equal(tracking.price, 224.25, 'net of the 2.5% line discount, to the cent');
      assert.equal(tracking.date, '2026-10-20');
      assert.equal(tracking.document, order.id);
      const after = await resolveStoredPrice(store, { customer: customer.id, product: oil.id, date: '2026-11-01' });
      assert.equal(after.rule, 'tracking');
      assert.equal(after.price, 224.25);
      assert.deepEqual(await store.entity('period-price').get(promo.id), promo, 'approval never changes period prices');
      // In December the all-customer promotion beats the tracking price.
      const december = await resolveStoredPrice(store, { customer: customer.id, product: oil.id, date: '2026-12-05' });
      assert.equal(december.rule, 'all-customer-period');
      assert.equal(december.price, 239);
    } finally {
      await store.close();
    }
  });

  it('should keep the newest price when an older document is approved later', async () => {
    const { store, customer, oil } = await wholesaler();
    try {
      await approvedOrder(store, customer.id, oil.id, '2026-10-20', 230);
      await approvedOrder(store, customer.id, oil.id, '2026-09-01', 250); // back-dated, approved afterwards
      const rows = await store.entity('tracking-price').find();
      assert.equal(rows.length, 1, 'one tracking price per customer and product');
      assert.equal(rows[0].price, 230);
      await approvedOrder(store, customer.id, oil.id, '2026-10-25', 228);
      assert.equal((await store.entity('tracking-price').get(rows[0].id))?.price, 228);
    } finally {
      await store.close();
    }
  });

  it('should not set tracking prices from quotes or reversals', () => {
    const line = { product: 'prd-1', description: '机油', quantity: 2, unitPrice: 100 };
    assert.deepEqual(
      trackingPriceUpdates({ id: 'q', kind: 'quote', customer: 'c', date: '2026-10-01', lines: [line] }, []),
      [],
    );
    assert.deepEqual(
      trackingPriceUpdates(
        {
          id: 'r',
          kind: 'order',
          customer: 'c',
          date: '2026-10-01',
          reverses: 'o',
          lines: [{ ...line, quantity: -2 }],
        },
        [],
      ),
      [],
    );
  });
});

describe('priceDocumentLine', () => {
  it('should fill an empty unit price from the rules and keep one that was typed', async () => {
    const { store, customer, oil } = await wholesaler();
    try {
      const document = { customer: customer.id, date: '2026-12-10' };
      const empty = await priceDocumentLine(store, document, { product: oil.id, description: '机油', quantity: 4 });
      assert.equal(empty.line.unitPrice, 239);
      assert.equal(empty.resolution?.rule, 'all-customer-period');
      const typed = await priceDocumentLine(store, document, { product: oil.id, quantity: 4, unitPrice: 250 });
      assert.equal(typed.line.unitPrice, 250);
      assert.equal(typed.resolution, null);
      const labour = await priceDocumentLine(store, document, { description: '工时费', quantity: 1 });
      assert.equal(labour.line.unitPrice, undefined, 'a line without a product is not priced');
    } finally {
      await store.close();
    }
  });

  it('should use the organisation’s default tier from the parameters', async () => {
    const { store, customer, oil } = await wholesaler();
    try {
      await store.entity('crm-settings').insert({
        name: '默认参数',
        defaultPriceTiers: [{ organisation: '广州分公司', priceTier: 'ptr-002' }],
      });
      const { line, resolution } = await priceDocumentLine(
        store,
        { customer: customer.id, date: '2026-11-01' },
        { product: oil.id, quantity: 4 },
      );
      assert.equal(resolution?.rule, 'tier');
      assert.equal(resolution?.source?.tier, 'ptr-002');
      assert.equal(line.unitPrice, 226.8);
    } finally {
      await store.close();
    }
  });
});
