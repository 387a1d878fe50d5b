import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  paretoAnalysis,
  quintileScores,
  RFM_SEGMENT_LABELS,
  rfmScores,
  segmentCounts,
  valueTierCounts,
  type SalesData,
} from './segments.js';

const AS_OF = '2026-11-01';
let seq = 0;
const sale = (customer: string, date: string, totalAmount: number, kind = 'order', status = 'approved') => ({
  id: `doc-${++seq}`,
  customer,
  date,
  totalAmount,
  kind,
  status,
});

/** A dealer's year: a fleet that buys often and big, a family that services its car, one-off buyers… */
const dealer: SalesData = {
  customers: [
    { id: 'fleet', name: '广州粤顺物流有限公司' },
    { id: 'family', name: '张伟' },
    { id: 'bigonce', name: '深圳鹏程汽车租赁' },
    { id: 'lapsed', name: '李娜' },
    { id: 'regular', name: '周敏' },
    { id: 'steady', name: '吴强' },
    { id: 'small1', name: '王芳' },
    { id: 'small2', name: '刘洋' },
    { id: 'never', name: '陈静' }, // no documents at all
    { id: 'quoted', name: '赵磊' }, // only a quote and a draft
  ],
  documents: [
    ...['2026-10-30', '2026-09-01', '2026-07-15', '2026-05-02', '2026-02-10'].map((d) => sale('fleet', d, 58_000)),
    ...['2026-10-25', '2026-06-12', '2026-01-08'].map((d) => sale('family', d, 1_280.5, 'service')),
    sale('bigonce', '2026-10-28', 168_000, 'contract'),
    ...['2024-03-01', '2024-05-01', '2024-09-01'].map((d) => sale('lapsed', d, 42_000)),
    sale('regular', '2026-10-15', 580, 'service'),
    ...['2026-03-01', '2026-06-20', '2026-09-20'].map((d) => sale('steady', d, 900, 'service')),
    sale('small1', '2026-08-08', 320),
    sale('small2', '2026-08-08', 320), // the same as small1: a tie on every measure
    sale('quoted', '2026-10-01', 9_999, 'quote'),
    sale('quoted', '2026-10-02', 9_999, 'order', 'draft'),
    sale('small1', '2026-12-24', 99_999), // after asOf: not yet
    sale('ghost', '2026-10-01', 5_000), // a deleted customer's sale: ignored
  ],
};

describe('quintileScores', () => {
  it('should spread distinct values over five quintiles', () => {
    assert.deepEqual(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assert.deepEqual(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('should give tied values the same score whatever their order', () => {
    const values = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5];
    assert.deepEqual(quintileScores(values), [2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    const shuffled = [5, 1, 3, 1, 1, 4, 1, 2, 1, 1];
    assert.deepEqual(quintileScores(shuffled), [5, 2, 4, 2, 2, 5, 2, 4, 2, 2]);
  });

  it('should score one value, or all-equal values, in the middle', () => {
    assert.deepEqual(quintileScores([42]), [3]);
    assert.deepEqual(quintileScores([7, 7, 7]), [3, 3, 3]);
    assert.deepEqual(quintileScores([]), []);
  });
});

describe('rfmScores', () => {
  const scores = rfmScores(dealer, { asOf: AS_OF });
  const of = (id: string) => scores.find((s) => s.customer.id === id)!;

  it('should measure recency, frequency and monetary from approved sales up to asOf', () => {
    assert.deepEqual(
      [of('fleet').recency, of('fleet').frequency, of('fleet').monetary, of('fleet').lastPurchase],
      [2, 5, 290_000, '2026-10-30'],
    );
    assert.deepEqual([of('family').frequency, of('family').monetary], [3, 3_841.5]);
    assert.deepEqual([of('small1').frequency, of('small1').monetary], [1, 320], 'the December sale is later');
  });

  it('should name the classic segments', () => {
    assert.deepEqual(
      scores.map((s) => [s.customer.id, s.r, s.f, s.m, s.segment]),
      [
        ['fleet', 5, 5, 5, 'important-value'],
        ['family', 4, 4, 3, 'general-value'],
        ['bigonce', 5, 2, 5, 'important-develop'],
        ['lapsed', 1, 4, 4, 'important-keep'],
        ['regular', 3, 2, 2, 'general-retain'],
        ['steady', 3, 4, 3, 'general-keep'],
        ['small1', 2, 2, 1, 'general-retain'],
        ['small2', 2, 2, 1, 'general-retain'],
        ['never', null, null, null, 'no-purchase'],
        ['quoted', null, null, null, 'no-purchase'],
      ],
    );
    assert.equal(RFM_SEGMENT_LABELS[of('fleet').segment]['zh-CN'], '重要价值客户');
    assert.equal(RFM_SEGMENT_LABELS['no-purchase'].en, 'No purchases');
  });

  it('should count every segment, empty ones included', () => {
    const counts = segmentCounts(scores);
    assert.equal(counts.length, 9);
    assert.deepEqual(
      counts.filter((c) => c.count).map((c) => [c.segment, c.count]),
      [
        ['important-value', 1],
        ['important-develop', 1],
        ['important-keep', 1],
        ['general-value', 1],
        ['general-keep', 1],
        ['general-retain', 3],
        ['no-purchase', 2],
      ],
    );
  });

  it('should leave everyone without a purchase when there are no documents', () => {
    const empty = rfmScores({ customers: dealer.customers, documents: [] }, { asOf: AS_OF });
    assert.ok(empty.every((s) => s.segment === 'no-purchase' && s.recency === null));
    assert.deepEqual(rfmScores({ customers: [], documents: dealer.documents }, { asOf: AS_OF }), []);
  });
});

describe('paretoAnalysis', () => {
  it('should find the customers who make 80 % of revenue, and tier the rest', () => {
    const result = paretoAnalysis(dealer, { asOf: AS_OF });
    assert.equal(result.total, 290_000 + 168_000 + 126_000 + 3_841.5 + 2_700 + 580 + 640);
    // The fleet and the one big contract make 77 %; the lapsed customer carries it past 80 %.
    assert.deepEqual(
      result.vital.map((row) => row.customer.id),
      ['fleet', 'bigonce', 'lapsed'],
    );
    assert.equal(result.vitalShare, 3 / 10);
    assert.deepEqual(
      result.rows.map((row) => [row.customer.id, row.tier]),
      [
        ['fleet', 'A'],
        ['bigonce', 'A'],
        ['lapsed', 'A'],
        ['family', 'C'],
        ['steady', 'C'],
        ['regular', 'C'],
        ['small1', 'C'],
        ['small2', 'C'],
        ['never', 'none'],
        ['quoted', 'none'],
      ],
    );
    assert.equal(result.rows.at(-3)!.cumulativeShare, 1);
  });

  it('should keep customers with equal revenue in one tier at the 80 % line', () => {
    const tie: SalesData = {
      customers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      documents: [
        sale('b', '2026-10-01', 40),
        sale('a', '2026-10-01', 40),
        sale('c', '2026-10-01', 15),
        sale('d', '2026-10-01', 5),
      ],
    };
    const result = paretoAnalysis(tie, { asOf: AS_OF });
    assert.deepEqual(
      result.rows.map((row) => [row.customer.id, row.tier]),
      [
        ['a', 'A'],
        ['b', 'A'],
        ['c', 'B'],
        ['d', 'C'],
      ],
    );
    // Reversing the input order changes nothing.
    const reversed = paretoAnalysis({ ...tie, documents: [...tie.documents].reverse() }, { asOf: AS_OF });
    assert.deepEqual(
      reversed.rows.map((row) => row.tier),
      ['A', 'A', 'B', 'C'],
    );
  });

  it('should add amounts to the cent and cope with no revenue at all', () => {
    const cents: SalesData = {
      customers: [{ id: 'a' }],
      documents: [sale('a', '2026-10-01', 0.1), sale('a', '2026-10-02', 0.2)],
    };
    assert.equal(paretoAnalysis(cents, { asOf: AS_OF }).total, 0.3);
    const none = paretoAnalysis({ customers: [{ id: 'a' }, { id: 'b' }], documents: [] }, { asOf: AS_OF });
    assert.deepEqual([none.total, none.vital.length, none.vitalShare], [0, 0, 0]);
    assert.deepEqual(valueTierCounts(none), [
      { tier: 'A', count: 0, revenue: 0 },
      { tier: 'B', count: 0, revenue: 0 },
      { tier: 'C', count: 0, revenue: 0 },
      { tier: 'none', count: 2, revenue: 0 },
    ]);
  });
});
