import type { SchemaProblem } from '../errors/errors.js';
import { jsonType, resolveRef } from '../entity/field-model.js';
import { closest } from '../entity/names.js';
import type { FieldCondition, JsonSchema, KehuFieldHints } from '../entity/types.js';
import { FormulaSyntaxError, formulaFunctions, formulaNames, parseFormula } from './expression.js';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const problem = (pointer: string, en: string, zh: string): SchemaProblem => ({ pointer, message: { en, 'zh-CN': zh } });

/** The object schema an array of objects holds, or undefined. */
function itemObject(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  if (jsonType(schema) !== 'array' || !schema.items) return undefined;
  const items = resolveRef(schema.items, root);
  return items.properties ? items : undefined;
}

/** Checks one formula against its siblings; returns the sibling formula keys it reads. */
function checkFormula(
  formula: string,
  pointer: string,
  field: string,
  object: JsonSchema,
  root: JsonSchema,
  out: SchemaProblem[],
): string[] {
  let tree;
  try {
    tree = parseFormula(formula);
  } catch (error) {
    const why = error instanceof FormulaSyntaxError ? error.message : String(error);
    out.push(problem(pointer, `formula of "${field}" cannot be read: ${why}`, `「${field}」的公式无法解析：${why}`));
    return [];
  }
  const siblings = Object.keys(object.properties ?? {});
  const { paths, calls } = formulaNames(tree);
  for (const call of calls) {
    if (call.type !== 'call') continue;
    const spec = formulaFunctions[call.name];
    if (!spec) {
      const guess = closest(call.name, Object.keys(formulaFunctions));
      out.push(
        problem(
          pointer,
          `formula of "${field}" calls unknown function "${call.name}"${guess ? `: did you mean "${guess}"?` : `; known: ${Object.keys(formulaFunctions).join(', ')}`}`,
          `「${field}」的公式调用了未知函数「${call.name}」${guess ? `：是否应为「${guess}」？` : ''}`,
        ),
      );
    } else if (call.args.length < spec.min || call.args.length > spec.max) {
      out.push(
        problem(
          pointer,
          `formula of "${field}": ${call.name}() takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} argument(s)`,
          `「${field}」的公式：${call.name}() 需要 ${spec.min === spec.max ? spec.min : `${spec.min}–${spec.max}`} 个参数`,
        ),
      );
    } else if (spec.aggregate && (call.args[0].type !== 'name' || call.args[0].path.length < 2)) {
      out.push(
        problem(
          pointer,
          `formula of "${field}": ${call.name}() takes a column of line items, e.g. ${call.name}(lines.amount)`,
          `「${field}」的公式：${call.name}() 的参数应为明细列，例如 ${call.name}(lines.amount)`,
        ),
      );
    }
  }
  for (const path of paths) {
    const [head, ...rest] = path;
    const target = object.properties?.[head];
    if (!target) {
      const guess = closest(
        head,
        siblings.filter((k) => k !== field),
      );
      out.push(
        problem(
          pointer,
          `formula of "${field}" reads "${head}", which is not a field here${guess ? `: did you mean "${guess}"?` : `; fields: ${siblings.join(', ')}`}`,
          `「${field}」的公式引用了不存在的字段「${head}」${guess ? `：是否应为「${guess}」？` : `；可用字段：${siblings.join('、')}`}`,
        ),
      );
      continue;
    }
    let node: JsonSchema | undefined = resolveRef(target, root);
    for (const step of rest) {
      const inner: JsonSchema | undefined = itemObject(node, root) ?? (node.properties ? node : undefined);
      const next = inner?.properties?.[step];
      if (!next) {
        const known = Object.keys(inner?.properties ?? {});
        const guess = closest(step, known);
        out.push(
          problem(
            pointer,
            `formula of "${field}" reads "${path.join('.')}": "${step}" is not a field of "${head}"${guess ? `: did you mean "${guess}"?` : ''}`,
            `「${field}」的公式引用「${path.join('.')}」：「${head}」中没有字段「${step}」${guess ? `：是否应为「${guess}」？` : ''}`,
          ),
        );
        break;
      }
      node = resolveRef(next, root);
    }
  }
  return paths.map((p) => p[0]);
}

function checkCondition(
  condition: FieldCondition,
  pointer: string,
  field: string,
  object: JsonSchema,
  out: SchemaProblem[],
) {
  const siblings = Object.keys(object.properties ?? {});
  if (!object.properties?.[condition.field]) {
    const guess = closest(condition.field, siblings);
    out.push(
      problem(
        `${pointer}/field`,
        `visibleWhen of "${field}" tests "${condition.field}", which is not a field here${guess ? `: did you mean "${guess}"?` : ''}`,
        `「${field}」的 visibleWhen 引用了不存在的字段「${condition.field}」${guess ? `：是否应为「${guess}」？` : ''}`,
      ),
    );
  }
  if ((object.required ?? []).includes(field)) {
    out.push(
      problem(
        pointer,
        `"${field}" is always required, so it cannot be hidden: remove it from "required" and require it in an "if"/"then" instead`,
        `「${field}」始终必填，不能按条件隐藏：请从 required 中移除，改在 if/then 中设为必填`,
      ),
    );
  }
}

/** Formula and condition problems of every object level of the schema, each naming its field. */
export function formulaProblems(root: JsonSchema): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const visit = (object: JsonSchema, pointer: string, depth: number) => {
    if (depth > 8) return; // recursive $refs: formulas deeper than this are not checked
    const reads = new Map<string, string[]>();
    for (const [key, raw] of Object.entries(object.properties ?? {})) {
      const property = resolveRef(raw, root);
      const at = `${pointer}/properties/${escape(key)}`;
      const hints = (property['x-kehu'] ?? {}) as KehuFieldHints;
      if (typeof hints.formula === 'string') {
        reads.set(key, checkFormula(hints.formula, `${at}/x-kehu/formula`, key, object, root, out));
      }
      if (hints.visibleWhen) checkCondition(hints.visibleWhen, `${at}/x-kehu/visibleWhen`, key, object, out);
      const items = itemObject(property, root);
      if (items) visit(items, `${at}/items`, depth + 1);
      else if (property.properties) visit(property, at, depth + 1);
    }
    // Cycles: a formula that (through others) reads itself would never settle.
    const state = new Map<string, 'open' | 'done'>();
    const walk = (key: string, trail: string[]): void => {
      if (state.get(key) === 'done') return;
      if (state.get(key) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(key)), key].join(' → ');
        out.push(
          problem(
            `${pointer}/properties/${escape(key)}/x-kehu/formula`,
            `formulas read each other in a circle: ${cycle}`,
            `公式循环引用：${cycle}`,
          ),
        );
        return;
      }
      state.set(key, 'open');
      for (const next of reads.get(key) ?? []) if (reads.has(next)) walk(next, [...trail, key]);
      state.set(key, 'done');
    };
    for (const key of reads.keys()) walk(key, []);
  };
  visit(root, '', 0);
  return out;
}
