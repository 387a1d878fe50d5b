export { aggregate, Aggregation } from './aggregate.js';
export type { AggregateOptions, AggregateRow, GroupKey, Measure, MeasureOp } from './aggregate.js';
export { aggregateEntity, unknownAggregateFields } from './aggregate-entity.js';
export type { AggregateEntityOptions } from './aggregate-entity.js';
export { DecimalSum } from './decimal-sum.js';
export {
  calendarDay,
  MAX_PERIODS,
  periodKey,
  periodOfDay,
  periodsBetween,
  periodStart,
  periodUnits,
} from './periods.js';
export type { PeriodUnit } from './periods.js';
