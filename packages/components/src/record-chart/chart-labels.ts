import { localize, periodStart, type Entity, type GroupKey, type Locale, type PeriodUnit } from '@kehu/core';
import type { ChartSpec } from './chart-spec.js';
import { chartText } from './record-chart.strings.js';

/** Titles of referenced records by id (a document's customer), looked up once per aggregation. */
export type ReferenceTitles = ReadonlyMap<string, string>;

const systemLabels: Record<string, Record<Locale, string>> = {
  id: { 'zh-CN': 'ID', en: 'ID' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  updatedAt: { 'zh-CN': '修改时间', en: 'Updated' },
};

/** A field's label in `locale`, system fields included. */
export function pathLabel(entity: Entity, path: string, locale: Locale): string {
  const field = entity.field(path.split('.'));
  return field ? localize(field.label, locale) : (systemLabels[path]?.[locale] ?? path);
}

/** What a group is called: enum labels and reference titles in `locale`, "(none)" for records without a value. */
export function groupLabel(spec: ChartSpec, key: GroupKey, locale: Locale, titles: ReferenceTitles): string {
  if (key === null) return chartText(locale, 'none');
  const field = spec.groupBy?.field;
  if (typeof key === 'boolean') return chartText(locale, key ? 'yes' : 'no');
  if (typeof key === 'number') return new Intl.NumberFormat(locale).format(key);
  if (field?.kind === 'enum') {
    const option = field.options?.find((o) => o.value === key);
    if (option) return localize(option.label, locale);
  }
  if (field?.kind === 'reference' || field?.ref) return titles.get(key) ?? key;
  return key;
}

/** A period key as people read it: `2024年3月` / `Mar 2024`, `2024年第1季度` / `Q1 2024`, `Week 9, 2024`. */
export function periodLabel(key: string | null, unit: PeriodUnit, locale: Locale): string {
  if (key === null) return chartText(locale, 'none');
  const start = periodStart(key, unit);
  if (start === undefined) return key;
  const date = new Date(`${start}T00:00:00Z`);
  const year = new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(key.slice(0, 4)));
  switch (unit) {
    case 'day':
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    case 'week':
      return chartText(locale, 'weekOf', { year, week: Number(key.slice(6)) });
    case 'month':
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
    case 'quarter':
      return chartText(locale, 'quarterOf', { year, quarter: key.slice(6) });
    case 'year':
      return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

/** The measure's name: "Count", "Total amount", "平均里程". */
export function measureLabel(entity: Entity, spec: ChartSpec, locale: Locale): string {
  const { measure } = spec;
  if (measure.op === 'count' && measure.field === undefined) return chartText(locale, 'count');
  const field = pathLabel(entity, measure.field!, locale);
  return chartText(locale, measure.op === 'count' ? 'countOf' : measure.op, { field });
}

/** A heading that says what the chart shows, used when the host gives none. */
export function chartCaption(entity: Entity, spec: ChartSpec, locale: Locale): string {
  const values = {
    entity: localize(entity.pluralLabel, locale) || entity.name,
    measure: measureLabel(entity, spec, locale),
    by: spec.groupBy ? pathLabel(entity, spec.groupBy.path, locale) : '',
    period: spec.period ? chartText(locale, spec.period.unit) : '',
  };
  if (spec.groupBy && spec.period) return chartText(locale, 'byBoth', values);
  if (spec.groupBy || spec.period) return chartText(locale, 'by', { ...values, by: values.by || values.period });
  return chartText(locale, 'plain', values);
}

/** Formats measure values: money as currency, counts as whole numbers, the rest with up to 2 decimals. */
export function valueFormat(spec: ChartSpec, locale: Locale, compact = false): (value: number | null) => string {
  const field = spec.measureField;
  let format: Intl.NumberFormat;
  const notation = compact ? ({ notation: 'compact' } as const) : {};
  if (spec.measure.op !== 'count' && field?.kind === 'money') {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: field.currency ?? 'CNY', ...notation });
    } catch {
      // An invalid currency code in a schema must not blank the chart.
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...notation });
    }
  } else {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: spec.measure.op === 'count' ? 0 : 2, ...notation });
  }
  return (value) => (value === null ? '—' : format.format(value));
}
