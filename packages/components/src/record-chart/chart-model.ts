import { localize, periodsBetween, type AggregateRow, type Entity, type GroupKey, type Locale } from '@kehu/core';
import { chartText } from './record-chart.strings.js';
import { groupLabel, measureLabel, periodLabel, type ReferenceTitles } from './chart-labels.js';
import type { ChartSpec } from './chart-spec.js';

/**
 * What the chart and its table show, in `locale`: the categories along the axis (or the pie's
 * slices, or the table's rows) and one series of values per category — several when the chart is
 * split both by period and by group.
 */
export interface ChartModel {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** Identifies a group within the rows, `other` included. */
type GroupId = GroupKey | typeof OTHER;
const OTHER = Symbol('other');
const idOf = (row: AggregateRow): GroupId => (row.other ? OTHER : row.key);

/**
 * Group order: an enum's own order (the order its schema lists the values in), otherwise the
 * largest first; records without a value and "Other" always come last.
 */
function orderGroups(spec: ChartSpec, totals: Map<GroupId, number>): GroupId[] {
  const options = spec.groupBy?.field?.kind === 'enum' ? spec.groupBy.field.options : undefined;
  const rank = (id: GroupId) => (id === OTHER ? 3 : id === null ? 2 : 0);
  const enumIndex = (id: GroupId) => {
    const i = options?.findIndex((o) => o.value === id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...totals.keys()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (options ? enumIndex(a) - enumIndex(b) : 0) ||
      (totals.get(b) ?? 0) - (totals.get(a) ?? 0) ||
      String(a).localeCompare(String(b)),
  );
}

/** Count and sum of an empty period are 0 (nothing happened); an average of nothing is a gap. */
const emptyValue = (spec: ChartSpec) => (spec.measure.op === 'count' || spec.measure.op === 'sum' ? 0 : null);

export function chartModel(
  entity: Entity,
  spec: ChartSpec,
  rows: AggregateRow[],
  locale: Locale,
  titles: ReferenceTitles,
): ChartModel {
  const measure = measureLabel(entity, spec, locale);
  const label = (id: GroupId) => (id === OTHER ? chartText(locale, 'other') : groupLabel(spec, id, locale, titles));
  if (!rows.length) return { categories: [], series: [] };

  const totals = new Map<GroupId, number>();
  for (const row of rows) totals.set(idOf(row), (totals.get(idOf(row)) ?? 0) + (row.values[0] ?? 0));
  const groups = orderGroups(spec, totals);

  if (!spec.period) {
    if (!spec.groupBy) {
      const all = chartText(locale, 'all', { entity: localize(entity.pluralLabel, locale) || entity.name });
      return { categories: [all], series: [{ name: measure, values: [rows[0].values[0]] }] };
    }
    const byGroup = new Map(rows.map((r) => [idOf(r), r.values[0]]));
    return {
      categories: groups.map(label),
      series: [{ name: measure, values: groups.map((g) => byGroup.get(g) ?? null) }],
    };
  }

  // Over time: every period from the first to the last, so gaps show; undated records last.
  const { unit } = spec.period;
  const dated = rows.map((r) => r.period).filter((p): p is string => p !== null);
  const periods: (string | null)[] = dated.length ? periodsBetween(dated[0], dated[dated.length - 1], unit) : [];
  if (rows.some((r) => r.period === null)) periods.push(null);
  const categories = periods.map((p) => periodLabel(p, unit, locale));
  const cell = new Map(
    rows.map((r) => [`${String(r.period)}\u0000${r.other ? '\u0001' : JSON.stringify(r.key)}`, r.values[0]]),
  );
  const valuesOf = (id: GroupId) =>
    periods.map(
      (p) => cell.get(`${String(p)}\u0000${id === OTHER ? '\u0001' : JSON.stringify(id)}`) ?? emptyValue(spec),
    );
  if (!spec.groupBy) return { categories, series: [{ name: measure, values: valuesOf(null) }] };
  return { categories, series: groups.map((g) => ({ name: label(g), values: valuesOf(g) })) };
}
