import type { Entity, FieldKind, FieldModel } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { Selector } from '../store/types.js';

/** What a filter condition tests. Which ones a field offers depends on its kind (`operatorsFor`). */
export type FilterOperator =
  'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'between' | 'in' | 'contains' | 'startsWith' | 'empty' | 'notEmpty';

/** One test on one field: `{ field: 'creditLimit', op: 'gte', value: 10000 }`. */
export interface FilterCondition {
  field: string;
  op: FilterOperator;
  /** The operand; `between` takes `[from, to]`, `in` an array; `empty`/`notEmpty` none. */
  value?: unknown;
}

/**
 * Conditions joined by AND (`all`) or OR (`any`), nestable. Plain JSON, so saved views store it as
 * it is and a filter survives sync and reload.
 */
export interface FilterGroup {
  match: 'all' | 'any';
  conditions: (FilterCondition | FilterGroup)[];
}

export const isFilterGroup = (item: FilterCondition | FilterGroup): item is FilterGroup =>
  typeof item === 'object' && item !== null && 'conditions' in item;

const ORDERED: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'empty', 'notEmpty'];
const TEXT: FilterOperator[] = ['contains', 'startsWith', 'eq', 'ne', 'empty', 'notEmpty'];
const CHOICE: FilterOperator[] = ['eq', 'ne', 'in', 'empty', 'notEmpty'];

const OPERATORS: Partial<Record<FieldKind, FilterOperator[]>> = {
  text: TEXT,
  textarea: ['contains', 'empty', 'notEmpty'],
  email: TEXT,
  number: ORDERED,
  integer: ORDERED,
  money: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  enum: CHOICE,
  reference: ['eq', 'ne', 'empty', 'notEmpty'],
  boolean: ['eq'],
};

/** The operators a field offers, in the order a filter builder lists them; none for objects and arrays. */
export function operatorsFor(field: FieldModel): FilterOperator[] {
  if (field.path.length > 1) return [];
  return OPERATORS[field.kind] ?? [];
}

/** Fields a filter can test: the entity's visible top-level scalar fields. */
export function filterableFields(entity: Entity): FieldModel[] {
  return entity.fields.filter((field) => !field.hidden && operatorsFor(field).length > 0);
}

const NEEDS_NO_VALUE = new Set<FilterOperator>(['empty', 'notEmpty']);

/**
 * Turns what a user typed into the value a condition compares with: numbers for numeric fields
 * (full-width digits and thousands separators accepted), booleans for flags, trimmed text otherwise.
 * Returns `undefined` when the text cannot be such a value.
 */
export function coerceFilterValue(field: FieldModel, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (field.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    return raw === 'true' ? true : raw === 'false' ? false : undefined;
  }
  if (field.type === 'number' || field.type === 'integer') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
    const text = String(raw)
      .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
      .replace(/[\uff0e]/g, '.')
      .replace(/[\uff0d]/g, '-')
      .replace(/[,\uff0c\s]/g, '');
    if (text === '') return undefined;
    const number = Number(text);
    return Number.isFinite(number) ? number : undefined;
  }
  const text = String(raw).trim();
  return text === '' ? undefined : text;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A condition as a Mango condition on its field, or `undefined` when it is incomplete. */
function fieldCondition(field: FieldModel, condition: FilterCondition): Selector | undefined {
  const { op } = condition;
  const key = field.key;
  if (op === 'empty') return { $or: [{ [key]: { $exists: false } }, { [key]: null }, { [key]: '' }] };
  if (op === 'notEmpty') return { [key]: { $exists: true, $nin: [null, ''] } };
  if (op === 'between') {
    const [from, to] = Array.isArray(condition.value) ? condition.value : [];
    const low = coerceFilterValue(field, from);
    const high = coerceFilterValue(field, to);
    if (low === undefined && high === undefined) return undefined;
    return {
      [key]: { ...(low === undefined ? {} : { $gte: low }), ...(high === undefined ? {} : { $lte: high }) },
    };
  }
  if (op === 'in') {
    const values = (Array.isArray(condition.value) ? condition.value : [condition.value])
      .map((v) => coerceFilterValue(field, v))
      .filter((v) => v !== undefined);
    return values.length ? { [key]: { $in: values } } : undefined;
  }
  const value = coerceFilterValue(field, condition.value);
  if (value === undefined) return undefined;
  switch (op) {
    case 'eq':
      // A flag that was never set reads as "no": `false` must match records without the field.
      return field.kind === 'boolean' && value === false ? { [key]: { $ne: true } } : { [key]: value };
    case 'ne':
      return { [key]: { $ne: value } };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { [key]: { [`$${op}`]: value } };
    case 'startsWith':
      // A key range rather than a regex, so an indexed field answers it from its index.
      return { [key]: { $gte: value, $lt: `${String(value)}\uffff` } };
    case 'contains':
      return { [key]: { $regex: escapeRegex(String(value)), $options: 'i' } };
    default:
      return undefined;
  }
}

/** Adds `part` to an AND selector, keeping field conditions at the top level where they don't clash. */
function mergeAll(into: Selector, part: Selector): void {
  for (const [key, condition] of Object.entries(part)) {
    const existing = into[key];
    const isOps = (c: unknown) => typeof c === 'object' && c !== null && !Array.isArray(c);
    if (existing === undefined && key !== '$or' && key !== '$and') into[key] = condition;
    else if (
      isOps(existing) &&
      isOps(condition) &&
      Object.keys(condition as object).every((op) => !(op in (existing as object)))
    ) {
      into[key] = { ...(existing as object), ...(condition as object) };
    } else {
      const and = (into.$and as Selector[] | undefined) ?? [];
      into.$and = [...and, key === '$and' ? { $and: condition } : { [key]: condition }];
    }
  }
}

/**
 * Selectors that must all hold, as one selector: conditions stay at the top level (where the store
 * maps indexed fields to their index) unless two constrain the same field the same way.
 */
export function allOf(...selectors: (Selector | undefined)[]): Selector {
  const all: Selector = {};
  for (const selector of selectors) if (selector) mergeAll(all, selector);
  return all;
}

export interface FilterProblem {
  /** Position of the condition, e.g. `[0]` or `[2, 1]` for the second condition of the third item's group. */
  at: number[];
  message: LocalizedText;
}

/** What is wrong with a filter for an entity: unknown fields, operators the field does not offer. */
export function filterProblems(entity: Entity, filter: FilterGroup, at: number[] = []): FilterProblem[] {
  const problems: FilterProblem[] = [];
  filter.conditions.forEach((item, i) => {
    const here = [...at, i];
    if (isFilterGroup(item)) {
      problems.push(...filterProblems(entity, item, here));
      return;
    }
    const field = entity.field(item.field);
    if (!field || field.hidden) {
      problems.push({
        at: here,
        message: {
          en: `The filter tests "${item.field}", which ${entity.name} does not have; remove that condition.`,
          'zh-CN': `筛选条件引用了字段「${item.field}」，但 ${entity.name} 没有这个字段；请删除该条件。`,
        },
      });
    } else if (!operatorsFor(field).includes(item.op)) {
      problems.push({
        at: here,
        message: {
          en: `"${field.label.en}" cannot be tested with "${item.op}"; choose another comparison.`,
          'zh-CN': `「${field.label['zh-CN']}」不支持比较方式「${item.op}」，请换一种比较方式。`,
        },
      });
    }
  });
  return problems;
}

/**
 * The store selector for a filter. Conditions still being filled in (no value yet) are left out,
 * so a half-built filter narrows by what is complete. AND groups keep field conditions at the top
 * level, where the store maps indexed fields to their index; OR groups become `$or`.
 *
 * @throws KehuError (`invalid-filter`) naming the field when a condition cannot apply to the entity.
 */
export function filterSelector(entity: Entity, filter: FilterGroup | undefined): Selector {
  if (!filter) return {};
  const problems = filterProblems(entity, filter);
  if (problems.length) throw new KehuError('invalid-filter', problems[0].message);
  return groupSelector(entity, filter) ?? {};
}

function groupSelector(entity: Entity, group: FilterGroup): Selector | undefined {
  const parts: Selector[] = [];
  for (const item of group.conditions) {
    const part = isFilterGroup(item) ? groupSelector(entity, item) : fieldCondition(entity.field(item.field)!, item);
    if (part && Object.keys(part).length) parts.push(part);
  }
  if (!parts.length) return undefined;
  if (group.match === 'any') return parts.length === 1 ? parts[0] : { $or: parts };
  const all: Selector = {};
  for (const part of parts) mergeAll(all, part);
  return all;
}

/** Whether a condition has what it needs to apply (a value, unless the operator takes none). */
export function isComplete(entity: Entity, condition: FilterCondition): boolean {
  const field = entity.field(condition.field);
  return !!field && (NEEDS_NO_VALUE.has(condition.op) || fieldCondition(field, condition) !== undefined);
}
