import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDay, MAX_PERIODS, periodKey, periodsBetween, periodStart, type PeriodUnit } from './periods.js';

describe('periodKey', () => {
  it('buckets a plain date by every unit', () => {
    const keys = (['day', 'week', 'month', 'quarter', 'year'] as PeriodUnit[]).map((u) => periodKey('2024-05-17', u));
    assert.deepEqual(keys, ['2024-05-17', '2024-W20', '2024-05', '2024-Q2', '2024']);
  });

  it('uses ISO week-years across the year boundary', () => {
    // 2024-12-30 is a Monday in the week holding 2025-01-02 (a Thursday): ISO week 1 of 2025.
    assert.equal(periodKey('2024-12-30', 'week'), '2025-W01');
    assert.equal(periodKey('2025-01-01', 'week'), '2025-W01');
    // 2021-01-03 is a Sunday still in 2020's week 53.
    assert.equal(periodKey('2021-01-03', 'week'), '2020-W53');
    assert.equal(periodKey('2021-01-04', 'week'), '2021-W01');
    assert.equal(periodKey('2026-12-31', 'week'), '2026-W53');
  });

  it('puts quarters on the right months', () => {
    assert.deepEqual(
      ['2024-01-01', '2024-03-31', '2024-04-01', '2024-09-30', '2024-10-01', '2024-12-31'].map((d) =>
        periodKey(d, 'quarter'),
      ),
      ['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024-Q4'],
    );
  });

  it('reads date-times as instants in the given time zone, plain dates as written', () => {
    const lateEvening = '2024-12-31T16:30:00.000Z'; // 00:30 on 1 January in Shanghai
    assert.equal(periodKey(lateEvening, 'year'), '2024');
    assert.equal(periodKey(lateEvening, 'year', 'Asia/Shanghai'), '2025');
    assert.equal(periodKey('2024-12-31T23:30:00-08:00', 'day'), '2025-01-01');
    assert.equal(periodKey('2024-12-31', 'year', 'Asia/Shanghai'), '2024');
    assert.equal(periodKey('2024-03-10T09:00:00.000Z', 'day', 'America/New_York'), '2024-03-10');
  });

  it('gives undefined for values that are not dates', () => {
    for (const value of [
      undefined,
      null,
      '',
      'soon',
      '2024-02-30',
      '2024-13-01',
      '20240101',
      20240101,
      {},
      'March 7 2024',
    ])
      assert.equal(periodKey(value, 'month'), undefined, String(value));
  });

  it('rejects an unknown time zone', () => {
    assert.throws(() => calendarDay('2024-01-01T00:00:00Z', 'Mars/Olympus'), RangeError);
  });
});

describe('periodStart', () => {
  it('gives the first day of each kind of key', () => {
    assert.equal(periodStart('2025-W01', 'week'), '2024-12-30');
    assert.equal(periodStart('2020-W53', 'week'), '2020-12-28');
    assert.equal(periodStart('2024-Q3', 'quarter'), '2024-07-01');
    assert.equal(periodStart('2024-02', 'month'), '2024-02-01');
    assert.equal(periodStart('2024', 'year'), '2024-01-01');
    assert.equal(periodStart('2021-W53', 'week'), undefined, '2021 has 52 ISO weeks');
    assert.equal(periodStart('2024-13', 'month'), undefined);
  });
});

describe('periodsBetween', () => {
  it('lists every period, the empty ones too', () => {
    assert.deepEqual(periodsBetween('2024-11', '2025-02', 'month'), ['2024-11', '2024-12', '2025-01', '2025-02']);
    assert.deepEqual(periodsBetween('2024-Q4', '2025-Q2', 'quarter'), ['2024-Q4', '2025-Q1', '2025-Q2']);
    assert.deepEqual(periodsBetween('2020-W52', '2021-W02', 'week'), ['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    assert.deepEqual(periodsBetween('2024-02-28', '2024-03-01', 'day'), ['2024-02-28', '2024-02-29', '2024-03-01']);
    assert.deepEqual(periodsBetween('2023', '2025', 'year'), ['2023', '2024', '2025']);
  });

  it('is empty for reversed or malformed bounds and capped for huge spans', () => {
    assert.deepEqual(periodsBetween('2025-01', '2024-01', 'month'), []);
    assert.deepEqual(periodsBetween('2025-01', 'later', 'month'), []);
    assert.equal(periodsBetween('0024-01-01', '2024-01-01', 'day').length, MAX_PERIODS);
  });
});
