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
  const tally = new CompletenessTally(entity);
  tally.add(records);
  return tally.result();
}

/** {@link entityCompleteness} counted a page of records at a time, keeping only the sums. */
export class CompletenessTally {
  private histogram = new Array<number>(10).fill(0);
  private missing = new Map<string, number>();
  private sum = 0;
  private count = 0;

  constructor(private entity: Entity) {}

  add(records: readonly Record<string, unknown>[]): void {
    for (const record of records) {
      const { score, missing: empty } = recordCompleteness(this.entity, record);
      this.sum += score;
      this.count++;
      this.histogram[Math.min(9, Math.floor(score * 10))]++;
      for (const field of empty) this.missing.set(field, (this.missing.get(field) ?? 0) + 1);
    }
  }

  result(): EntityCompleteness {
    return {
      entity: this.entity.name,
      records: this.count,
      average: this.count ? Math.round((this.sum / this.count) * 1000) / 1000 : 1,
      histogram: [...this.histogram],
      missing: [...this.missing].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count),
    };
  }
}

/** {@link entityCompleteness} over an entity's live records in the store (those the user may read). */
export async function storeCompleteness(store: Store, entity: string): Promise<EntityCompleteness> {
  const repository = store.entity(entity);
  return entityCompleteness(repository.entity, await repository.find());
}
