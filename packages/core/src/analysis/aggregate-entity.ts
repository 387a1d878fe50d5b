import type { Entity } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { Repository, Selector } from '../store/types.js';
import { Aggregation, type AggregateOptions, type AggregateRow, type Measure } from './aggregate.js';

export interface AggregateEntityOptions extends AggregateOptions {
  /** Only records matching this Mango selector over the entity's fields. */
  selector?: Selector;
  /** Only records matching this quick search. */
  search?: string;
  /** Records read per store query. Default 1,000. */
  pageSize?: number;
  /** Stops reading between pages; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Locale of the error for an unknown field. Default en. */
  locale?: Locale;
}

const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/** Decimal places of a `multipleOf` that is a power of ten (0.01 → 2); undefined otherwise. */
function decimalsOf(multipleOf: unknown): number | undefined {
  if (typeof multipleOf !== 'number' || multipleOf <= 0 || multipleOf >= 1) return undefined;
  const places = Math.round(-Math.log10(multipleOf));
  return Math.abs(10 ** -places - multipleOf) < 1e-12 ? places : undefined;
}

/** The fields the options name that `entity` does not have; system fields always exist. */
export function unknownAggregateFields(entity: Entity, options: AggregateOptions): string[] {
  const named = [options.groupBy, options.period?.field, ...options.measures.map((m) => m.field)].filter(
    (f): f is string => f !== undefined,
  );
  return [...new Set(named)].filter((f) => !SYSTEM_FIELDS.has(f) && !entity.field(f.split('.')));
}

/**
 * Measures with `decimals` filled in from the entity's schema: a money field with `multipleOf: 0.01`
 * is summed in integer cents, so totals never drift by a fraction of a cent.
 */
function withSchemaDecimals(entity: Entity, measures: Measure[]): Measure[] {
  return measures.map((m) => {
    if (m.op === 'count' || m.decimals !== undefined) return m;
    const decimals = decimalsOf(entity.field(m.field.split('.'))?.schema.multipleOf);
    return decimals === undefined ? m : { ...m, decimals };
  });
}

/**
 * `aggregate` over an entity in a store: reads the matching records page by page (never all at
 * once), so dashboards over 100,000 records keep memory flat. Pages follow the `updatedAt` index,
 * which both storages walk cheaply; a record edited while the pages are read is counted once, with
 * the values of whichever page saw it first — live callers re-run after changes anyway.
 *
 * Throws a `KehuError` (`unknown-field`) when the options name a field the entity does not have.
 */
export async function aggregateEntity(
  repository: Repository,
  options: AggregateEntityOptions,
): Promise<AggregateRow[]> {
  const { selector, search, signal, pageSize = 1000, locale = 'en', ...rest } = options;
  const entity = repository.entity;
  const unknown = unknownAggregateFields(entity, rest);
  if (unknown.length) {
    const fields = unknown.join(', ');
    throw new KehuError(
      'unknown-field',
      {
        en: `Cannot aggregate ${entity.name}: no field ${fields}.`,
        'zh-CN': `无法统计${entity.label['zh-CN']}：没有字段 ${fields}。`,
      },
      locale,
    );
  }
  const aggregation = new Aggregation({ ...rest, measures: withSchemaDecimals(entity, rest.measures) });
  const seen = new Set<string>();
  for (let skip = 0; ; skip += pageSize) {
    signal?.throwIfAborted();
    const page = await repository.find({
      selector,
      search,
      sort: { field: 'updatedAt', direction: 'asc' },
      skip,
      limit: pageSize,
    });
    for (const record of page) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      aggregation.add(record);
    }
    if (page.length < pageSize) break;
  }
  signal?.throwIfAborted();
  return aggregation.rows();
}
