import type { Entity, FieldModel } from '../entity/types.js';
import type { Store } from '../store/types.js';

/** How complete one record is: 0–1, and the fields it leaves empty. */
export interface RecordCompleteness {
  id: string;
  score: number;
  missing: string[];
}

/** How complete an entity's records are. */
export interface EntityCompleteness {
  entity: string;
  records: number;
  /** Mean score, 0–1 (1 for an entity without records). */
  average: number;
  /** Records per tenth: `histogram[0]` counts scores below 0.1, `histogram[9]` from 0.9 to 1. */
  histogram: number[];
  /** Empty-field counts, most often missing first. */
  missing: { field: string; count: number }[];
}

/** Weight of a required field against an optional one's 1. */
export const requiredWeight = 3;

/**
 * The fields a score counts: top-level fields a user fills in — not computed, hidden, read-only or
 * hidden-by-condition ones (a consumer has no tax number to fill).
 */
function counted(entity: Entity): FieldModel[] {
  return entity.fields.filter((f) => !f.formula && !f.hidden && !f.readOnly);
}

const filled = (value: unknown): boolean => {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).some(filled);
  return true;
};

function applies(field: FieldModel, record: Record<string, unknown>): boolean {
  const when = field.visibleWhen;
  if (!when) return true;
  const value = record[when.field] as string | number | boolean | undefined;
  if (when.in) return value !== undefined && when.in.includes(value);
  if (when.notIn) return value === undefined || !when.notIn.includes(value);
  return when.equals === undefined || value === when.equals;
}

/** Share of the record's fields that are filled, required fields weighing {@link requiredWeight}. */
export function recordCompleteness(entity: Entity, record: Record<string, unknown>): RecordCompleteness {
  let total = 0;
  let have = 0;
  const missing: string[] = [];
  for (const field of counted(entity)) {
    if (!applies(field, record)) continue;
    const weight = field.required ? requiredWeight : 1;
    total += weight;
    if (filled(record[field.key])) have += weight;
    else missing.push(field.key);
  }
  return { id: String(record.id ?? ''), score: total ? Math.round((have / total) * 1000) / 1000 : 1, missing };
}

/** Completeness over many records: average, distribution by tenths and the most often missing fields. */
export function entityCompleteness(entity: Entity, records: readonly Record<string, unknown>[]): EntityCompleteness {
  const histogram = new Array<number>(10).fill(0);
  const missing = new Map<string, number>();
  let sum = 0;
  for (const record of records) {
    const { score, missing: empty } = recordCompleteness(entity, record);
    sum += score;
    histogram[Math.min(9, Math.floor(score * 10))]++;
    for (const field of empty) missing.set(field, (missing.get(field) ?? 0) + 1);
  }
  return {
    entity: entity.name,
    records: records.length,
    average: records.length ? Math.round((sum / records.length) * 1000) / 1000 : 1,
    histogram,
    missing: [...missing].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count),
  };
}

/** {@link entityCompleteness} over an entity's live records in the store (those the user may read). */
export async function storeCompleteness(store: Store, entity: string): Promise<EntityCompleteness> {
  const repository = store.entity(entity);
  return entityCompleteness(repository.entity, await repository.find());
}
