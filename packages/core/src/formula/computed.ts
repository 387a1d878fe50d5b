import type { Entity, FieldModel } from '../entity/types.js';
import { decimalsOf, roundTo } from './decimal.js';
import { evaluateFormula, formulaNames, ownValue, parseFormula, type Expression } from './expression.js';

/** A key chain from the record root, e.g. `['lines', 2, 'amount']`. */
export type RecordPath = (string | number)[];

interface Formula {
  key: string;
  tree: Expression;
  decimals?: number;
}

/** The formulas of one object level, and the levels below it that hold formulas. */
interface Plan {
  formulas: Formula[];
  lists: Map<string, Plan>;
  objects: Map<string, Plan>;
}

const plans = new WeakMap<Entity, Plan | null>();

/** Sibling formulas in an order where each comes after the formulas it reads. */
function ordered(formulas: (Formula & { reads: string[] })[]): Formula[] {
  const done = new Set<string>();
  const out: Formula[] = [];
  const keys = new Set(formulas.map((f) => f.key));
  let pending = formulas;
  while (pending.length) {
    const ready = pending.filter((f) => f.reads.every((k) => !keys.has(k) || done.has(k) || k === f.key));
    // A cycle is refused when the schema is checked; here the rest simply run in declaration order.
    const batch = ready.length ? ready : pending;
    for (const f of batch) {
      done.add(f.key);
      out.push(f);
    }
    pending = pending.filter((f) => !batch.includes(f));
  }
  return out;
}

function planOf(fields: FieldModel[]): Plan | null {
  const formulas: (Formula & { reads: string[] })[] = [];
  const lists = new Map<string, Plan>();
  const objects = new Map<string, Plan>();
  for (const field of fields) {
    if (field.formula) {
      const tree = parseFormula(field.formula);
      const reads = formulaNames(tree).paths.map((p) => p[0]);
      const multipleOf = typeof field.schema.multipleOf === 'number' ? field.schema.multipleOf : undefined;
      formulas.push({ key: field.key, tree, reads, decimals: decimalsOf(field.type, field.kind, multipleOf) });
    }
    const below = field.children ? planOf(field.children) : null;
    if (below) (field.type === 'array' ? lists : objects).set(field.key, below);
  }
  if (!formulas.length && !lists.size && !objects.size) return null;
  return { formulas: ordered(formulas), lists, objects };
}

function entityPlan(entity: Entity): Plan | null {
  let plan = plans.get(entity);
  if (plan === undefined) {
    plan = planOf(entity.fields);
    plans.set(entity, plan);
  }
  return plan;
}

/** Whether the entity has any computed field. */
export function hasFormulas(entity: Entity): boolean {
  return entityPlan(entity) !== null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function run(plan: Plan, node: Record<string, unknown>, at: RecordPath, changed: RecordPath, out: RecordPath[]) {
  const [head, index, ...rest] = changed;
  for (const [key, sub] of plan.lists) {
    const rows = node[key];
    if (!Array.isArray(rows)) continue;
    // An edit inside one row recomputes that row only; anything else (rows added, pasted) all of them.
    const only = head === key && typeof index === 'number' ? index : undefined;
    rows.forEach((row, i) => {
      if ((only === undefined || only === i) && isObject(row)) {
        run(sub, row, [...at, key, i], only === undefined ? [] : rest, out);
      }
    });
  }
  for (const [key, sub] of plan.objects) {
    const child = node[key];
    if (isObject(child)) run(sub, child, [...at, key], head === key ? changed.slice(1) : [], out);
  }
  const scope = (path: string[]) => path.reduce<unknown>((v, k) => ownValue(v, k), node);
  for (const formula of plan.formulas) {
    let value = evaluateFormula(formula.tree, scope);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) value = undefined;
      else if (formula.decimals !== undefined) value = roundTo(value, formula.decimals);
    }
    if (node[formula.key] === value) continue;
    if (value === undefined) delete node[formula.key];
    else node[formula.key] = value;
    out.push([...at, formula.key]);
  }
}

/**
 * Recomputes the computed fields of `record` in place, innermost first (a line's amount before the
 * document's total), and returns the paths whose value changed. Pass the path that was edited to
 * recompute only its row and what depends on it (a form with 1,000 lines stays fast).
 */
export function recompute(entity: Entity, record: Record<string, unknown>, changed: RecordPath = []): RecordPath[] {
  const plan = entityPlan(entity);
  const out: RecordPath[] = [];
  if (plan && isObject(record)) run(plan, record, [], changed, out);
  return out;
}

/** A copy of `record` with every computed field recomputed; `record` itself is not touched. */
export function withComputed<T extends Record<string, unknown>>(entity: Entity, record: T): T {
  if (!hasFormulas(entity)) return record;
  const copy = structuredClone(record);
  recompute(entity, copy);
  return copy;
}

const fieldPlans = new WeakMap<readonly FieldModel[], Plan | null>();

/**
 * `recompute` for one object level described by `fields` (e.g. a line item's fields): what a
 * line-items editor calls for the row it changed. Paths are relative to `object`.
 */
export function recomputeFields(
  fields: readonly FieldModel[],
  object: Record<string, unknown>,
  changed: RecordPath = [],
): RecordPath[] {
  let plan = fieldPlans.get(fields);
  if (plan === undefined) {
    plan = planOf([...fields]);
    fieldPlans.set(fields, plan);
  }
  const out: RecordPath[] = [];
  if (plan && isObject(object)) run(plan, object, [], changed, out);
  return out;
}
