/**
 * A JSON Schema interpreter that walks the schema for every record instead of generating code, so it
 * runs where `new Function` is refused (a Content-Security-Policy without `unsafe-eval`, some
 * workers). It reports errors in ajv's shape — same keywords, params, instance paths, order — so the
 * messages and issue mapping in `validator.ts` serve both paths; the tests run every case against
 * both to keep them from drifting.
 *
 * Dialects: draft-07 (`items` arrays are tuples, `additionalItems`, `dependencies`) and 2020-12
 * (`prefixItems`, `dependentRequired`/`dependentSchemas`, `unevaluated*`, `$dynamicRef`).
 */
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../entity/types.js';
import { isMultipleOf } from './multiple-of.js';
import { jsonEqual, ucs2length } from './json-runtime.js';
import { SchemaIndex, type SchemaObject } from './schema-index.js';
import { collectionKeywords, evaluated, merge, type At, type Evaluated, type Schema } from './interpret-collections.js';

/** A format as ajv holds it: a RegExp, a check, or `{ type?, validate }`. */
export type FormatDefinition =
  | RegExp
  | ((value: string) => boolean)
  | { type?: string; validate: RegExp | ((value: never) => boolean); async?: boolean };

/** The shape of an ajv validate function: `true` when valid, else `false` and `errors` set. */
export type ValidateFunctionLike = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface InterpretOptions {
  draft: '07' | '2020';
  formats: Record<string, FormatDefinition | undefined>;
  /** Further schemas `$ref` may reach by their `$id` (the meta-schemas). */
  schemas?: JsonSchema[];
}

const GROUPS = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'format', 'multipleOf'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: [
    'maxItems',
    'minItems',
    'uniqueItems',
    'additionalItems',
    'items',
    'prefixItems',
    'contains',
    'unevaluatedItems',
  ],
  object: [
    'maxProperties',
    'minProperties',
    'required',
    'propertyNames',
    'additionalProperties',
    'dependencies',
    'properties',
    'patternProperties',
    'dependentRequired',
    'dependentSchemas',
    'unevaluatedProperties',
  ],
} as const;
type Group = keyof typeof GROUPS;

function groupOf(data: unknown): Group | undefined {
  if (typeof data === 'number') return 'number';
  if (typeof data === 'string') return 'string';
  if (Array.isArray(data)) return 'array';
  return data !== null && typeof data === 'object' ? 'object' : undefined;
}

/** ajv's type test with `strictNumbers: false` (Infinity counts as an integer, NaN as a number). */
function hasType(data: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return data !== null && typeof data === 'object' && !Array.isArray(data);
    case 'null':
      return data === null;
    default:
      return typeof data === type;
  }
}

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Prepares `schema` once: resolves every `$ref`, compiles every `pattern`, and returns a validate
 * function shaped like ajv's.
 *
 * @throws Error with `missingRef` when a `$ref` points nowhere; SyntaxError for a bad pattern.
 */
export function interpret(schema: JsonSchema, options: InterpretOptions): ValidateFunctionLike {
  const index = new SchemaIndex(schema as SchemaObject, options.schemas as SchemaObject[] | undefined);
  const modern = options.draft === '2020';
  const { formats } = options;

  const fail = (
    errors: ErrorObject[],
    at: At,
    keyword: string,
    params: Record<string, unknown>,
    message: string,
    path = keyword,
  ) => {
    const error: ErrorObject = {
      instancePath: at.instancePath,
      schemaPath: `${at.schemaPath}/${path}`,
      keyword,
      params,
      message,
    };
    if (at.propertyName !== undefined) error.propertyName = at.propertyName;
    errors.push(error);
  };

  const child = (at: At, instanceKey: string | number | undefined, ...schemaKeys: (string | number)[]): At => ({
    instancePath: instanceKey === undefined ? at.instancePath : `${at.instancePath}/${escapeKey(String(instanceKey))}`,
    schemaPath: [at.schemaPath, ...schemaKeys.map((k) => escapeKey(String(k)))].join('/'),
    scope: at.scope,
    propertyName: instanceKey === undefined ? at.propertyName : undefined,
  });

  /** Validates `data` against `node`; errors go to `errors`, what was looked at to `ev`. */
  function check(node: Schema, data: unknown, at: At, errors: ErrorObject[], ev: Evaluated): boolean {
    if (node === true) return true;
    if (node === false) {
      const { instancePath, schemaPath } = at;
      errors.push({
        instancePath,
        schemaPath,
        keyword: 'false schema',
        params: {},
        message: 'boolean schema is false',
      });
      return false;
    }
    const before = errors.length;
    const resource = index.resourceOf(node);
    if (resource !== undefined && resource !== at.scope[at.scope.length - 1])
      at = { ...at, scope: [...at.scope, resource] };

    const types =
      node.type === undefined ? [] : Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
    const own = types.length === 1 ? types[0] : undefined;
    // ajv reports a single-type mismatch where that type's keywords would run, any other up front.
    const typeInGroup = own !== undefined && own in GROUPS && GROUPS[own as Group].some((k) => node[k] !== undefined);
    const typeError = () => fail(errors, at, 'type', { type: node.type }, `must be ${String(node.type)}`);
    if (types.length && !typeInGroup && !types.some((t) => hasType(data, t))) typeError();

    if (modern && typeof node.$dynamicRef === 'string') {
      const target = index.resolveDynamic(node, node.$dynamicRef, at.scope);
      const inner = evaluated();
      if (check(target, data, { ...at, schemaPath: node.$dynamicRef }, errors, inner)) merge(ev, inner);
    }
    if (typeof node.$ref === 'string') {
      const target = index.resolve(node, node.$ref);
      const sub = { ...at, schemaPath: node.$ref.startsWith('#') ? node.$ref : `${node.$ref}` };
      const inner = evaluated();
      if (check(target, data, sub, errors, inner)) merge(ev, inner);
    }
    if (node.const !== undefined && !jsonEqual(data, node.const)) {
      fail(errors, at, 'const', { allowedValue: node.const }, 'must be equal to constant');
    }
    if (Array.isArray(node.enum) && !node.enum.some((v) => jsonEqual(data, v))) {
      fail(errors, at, 'enum', { allowedValues: node.enum }, 'must be equal to one of the allowed values');
    }
    if (node.not !== undefined && check(node.not as Schema, data, child(at, undefined, 'not'), [], evaluated())) {
      fail(errors, at, 'not', {}, 'must NOT be valid');
    }
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = node[keyword];
      if (!Array.isArray(branches)) continue;
      const mark = errors.length;
      const passing: number[] = [];
      branches.forEach((branch, i) => {
        const inner = evaluated();
        if (check(branch as Schema, data, child(at, undefined, keyword, i), errors, inner)) {
          passing.push(i);
          merge(ev, inner);
        }
      });
      if (keyword === 'anyOf' ? passing.length > 0 : passing.length === 1) errors.length = mark;
      else if (keyword === 'anyOf') fail(errors, at, 'anyOf', {}, 'must match a schema in anyOf');
      else {
        const passingSchemas = passing.length ? passing.slice(0, 2) : null;
        fail(errors, at, 'oneOf', { passingSchemas }, 'must match exactly one schema in oneOf');
      }
    }
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((branch, i) => {
        const inner = evaluated();
        if (check(branch as Schema, data, child(at, undefined, 'allOf', i), errors, inner)) merge(ev, inner);
      });
    }
    if (node.if !== undefined && (node.then !== undefined || node.else !== undefined)) {
      const inner = evaluated();
      const holds = check(node.if as Schema, data, child(at, undefined, 'if'), [], inner);
      const clause = holds ? 'then' : 'else';
      if (holds) merge(ev, inner);
      if (node[clause] !== undefined) {
        const branch = evaluated();
        if (check(node[clause] as Schema, data, child(at, undefined, clause), errors, branch)) merge(ev, branch);
        else fail(errors, at, 'if', { failingKeyword: clause }, `must match "${clause}" schema`);
      }
    }

    const group = groupOf(data);
    for (const name of Object.keys(GROUPS) as Group[]) {
      if (name === group) keywordsOf[name](node, data as never, at, errors, ev);
      else if (typeInGroup && own === name && !types.some((t) => hasType(data, t))) typeError();
    }
    return errors.length === before;
  }

  function checkFormat(node: SchemaObject, data: string | number, at: At, errors: ErrorObject[]): void {
    if (typeof node.format !== 'string') return;
    const definition = formats[node.format];
    if (!definition) return;
    const kind =
      typeof definition === 'object' && !(definition instanceof RegExp) ? (definition.type ?? 'string') : 'string';
    if (kind !== typeof data) return;
    const test = typeof definition === 'object' && !(definition instanceof RegExp) ? definition.validate : definition;
    const ok = test instanceof RegExp ? test.test(String(data)) : (test as (v: unknown) => boolean)(data);
    if (!ok) fail(errors, at, 'format', { format: node.format }, `must match format "${node.format}"`);
  }

  const limit = (errors: ErrorObject[], at: At, node: SchemaObject, keyword: string, actual: number, noun: string) => {
    const value = node[keyword];
    if (typeof value !== 'number') return;
    const tooMany = keyword.startsWith('max');
    if (tooMany ? actual > value : actual < value) {
      fail(errors, at, keyword, { limit: value }, `must NOT have ${tooMany ? 'more' : 'fewer'} than ${value} ${noun}`);
    }
  };

  const comparisons = {
    maximum: ['<=', (d: number, l: number) => d <= l],
    minimum: ['>=', (d: number, l: number) => d >= l],
    exclusiveMaximum: ['<', (d: number, l: number) => d < l],
    exclusiveMinimum: ['>', (d: number, l: number) => d > l],
  } as const;

  const { checkArray, checkObject } = collectionKeywords({ modern, index, check, fail, child, limit });

  const keywordsOf: Record<
    Group,
    (node: SchemaObject, data: never, at: At, errors: ErrorObject[], ev: Evaluated) => void
  > = {
    number(node, data: number, at, errors) {
      for (const [keyword, [comparison, ok]] of Object.entries(comparisons)) {
        const limitValue = node[keyword];
        // ajv fails NaN against every limit.
        if (typeof limitValue === 'number' && !ok(data, limitValue)) {
          fail(errors, at, keyword, { comparison, limit: limitValue }, `must be ${comparison} ${limitValue}`);
        }
      }
      checkFormat(node, data, at, errors);
      if (typeof node.multipleOf === 'number' && !isMultipleOf(data, node.multipleOf)) {
        const step = node.multipleOf;
        fail(errors, at, 'multipleOf', { multipleOf: step }, `must be multiple of ${step}`);
      }
    },
    string(node, data: string, at, errors) {
      if (typeof node.maxLength === 'number' || typeof node.minLength === 'number') {
        const length = ucs2length(data);
        limit(errors, at, node, 'maxLength', length, 'characters');
        limit(errors, at, node, 'minLength', length, 'characters');
      }
      if (typeof node.pattern === 'string' && !index.pattern(node.pattern).test(data)) {
        fail(errors, at, 'pattern', { pattern: node.pattern }, `must match pattern "${node.pattern}"`);
      }
      checkFormat(node, data, at, errors);
    },
    array: (node, data: unknown[], at, errors, ev) => checkArray(node, data, at, errors, ev),
    object: (node, data: Record<string, unknown>, at, errors, ev) => checkObject(node, data, at, errors, ev),
  };

  const root = index.root;
  const validate: ValidateFunctionLike = (data: unknown) => {
    const errors: ErrorObject[] = [];
    const valid = check(root, data, { instancePath: '', schemaPath: '#', scope: [] }, errors, evaluated());
    validate.errors = valid ? null : errors;
    return valid;
  };
  validate.errors = null;
  return validate;
}
