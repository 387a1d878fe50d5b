import type { FieldCondition, JsonSchema } from './types.js';

/** Whether `condition` holds for the object holding the field (its siblings). */
export function conditionHolds(condition: FieldCondition, siblings: unknown): boolean {
  const value =
    siblings && typeof siblings === 'object' ? (siblings as Record<string, unknown>)[condition.field] : undefined;
  const scalar = value as string | number | boolean;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in && !condition.in.includes(scalar)) return false;
  if (condition.notIn && value !== undefined && condition.notIn.includes(scalar)) return false;
  return true;
}

/** `{ properties: { type: { enum: [...] } } }` or `{ const }` on one property → that condition; else undefined. */
function simpleIf(test: JsonSchema | undefined): FieldCondition | undefined {
  const entries = Object.entries(test?.properties ?? {});
  if (entries.length !== 1) return undefined;
  const [field, schema] = entries[0];
  if (schema.const !== undefined && ['string', 'number', 'boolean'].includes(typeof schema.const)) {
    return { field, equals: schema.const as string | number | boolean };
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    return { field, in: schema.enum as (string | number | boolean)[] };
  }
  return undefined;
}

/**
 * Visibility derived from JSON Schema's own `if`/`then` (on the object or inside its `allOf`): a
 * property that `then` requires or describes, under an `if` that tests one sibling against `const`
 * or `enum`, is shown only while that test holds — the schema already says it belongs to that
 * case, and ajv already validates it only then. Richer `if`s (several properties, patterns, `not`)
 * are not translated: say `x-kehu.visibleWhen` for those. Properties the object always requires
 * are never hidden.
 */
export function derivedConditions(schema: JsonSchema): Map<string, FieldCondition> {
  const out = new Map<string, FieldCondition>();
  const always = new Set(schema.required ?? []);
  for (const branch of [schema, ...(schema.allOf ?? [])]) {
    const condition = simpleIf(branch.if as JsonSchema | undefined);
    const then = branch.then as JsonSchema | undefined;
    if (!condition || !then) continue;
    const named = [...(then.required ?? []), ...Object.keys(then.properties ?? {})];
    for (const key of named) {
      if (key !== condition.field && !always.has(key) && schema.properties?.[key] && !out.has(key)) {
        out.set(key, condition);
      }
    }
  }
  return out;
}
