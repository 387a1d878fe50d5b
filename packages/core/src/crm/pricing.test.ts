import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePrice, type PeriodPriceData, type PriceData, type PriceTierData } from './pricing.js';

const TODAY = '2026-11-01';
const TOMORROW = '2026-11-02';

const tiers: PriceTierData[] = [
  { id: 'ptr-001', code: 'DIRECT', name: '零售价', kind: 'direct', order: 1 },
  { id: 'ptr-002', code: 'WHOLESALE', name: '批发价', kind: 'wholesale', order: 2 },
  { id: 'ptr-003', code: 'MEMBER', name: '会员价', kind: 'member', order: 3 },
  { id: 'ptr-005', code: 'FLEET', name: '车队协议价', kind: 'custom', order: 5 },
];

// 嘉实多极护 5W-40 4L: retail 429, wholesale 318.60, member 395, Shenzhen retail 450, fleet price in Guangzhou.
const oil = {
  id: 'prd-000017',
  prices: [
    { tier: 'ptr-001', price: 429 },
    { tier: 'ptr-002', price: 318.6 },
    { tier: 'ptr-003', price: 395 },
    { tier: 'ptr-001', price: 450, organisation: '深圳分公司' },
    { tier: 'ptr-005', price: 334.53, organisation: '广州分公司' },
  ],
  directPrice: 429,
  wholesalePrice: 318.6,
  memberPrice: 395,
};

const fleet = 'cus-000412'; // 广州粤顺物流有限公司
const walkIn = 'cus-000733'; // 张伟, a consumer

function data(overrides: Partial<PriceData> = {}): PriceData {
  return { periodPrices: [], trackingPrices: [], product: oil, tiers, ...overrides };
}

const period = (p: Partial<PeriodPriceData> & { id: string; price: number }): PeriodPriceData => ({
  product: oil.id,
  validFrom: '2026-10-01',
  validTo: '2026-12-31',
  ...p,
});

describe('resolvePrice', () => {
  it('should prefer the customer period price over every other rule', () => {
    const result = resolvePrice(
      { customer: fleet, product: oil.id, date: TODAY },
      data({
        periodPrices: [
          period({ id: 'pp-all', price: 379, name: '双十一机油促销' }),
          period({ id: 'pp-fleet', price: 309, customer: fleet, name: '粤顺年度协议' }),
        ],
        trackingPrices: [{ id: 'tp-1', customer: fleet, product: oil.id, price: 315, date: '2026-09-12' }],
      }),
    );
    assert.equal(result.price, 309);
    assert.equal(result.rule, 'customer-period');
    assert.deepEqual(result.source, { entity: 'period-price', id: 'pp-fleet' });
    assert.match(result.explanation['zh-CN'], /客户期间价「粤顺年度协议」/);
    assert.match(result.explanation.en, /^Customer period price "粤顺年度协议"/);
  });

  it('should apply an all-customer period price before the customer’s own tracking price', () => {
    const result = resolvePrice(
      { customer: fleet, product: oil.id, date: TODAY },
      data({
        periodPrices: [period({ id: 'pp-all', price: 379, name: '双十一机油促销' })],
        trackingPrices: [{ id: 'tp-1', customer: fleet, product: oil.id, price: 315, date: '2026-09-12' }],
      }),
    );
    assert.equal(result.rule, 'all-customer-period');
    assert.equal(result.price, 379);
    assert.equal(result.source?.id, 'pp-all');
  });

  it('should count a period ending today and ignore one starting tomorrow', () => {
    const periods = [
      period({ id: 'pp-ends-today', price: 369, validFrom: '2026-10-01', validTo: TODAY }),
      period({ id: 'pp-starts-tomorrow', price: 359, validFrom: TOMORROW, validTo: '2026-11-30' }),
    ];
    const today = resolvePrice({ customer: walkIn, product: oil.id, date: TODAY }, data({ periodPrices: periods }));
    assert.equal(today.source?.id, 'pp-ends-today');
    assert.equal(today.price, 369);
    const tomorrow = resolvePrice(
      { customer: walkIn, product: oil.id, date: TOMORROW },
      data({ periodPrices: periods }),
    );
    assert.equal(tomorrow.source?.id, 'pp-starts-tomorrow');
    assert.equal(tomorrow.price, 359);
    const later = resolvePrice(
      { customer: walkIn, product: oil.id, date: '2026-12-01' },
      data({ periodPrices: periods }),
    );
    assert.equal(later.rule, 'tier', 'both periods over: back to the default tier');
  });

  it('should let the latest-starting of overlapping periods win, then the shorter one, then the branch’s own', () => {
    const quarter = period({ id: 'pp-q4', price: 389, validFrom: '2026-10-01', validTo: '2026-12-31' });
    const promo = period({ id: 'pp-promo', price: 369, validFrom: '2026-10-25', validTo: '2026-11-11' });
    const sameStartShorter = period({ id: 'pp-week', price: 359, validFrom: '2026-10-25', validTo: '2026-11-01' });
    assert.equal(
      resolvePrice({ product: oil.id, date: TODAY }, data({ periodPrices: [quarter, promo] })).source?.id,
      'pp-promo',
      'the newer period replaces the older from its first day',
    );
    assert.equal(
      resolvePrice({ product: oil.id, date: TODAY }, data({ periodPrices: [promo, sameStartShorter, quarter] })).source
        ?.id,
      'pp-week',
      'same start: the shorter period is the more specific one',
    );
    const branch = period({ id: 'pp-sz', price: 399, organisation: '深圳分公司', validFrom: '2026-01-01' });
    const inShenzhen = resolvePrice(
      { product: oil.id, date: TODAY, organisation: '深圳分公司' },
      data({ periodPrices: [promo, branch] }),
    );
    assert.equal(inShenzhen.source?.id, 'pp-sz', 'a price for this organisation beats one for all organisations');
    const inGuangzhou = resolvePrice(
      { product: oil.id, date: TODAY, organisation: '广州分公司' },
      data({ periodPrices: [promo, branch] }),
    );
    assert.equal(inGuangzhou.source?.id, 'pp-promo', 'another branch’s period price does not apply');
  });

  it('should give the same winner whatever order the periods come in', () => {
    const a = period({ id: 'pp-a', price: 380, updatedAt: '2026-10-02T08:00:00.000Z' });
    const b = period({ id: 'pp-b', price: 370, updatedAt: '2026-10-05T08:00:00.000Z' });
    const first = resolvePrice({ product: oil.id, date: TODAY }, data({ periodPrices: [a, b] }));
    const second = resolvePrice({ product: oil.id, date: TODAY }, data({ periodPrices: [b, a] }));
    assert.equal(first.source?.id, 'pp-b', 'identical periods: the last edited wins');
    assert.deepEqual(first, second);
  });

  it('should use the customer’s tracking price when no period applies, naming its document', () => {
    const result = resolvePrice(
      { customer: fleet, product: oil.id, date: TODAY },
      data({
        periodPrices: [period({ id: 'pp-other', price: 300, customer: 'cus-000001' })],
        trackingPrices: [
          { id: 'tp-old', customer: fleet, product: oil.id, price: 322, date: '2026-03-02', document: 'doc-000101' },
          { id: 'tp-new', customer: fleet, product: oil.id, price: 315, date: '2026-09-12', document: 'doc-000388' },
          { id: 'tp-else', customer: walkIn, product: oil.id, price: 429, date: '2026-10-30' },
        ],
      }),
    );
    assert.equal(result.rule, 'tracking');
    assert.equal(result.price, 315);
    assert.deepEqual(result.source, { entity: 'tracking-price', id: 'tp-new', document: 'doc-000388' });
  });

  it('should fall back to the organisation’s default tier, its own price before the price for all', () => {
    const wholesale = resolvePrice(
      { customer: walkIn, product: oil.id, date: TODAY },
      data({ defaultTier: 'ptr-002' }),
    );
    assert.equal(wholesale.rule, 'tier');
    assert.equal(wholesale.price, 318.6);
    assert.deepEqual(wholesale.source, {
      entity: 'product',
      id: oil.id,
      tier: 'ptr-002',
      organisationSpecific: false,
    });
    const shenzhen = resolvePrice({ product: oil.id, date: TODAY, organisation: '深圳分公司' }, data());
    assert.equal(shenzhen.price, 450, 'no default tier set: the direct tier, Shenzhen’s own retail price');
    assert.equal(shenzhen.source?.organisationSpecific, true);
  });

  it('should say clearly when there is no price', () => {
    const noTierPrice = resolvePrice(
      { customer: walkIn, product: oil.id, date: TODAY, organisation: '成都分公司' },
      data({ defaultTier: 'ptr-005' }),
    );
    assert.equal(noTierPrice.rule, 'none');
    assert.equal(noTierPrice.price, null);
    assert.match(noTierPrice.explanation['zh-CN'], /产品没有「车队协议价」价格/);
    const noProduct = resolvePrice({ product: 'prd-missing', date: TODAY }, data({ product: null }));
    assert.equal(noProduct.rule, 'none');
    assert.match(noProduct.explanation.en, /product does not exist/);
    const noTiers = resolvePrice({ product: oil.id, date: TODAY }, data({ tiers: [] }));
    assert.equal(noTiers.rule, 'none');
    assert.match(noTiers.explanation.en, /no default price tier/);
  });
});
