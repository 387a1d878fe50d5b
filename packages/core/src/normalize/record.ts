import type { Entity, FieldModel } from '../entity/types.js';
import { normalizeRules, normalizeValue, type NormalizeRule } from './rules.js';

/** Where a rule applies: a top-level field, a field inside rows or an object, or the items of an array of strings. */
interface Step {
  key: string;
  rule?: NormalizeRule;
  /** Fields of an object value, or of each row of an array of objects. */
  children?: Step[];
  /** The field is an array of strings, each normalised by `rule`. */
  items?: boolean;
}

/** The field's declared rule (`x-kehu.normalize`), if it names a known one. */
export function normalizeRuleOf(field: FieldModel): NormalizeRule | undefined {
  const rule = (field.schema['x-kehu'] as { normalize?: unknown } | undefined)?.normalize;
  return normalizeRules.includes(rule as NormalizeRule) ? (rule as NormalizeRule) : undefined;
}

function stepsOf(fields: readonly FieldModel[]): Step[] {
  const steps: Step[] = [];
  for (const field of fields) {
    const rule = normalizeRuleOf(field);
    if (field.children) {
      const children = stepsOf(field.children);
      if (children.length) steps.push({ key: field.key, children });
    } else if (field.item) {
      const itemRule = normalizeRuleOf(field.item) ?? rule;
      if (itemRule) steps.push({ key: field.key, rule: itemRule, items: true });
    } else if (rule) steps.push({ key: field.key, rule });
  }
  return steps;
}

// Computed once per entity: writes of 100k records must not walk the field model each time.
const plans = new WeakMap<Entity, Step[]>();

function planOf(entity: Entity): Step[] {
  let plan = plans.get(entity);
  if (!plan) plans.set(entity, (plan = stepsOf(entity.fields)));
  return plan;
}

function apply(steps: Step[], data: Record<string, unknown>): Record<string, unknown> {
  let out = data;
  const set = (key: string, value: unknown) => {
    if (value === out[key]) return;
    if (out === data) out = { ...data };
    out[key] = value;
  };
  for (const step of steps) {
    const value = data[step.key];
    if (value === undefined || value === null) continue;
    if (step.children) {
      if (Array.isArray(value)) {
        const rows = value.map((row) => (isObject(row) ? apply(step.children!, row) : row));
        if (rows.some((row, i) => row !== value[i])) set(step.key, rows);
      } else if (isObject(value)) set(step.key, apply(step.children, value));
    } else if (step.items && Array.isArray(value)) {
      const items = value.map((item) => normalizeValue(step.rule!, item));
      if (items.some((item, i) => item !== value[i])) set(step.key, items);
    } else set(step.key, normalizeValue(step.rule!, value));
  }
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The record (or a patch of it) with every field that declares `x-kehu.normalize` normalised, in
 * nested objects and line rows too. Returns `data` itself when nothing changed (or nothing is
 * declared), and never changes `data`.
 */
export function normalizeRecord<T extends Record<string, unknown>>(entity: Entity, data: T): T {
  const plan = planOf(entity);
  if (!plan.length || !isObject(data)) return data;
  return apply(plan, data) as T;
}

/** Whether any field of the entity declares a normalisation rule. */
export function hasNormalization(entity: Entity): boolean {
  return planOf(entity).length > 0;
}
