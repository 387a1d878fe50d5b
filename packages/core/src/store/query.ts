import type { MangoQuerySelector } from 'rxdb';
import type { Entity, SortSpec } from '../entity/types.js';
import { keyLength, sortKey } from './keys.js';
import { primaryKey, sensitiveSearchMark, type PhysicalRecord } from './physical.js';
import type { CountOptions, FindOptions, Selector } from './types.js';

type Mango = Record<string, unknown>;

const logical = new Set(['$and', '$or', '$nor']);
const rangeOperators = ['$eq', '$gt', '$gte', '$lt', '$lte', '$in'];

const jsonTypeOf = (value: unknown) => (typeof value === 'number' ? 'number' : typeof value);

/**
 * Whether a value's sort key compares exactly like the value itself for a field of `type`: the
 * same JSON type, and strings shorter than the key length (a stored key is cut to `keyLength`, and
 * for shorter query strings every comparison on the cut key agrees with the full value).
 */
function exact(value: unknown, type: string): boolean {
  const expected = type === 'integer' ? 'number' : type;
  if (jsonTypeOf(value) !== expected) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value !== 'string' || value.length < keyLength;
}

/**
 * The index-slot form of a field condition. `alone` is true when the slot condition is equivalent
 * to the field condition, which can then be dropped — so the index answers the query (and counts)
 * by itself. Otherwise the slot narrows and the field condition still decides.
 */
function slotCondition(condition: unknown, type: string): { slot?: unknown; alone: boolean } {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    return exact(condition, type) ? { slot: sortKey(condition), alone: true } : { alone: false };
  }
  const out: Mango = {};
  let alone = true;
  for (const [op, value] of Object.entries(condition)) {
    if (!rangeOperators.includes(op)) alone = false;
    else if (op === '$in' && Array.isArray(value) && value.every((v) => exact(v, type))) out.$in = value.map(sortKey);
    else if (op !== '$in' && exact(value, type)) out[op] = sortKey(value);
    else alone = false;
  }
  return Object.keys(out).length ? { slot: out, alone } : { alone: false };
}

function idCondition(entity: Entity, condition: unknown): unknown {
  if (typeof condition === 'string') return primaryKey(entity.name, condition);
  if (condition && typeof condition === 'object') {
    const c = condition as Mango;
    const keys = Object.keys(c);
    if (keys.length === 1 && keys[0] === '$in' && Array.isArray(c.$in))
      return { $in: c.$in.map((id) => primaryKey(entity.name, String(id))) };
    if (keys.length === 1 && keys[0] === '$eq') return primaryKey(entity.name, String(c.$eq));
    // One range bound (a paged read's "after this id"): keys share the entity prefix, so they order as ids do.
    if (keys.length === 1 && ['$gt', '$gte', '$lt', '$lte'].includes(keys[0]) && typeof c[keys[0]] === 'string')
      return { [keys[0]]: primaryKey(entity.name, c[keys[0]] as string) };
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
    const slot = entity.indexes.indexOf(key);
    const keyed = slot >= 0 ? slotCondition(condition, entity.field(key)?.type ?? '') : { alone: false };
    if (keyed.slot !== undefined) out[`k${slot}`] = keyed.slot;
    if (!keyed.alone) out[`d.${key}`] = condition;
  }
  return out;
}

/**
 * Set by the permission layer on the options it passes down: search sensitive fields by whole value
 * only. A symbol, so no caller can set it through the public options by accident or on purpose.
 */
export const plainSearch = Symbol('kehu.plainSearch');

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a quick search, as matched: lowercased, split on spaces. */
export const searchWords = (search: string | undefined): string[] =>
  (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Every word of the quick search must occur in the record's search text — or, in an encrypted
 * store, equal a sensitive field's whole value, which the text holds as a keyed-hash token.
 */
function searchSelector(search: string | undefined, tokens?: ReadonlyMap<string, string>, plainOnly = false): Mango[] {
  return searchWords(search).map((word) => {
    const w = escapeRegex(word);
    // A user who may not read sensitive fields in full finds them only by their whole value, so
    // typing digits one at a time reveals nothing (docs/decisions/0007-permissions.md).
    const text = plainOnly
      ? {
          $or: [
            { s: { $regex: `^[^${sensitiveSearchMark}]*${w}` } },
            { s: { $regex: `${sensitiveSearchMark}(?:[^\u0001]*\u0001)*${w}(?:\u0001|$)` } },
          ],
        }
      : { s: { $regex: w } };
    const token = tokens?.get(word);
    return token ? { $or: [text, { s: { $regex: escapeRegex(token) } }] } : text;
  });
}

/** The conditions on the search text (`s`) that `baseSelector` adds for `options.search`: one per word. */
export function searchConditions(options: CountOptions, tokens?: ReadonlyMap<string, string>): Mango[] {
  const plainOnly = (options as { [plainSearch]?: boolean })[plainSearch] === true;
  return searchSelector(options.search, tokens, plainOnly);
}

export function baseSelector(
  entity: Entity,
  options: CountOptions,
  removed = false,
  tokens?: ReadonlyMap<string, string>,
): MangoQuerySelector<PhysicalRecord> {
  const selector: Mango = { e: entity.name, t: removed ? 1 : 0, ...physicalSelector(entity, options.selector) };
  const words = searchConditions(options, tokens);
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
