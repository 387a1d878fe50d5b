import type { MangoQuerySelector } from 'rxdb';
import type { Entity, SortSpec } from '../entity/types.js';
import { keyLength, sortKey } from './keys.js';
import { primaryKey, type PhysicalRecord } from './physical.js';
import type { CountOptions, FindOptions, Selector } from './types.js';

type Mango = Record<string, unknown>;

const logical = new Set(['$and', '$or', '$nor']);
const rangeOperators = ['$eq', '$gt', '$gte', '$lt', '$lte', '$in'];

/** A value whose sort key is exact (not cut short), so a slot condition on it is as strict as the field's. */
function exact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  return typeof value === 'string' && value.length <= keyLength;
}

/** The index-slot form of a field condition, or undefined when the slot cannot help. */
function slotCondition(condition: unknown): unknown {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    return exact(condition) ? sortKey(condition) : undefined;
  }
  const out: Mango = {};
  for (const op of rangeOperators) {
    if (!(op in condition)) continue;
    const value = (condition as Mango)[op];
    if (op === '$in') {
      if (!Array.isArray(value) || !value.every(exact)) continue;
      out.$in = value.map(sortKey);
    } else if (exact(value)) out[op] = sortKey(value);
  }
  return Object.keys(out).length ? out : undefined;
}

function idCondition(entity: Entity, condition: unknown): unknown {
  if (typeof condition === 'string') return primaryKey(entity.name, condition);
  if (condition && typeof condition === 'object') {
    const c = condition as Mango;
    const keys = Object.keys(c);
    if (keys.length === 1 && keys[0] === '$in' && Array.isArray(c.$in))
      return { $in: c.$in.map((id) => primaryKey(entity.name, String(id))) };
    if (keys.length === 1 && keys[0] === '$eq') return primaryKey(entity.name, String(c.$eq));
  }
  return undefined;
}

/** Rewrites a selector over record fields into one over the generic collection, using index slots where it can. */
export function physicalSelector(entity: Entity, selector: Selector = {}): Mango {
  const out: Mango = {};
  for (const [key, condition] of Object.entries(selector)) {
    if (logical.has(key)) {
      out[key] = (condition as Selector[]).map((s) => physicalSelector(entity, s));
      continue;
    }
    if (key === 'id') {
      const pk = idCondition(entity, condition);
      if (pk !== undefined) {
        out.pk = pk;
        continue;
      }
    }
    out[`d.${key}`] = condition;
    const slot = entity.indexes.indexOf(key);
    if (slot >= 0) {
      const keyed = slotCondition(condition);
      if (keyed !== undefined) out[`k${slot}`] = keyed;
    }
  }
  return out;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every word of the quick search must occur in the record's search text. */
function searchSelector(search: string | undefined): Mango[] {
  return (search ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ s: { $regex: escapeRegex(word) } }));
}

export function baseSelector(
  entity: Entity,
  options: CountOptions,
  removed = false,
): MangoQuerySelector<PhysicalRecord> {
  const selector: Mango = { e: entity.name, t: removed ? 1 : 0, ...physicalSelector(entity, options.selector) };
  const words = searchSelector(options.search);
  if (words.length) selector.$and = [...((selector.$and as Mango[]) ?? []), ...words];
  return selector as MangoQuerySelector<PhysicalRecord>;
}

/** The physical sort for a record sort; `undefined` when a field is not indexed and must be sorted in memory. */
export function physicalSort(entity: Entity, sort: SortSpec[]): Record<string, 'asc'>[] | undefined {
  const out: Record<string, 'asc'>[] = [];
  for (const { field, direction } of sort) {
    const desc = direction === 'desc';
    if (field === 'updatedAt') out.push({ [desc ? 'ru' : 'u']: 'asc' });
    else if (field === 'id' && !desc) out.push({ pk: 'asc' });
    else {
      const slot = entity.indexes.indexOf(field);
      if (slot < 0) return undefined;
      out.push({ [`${desc ? 'r' : 'k'}${slot}`]: 'asc' });
    }
  }
  return out;
}

export function sortSpecs(entity: Entity, options: FindOptions): SortSpec[] {
  if (!options.sort) return [entity.defaultSort];
  return Array.isArray(options.sort) ? options.sort : [options.sort];
}

/** Compares records the way `sort` orders them, for fields without an index. */
export function recordComparator(sort: SortSpec[]) {
  return (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    for (const { field, direction } of sort) {
      const x = a[field];
      const y = b[field];
      if (x === y) continue;
      const order =
        x === undefined || x === null
          ? -1
          : y === undefined || y === null
            ? 1
            : typeof x === 'number' && typeof y === 'number'
              ? x - y
              : String(x).localeCompare(String(y), 'zh-CN');
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  };
}
