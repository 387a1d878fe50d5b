import { periodUnits, type Entity, type FieldModel, type Locale, type Measure, type PeriodUnit } from '@kehu/core';
import { chartText } from './record-chart.strings.js';

export type ChartType = 'bar' | 'line' | 'pie';
const chartTypes: readonly string[] = ['bar', 'line', 'pie'];

/** A chart's attributes, checked against its entity: what to aggregate and how to draw it. */
export interface ChartSpec {
  type: ChartType;
  /** Field path of the groups and its model (absent for system fields). */
  groupBy?: { path: string; field?: FieldModel };
  period?: { path: string; unit: PeriodUnit };
  measure: Measure;
  /** The measured field's model, for its label and money currency. */
  measureField?: FieldModel;
}

/** The attributes as set on the element. */
export interface ChartInput {
  type?: string;
  groupBy?: string;
  period?: string;
  measure?: string;
}

const SYSTEM_DATES = new Set(['createdAt', 'updatedAt']);
const NUMERIC = new Set(['number', 'integer', 'money']);

/** `sum:totalAmount` → `{ op: 'sum', field: 'totalAmount' }`; `count` → `{ op: 'count' }`; undefined when malformed. */
export function parseMeasure(text: string): Measure | undefined {
  const [op, field, ...rest] = text.trim().split(':');
  if (rest.length) return undefined;
  if (op === 'count') return field ? { op, field } : { op };
  if ((op === 'sum' || op === 'avg' || op === 'min' || op === 'max') && field) return { op, field };
  return undefined;
}

/** `month:createdAt` → `{ unit: 'month', path: 'createdAt' }`; undefined when malformed. */
export function parsePeriod(text: string): { unit: PeriodUnit; path: string } | undefined {
  const [unit, path, ...rest] = text.trim().split(':');
  if (rest.length || !path || !periodUnits.includes(unit as PeriodUnit)) return undefined;
  return { unit: unit as PeriodUnit, path };
}

/**
 * Checks the attributes against the entity. Returns the spec, or the warnings that explain why there
 * is none (each attribute problem is worth telling the integrator, so all are collected); `notes` are
 * warnings about attributes that were ignored while the chart still shows.
 */
export function chartSpec(
  entity: Entity,
  input: ChartInput,
  locale: Locale,
): { spec?: ChartSpec; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const type = input.type ?? 'bar';
  if (!chartTypes.includes(type)) problems.push(chartText(locale, 'badType', { value: type }));

  const unknown = (field: string) => chartText(locale, 'unknownField', { entity: entity.name, field });
  const lookup = (path: string) => entity.field(path.split('.'));

  let groupBy: ChartSpec['groupBy'];
  if (input.groupBy) {
    const field = lookup(input.groupBy);
    if (field || input.groupBy === 'id' || SYSTEM_DATES.has(input.groupBy)) groupBy = { path: input.groupBy, field };
    else problems.push(unknown(input.groupBy));
  }

  let period: ChartSpec['period'];
  if (input.period) {
    const parsed = parsePeriod(input.period);
    const field = parsed && lookup(parsed.path);
    const isDate = parsed && (SYSTEM_DATES.has(parsed.path) || field?.kind === 'date' || field?.kind === 'datetime');
    if (!parsed) problems.push(chartText(locale, 'badPeriod', { value: input.period }));
    else if (!isDate && !field) problems.push(unknown(parsed.path));
    else if (!isDate) problems.push(chartText(locale, 'badPeriod', { value: input.period }));
    else if (type === 'pie' && groupBy) notes.push(chartText(locale, 'pieIgnoresPeriod', { value: input.period }));
    else period = parsed;
  }

  const measureText = input.measure ?? 'count';
  const measure = parseMeasure(measureText);
  let measureField: FieldModel | undefined;
  if (!measure) {
    problems.push(chartText(locale, 'badMeasure', { value: measureText }));
  } else if (measure.field !== undefined) {
    measureField = lookup(measure.field);
    if (!measureField) problems.push(unknown(measure.field));
    else if (measure.op !== 'count' && !NUMERIC.has(measureField.kind))
      problems.push(chartText(locale, 'notNumeric', { field: measure.field, op: measure.op }));
  }

  if (problems.length || !measure) return { problems, notes };
  return { spec: { type: type as ChartType, groupBy, period, measure, measureField }, problems, notes };
}
