import { DecimalSum } from './decimal-sum.js';
import { periodKey, type PeriodUnit } from './periods.js';

/**
 * What to compute per group: `count` counts records (with `field`, records where it has a value);
 * `sum`, `avg`, `min`, `max` read a numeric field. Values that are missing, null or not finite
 * numbers are skipped; over no values `sum`, `avg`, `min` and `max` are null (as in SQL).
 */
export type Measure =
  | { op: 'count'; field?: string }
  | {
      op: 'sum' | 'avg' | 'min' | 'max';
      field: string;
      /** Round each value to this many decimal places before adding (2 for cents); default: exact. */
      decimals?: number;
    };

export type MeasureOp = Measure['op'];

export interface AggregateOptions {
  /** Field whose value makes the groups, dotted for nested objects (`address.city`); none: one group. */
  groupBy?: string;
  /** Date or date-time field and calendar unit that make the periods; none: one period. */
  period?: { field: string; unit: PeriodUnit };
  /** What to compute per group and period, in order: row `values[i]` is `measures[i]`. */
  measures: Measure[];
  /** IANA time zone whose calendar days date-times fall on (`Asia/Shanghai`); default UTC. Plain dates never shift. */
  timeZone?: string;
  /**
   * Keep only the `top` groups with the largest first measure over all periods; the rest are merged
   * into one row per period flagged `other` (count and sum add up; avg, min and max are recomputed).
   */
  top?: number;
}

/** A group's value: the field's value as stored (reference ids stay ids); null when missing or empty. */
export type GroupKey = string | number | boolean | null;

export interface AggregateRow {
  /** The `groupBy` value; null for records without one (and for every row without `groupBy`). */
  key: GroupKey;
  /** Period key (`2024-03`, `2024-W09`, `2024-Q1`…); null for records without a date, or without `period`. */
  period: string | null;
  /** One per measure, in order. */
  values: (number | null)[];
  /** Set on the row that merges the groups beyond `top`. */
  other?: true;
}

/** One measure's running state for one group; mergeable, so `top` can fold groups together. */
class Accumulator {
  count = 0;
  sum: DecimalSum | undefined;
  min: number | null = null;
  max: number | null = null;

  constructor(readonly measure: Measure) {
    if (measure.op === 'sum' || measure.op === 'avg') this.sum = new DecimalSum(measure.decimals);
  }

  add(record: unknown): void {
    const measure = this.measure;
    if (measure.op === 'count' && measure.field === undefined) {
      this.count++;
      return;
    }
    const value = valueAt(record, measure.field!);
    if (measure.op === 'count') {
      if (value !== undefined && value !== null && value !== '') this.count++;
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    this.count++;
    this.sum?.add(value);
    if (this.min === null || value < this.min) this.min = value;
    if (this.max === null || value > this.max) this.max = value;
  }

  merge(other: Accumulator): void {
    this.count += other.count;
    if (this.sum && other.sum) this.sum.merge(other.sum);
    if (other.min !== null && (this.min === null || other.min < this.min)) this.min = other.min;
    if (other.max !== null && (this.max === null || other.max > this.max)) this.max = other.max;
  }

  value(): number | null {
    switch (this.measure.op) {
      case 'count':
        return this.count;
      case 'sum':
        return this.count ? this.sum!.value() : null;
      case 'avg':
        return this.count ? this.sum!.divide(this.count) : null;
      case 'min':
        return this.min;
      case 'max':
        return this.max;
    }
  }
}

/** The value at a dotted path, e.g. `address.city`; undefined when a step is missing. */
export function valueAt(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The groups a record falls in: one, or one per distinct element of an array value (tags, categories). */
function groupKeys(value: unknown): GroupKey[] {
  if (Array.isArray(value)) {
    const keys = [...new Set(value.map(groupKey))];
    return keys.length ? keys : [null];
  }
  return [groupKey(value)];
}

function groupKey(value: unknown): GroupKey {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value);
}

/** Orders keys: numbers, then booleans, then strings by code unit (stable across locales), null last. */
function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const rank = (k: GroupKey) => (typeof k === 'number' ? 0 : typeof k === 'boolean' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a < b ? -1 : 1;
}

/**
 * Aggregation that takes records one at a time, so a caller can feed pages of a large entity and
 * never hold them all. `aggregate` is the one-call form.
 */
export class Aggregation {
  /** period → group key → one accumulator per measure. */
  private cells = new Map<string | null, Map<GroupKey, Accumulator[]>>();
  /** Records added so far. */
  records = 0;

  constructor(readonly options: AggregateOptions) {
    if (!options.measures.length) throw new RangeError('aggregate needs at least one measure');
    if (options.timeZone) periodKey('2000-01-01T00:00:00Z', 'day', options.timeZone); // unknown zones throw here, not per record
  }

  add(record: unknown): void {
    this.records++;
    const { groupBy, period, timeZone, measures } = this.options;
    const periodValue = period ? (periodKey(valueAt(record, period.field), period.unit, timeZone) ?? null) : null;
    let groups = this.cells.get(periodValue);
    if (!groups) this.cells.set(periodValue, (groups = new Map()));
    for (const key of groupBy ? groupKeys(valueAt(record, groupBy)) : [null]) {
      let accumulators = groups.get(key);
      if (!accumulators) groups.set(key, (accumulators = measures.map((m) => new Accumulator(m))));
      for (const accumulator of accumulators) accumulator.add(record);
    }
  }

  /** The rows so far, by period (missing last), then by group key (null last, `other` after all). */
  rows(): AggregateRow[] {
    const kept = this.keptGroups();
    const rows: AggregateRow[] = [];
    const periods = [...this.cells.keys()].sort((a, b) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
    );
    for (const period of periods) {
      const groups = this.cells.get(period)!;
      let other: Accumulator[] | undefined;
      for (const key of [...groups.keys()].sort(compareKeys)) {
        const accumulators = groups.get(key)!;
        if (!kept || kept.has(key)) {
          rows.push({ key, period, values: accumulators.map((a) => a.value()) });
          continue;
        }
        if (!other) other = this.options.measures.map((m) => new Accumulator(m));
        other.forEach((a, i) => a.merge(accumulators[i]));
      }
      if (other) rows.push({ key: null, period, values: other.map((a) => a.value()), other: true });
    }
    return rows;
  }

  /** The groups `top` keeps, by the first measure over all periods; undefined when all are kept. */
  private keptGroups(): Set<GroupKey> | undefined {
    const top = this.options.top;
    if (top === undefined || !this.options.groupBy) return undefined;
    const totals = new Map<GroupKey, Accumulator>();
    for (const groups of this.cells.values()) {
      for (const [key, accumulators] of groups) {
        let total = totals.get(key);
        if (!total) totals.set(key, (total = new Accumulator(this.options.measures[0])));
        total.merge(accumulators[0]);
      }
    }
    if (totals.size <= top) return undefined;
    const ranked = [...totals].sort(
      ([ka, a], [kb, b]) => (b.value() ?? -Infinity) - (a.value() ?? -Infinity) || compareKeys(ka, kb),
    );
    return new Set(ranked.slice(0, Math.max(0, top)).map(([key]) => key));
  }
}

/**
 * Groups `records` by a field and/or a calendar period of a date field and computes `measures` per
 * group: e.g. documents per month with their total amount, customers per importance.
 *
 * ```ts
 * aggregate(documents, { period: { field: 'date', unit: 'month' }, measures: [{ op: 'count' }, { op: 'sum', field: 'totalAmount', decimals: 2 }] })
 * // → [{ key: null, period: '2024-01', values: [12, 48210.5] }, …]
 * ```
 */
export function aggregate(records: Iterable<unknown>, options: AggregateOptions): AggregateRow[] {
  const aggregation = new Aggregation(options);
  for (const record of records) aggregation.add(record);
  return aggregation.rows();
}
