import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, Plugin, ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core.js';
import type { JsonSchema, ValidationIssue } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { kehuFormats } from './formats.js';
import { multipleOfKeyword } from './multiple-of.js';
import { messageFor } from './messages.js';

/** How a validator names fields in its messages. */
export interface ValidatorOptions {
  /** The label chain for a key chain, e.g. `['contacts', 1, 'mobile']` → `联系人 › 第2行 › 手机`. */
  labelOf: (path: (string | number)[]) => LocalizedText;
}

/** Checks one record; returns `[]` when it is valid. The empty array is shared and frozen: do not push to it. */
export type RecordValidator = (data: unknown) => ValidationIssue[];

/**
 * Returns a validator for `schema`, compiled once per schema object: calling this again with the
 * same object (treat it as immutable) reuses the compiled code, and with the same `labelOf` returns
 * the very same function.
 *
 * The dialect follows `$schema`: draft-07 (draft-04 and -06 are read as draft-07), otherwise 2020-12.
 *
 * @throws Error saying in plain words what is wrong when the schema cannot be compiled (an invalid
 * keyword value, a `$ref` that points nowhere); the caller adds where the schema came from.
 */
export function createValidator(schema: JsonSchema, options: ValidatorOptions): RecordValidator {
  let byLabelOf = validators.get(schema);
  if (!byLabelOf) {
    byLabelOf = new WeakMap();
    validators.set(schema, byLabelOf);
  }
  let validator = byLabelOf.get(options.labelOf);
  if (!validator) {
    const validate = compiled(schema);
    const { labelOf } = options;
    // The valid path is the compiled call and nothing else: bulk imports and every store write run it.
    validator = (data) => (validate(data) ? NO_ISSUES : toIssues(validate.errors ?? [], data, labelOf));
    byLabelOf.set(options.labelOf, validator);
  }
  return validator;
}

// Frozen so that a caller pushing to a result cannot make every later valid record look invalid.
const NO_ISSUES = Object.freeze([]) as unknown as ValidationIssue[];

const validators = new WeakMap<JsonSchema, WeakMap<ValidatorOptions['labelOf'], RecordValidator>>();
const compiledSchemas = new WeakMap<JsonSchema, ValidateFunction>();

function compiled(schema: JsonSchema): ValidateFunction {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    validate = compile(schema);
    compiledSchemas.set(schema, validate);
  }
  return validate;
}

function compile(schema: JsonSchema): ValidateFunction {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  const ajv = /json-schema\.org\/draft-0[4-7]\//.test(uri) ? draft07() : draft2020();
  // Each instance checks against its own meta-schema; a `$schema` it does not hold (draft-04, -06,
  // 2019-09, a custom one) would make ajv refuse the schema instead of tolerating it.
  const withoutDialect: JsonSchema = { ...schema };
  delete withoutDialect.$schema;
  const prepared = (uri.includes('draft-04/') ? upgradeDraft04(withoutDialect) : withoutDialect) as JsonSchema;

  if (!ajv.validateSchema(prepared)) throw new Error(describeSchemaErrors(ajv.errors ?? [], prepared));
  try {
    return ajv.compile(prepared);
  } catch (error) {
    throw new Error(describeCompileError(error, prepared), { cause: error });
  } finally {
    // ajv keeps every compiled schema in a Map; the WeakMaps above are the cache, so let it go.
    ajv.removeSchema(prepared);
  }
}

let ajv07: AjvCore | undefined;
let ajv2020: AjvCore | undefined;
const draft07 = () => (ajv07 ??= setUp(new Ajv(ajvOptions)));
const draft2020 = () => (ajv2020 ??= setUp(new Ajv2020(ajvOptions)));

const ajvOptions = {
  allErrors: true,
  // Integrator schemas carry annotations of their own; unknown keywords must not stop them.
  strict: false,
  coerceTypes: false,
  useDefaults: false,
  // Meta-validation runs explicitly in compile() so its errors can be explained.
  validateSchema: false,
  // Keeps entity schemas out of ajv's registry, so two schemas with the same `$id` both compile.
  addUsedSchema: false,
} as const;

function setUp(ajv: AjvCore): AjvCore {
  // ajv-formats types its plugin against the draft-07 class; the 2020 class has the same surface.
  (addFormats as Plugin<unknown>)(ajv);
  for (const [name, validate] of Object.entries(kehuFormats)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addKeyword('x-kehu');
  // Money is `multipleOf: 0.01`: 1.13 / 0.01 is 112.99999999999999 and 578922817.31 / 0.01 is
  // 57892281731.00001, both valid; ajv's fixed tolerance (multipleOfPrecision) refuses one or the other.
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(multipleOfKeyword);
  return ajv;
}

/** Draft-04 wrote exclusive limits as booleans next to `minimum`/`maximum`; later drafts use numbers. */
function upgradeDraft04(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(upgradeDraft04);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = NOT_SCHEMAS.has(key) ? value : upgradeDraft04(value);
  for (const [flag, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ]) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] && typeof out[limit] === 'number') {
      out[flag] = out[limit];
      delete out[limit];
    } else delete out[flag];
  }
  return out;
}

const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples', 'x-kehu']);

function describeSchemaErrors(errors: ErrorObject[], schema: JsonSchema): string {
  // The meta-schema reports one mistake several times over (enum, type, anyOf); keep the clearest.
  const byPointer = new Map<string, ErrorObject>();
  for (const error of errors) {
    const seen = byPointer.get(error.instancePath);
    if (!seen || rank(error) < rank(seen)) byPointer.set(error.instancePath, error);
  }
  const problems = [...byPointer.entries()].map(([pointer, error]) => {
    const found = JSON.stringify(valueAt(schema, pointer));
    const allowed =
      error.keyword === 'enum'
        ? `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        : error.message;
    return `${pointer || '/'} ${allowed}${found === undefined ? '' : ` (found ${found})`}`;
  });
  return `The schema is not valid JSON Schema: ${problems.join('; ')}.`;
}

function rank(error: ErrorObject): number {
  if (error.keyword === 'enum') return 0;
  return error.keyword === 'anyOf' || error.keyword === 'oneOf' ? 2 : 1;
}

function valueAt(schema: JsonSchema, pointer: string): unknown {
  let node: unknown = schema;
  for (const key of pointer.split('/').slice(1).map(unescapeKey)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function describeCompileError(error: unknown, schema: JsonSchema): string {
  if (error instanceof Error && 'missingRef' in error) {
    return `The schema refers to "${String(error.missingRef)}", which cannot be found: check the $ref; only definitions inside the same schema ($defs or definitions) are resolved.`;
  }
  if (error instanceof SyntaxError) {
    const pointer = badPatternAt(schema, '');
    if (pointer !== undefined) {
      return `The schema's ${pointer} is not a valid regular expression (patterns use JavaScript's Unicode mode, e.g. \\p{Script=Han}): ${error.message}`;
    }
  }
  return `The schema cannot be compiled: ${error instanceof Error ? error.message : String(error)}`;
}

/** Where the first `pattern` that JavaScript cannot compile sits, as a JSON pointer. */
function badPatternAt(node: unknown, pointer: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'pattern' && typeof value === 'string' && !compilesAsRegExp(value)) return here;
    if (NOT_SCHEMAS.has(key)) continue;
    const found = badPatternAt(value, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

function compilesAsRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const UMBRELLAS = new Set(['anyOf', 'oneOf', 'if']);

function toIssues(errors: ErrorObject[], data: unknown, labelOf: ValidatorOptions['labelOf']): ValidationIssue[] {
  const relevant = dropMismatchedBranches(errors);
  const unique = new Map<string, { error: ErrorObject; path: (string | number)[] }>();
  for (const error of relevant) {
    if (UMBRELLAS.has(error.keyword) && relevant.some((e) => isSpecificWithin(e, error.instancePath))) continue;
    const path = pathOf(error, data);
    const key = `${error.keyword} ${JSON.stringify(path)}`;
    const seen = unique.get(key);
    if (seen && error.keyword === 'type') seen.error = mergeTypes(seen.error, error);
    else if (!seen) unique.set(key, { error, path });
  }
  return [...unique.values()].map(({ error, path }) => {
    const label = labelOf(path);
    return { path, label, message: messageFor(error, label), keyword: error.keyword, params: { ...error.params } };
  });
}

function isSpecificWithin(error: ErrorObject, instancePath: string): boolean {
  if (UMBRELLAS.has(error.keyword)) return false;
  return error.instancePath === instancePath || error.instancePath.startsWith(instancePath + '/');
}

/**
 * In `anyOf`/`oneOf`, a branch the value is not even the type of (the `null` of a nullable field)
 * only adds noise when another branch of the right type says what is actually wrong.
 */
function dropMismatchedBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const umbrella of errors) {
    if (umbrella.keyword !== 'anyOf' && umbrella.keyword !== 'oneOf') continue;
    const prefix = umbrella.schemaPath + '/';
    const branches = new Map<string, ErrorObject[]>();
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const mismatched = [...branches.values()].filter((list) =>
      list.every((e) => e.keyword === 'type' && e.instancePath === umbrella.instancePath),
    );
    if (mismatched.length === 0 || mismatched.length === branches.size) continue;
    const noise = new Set(mismatched.flat());
    kept = kept.filter((error) => !noise.has(error));
  }
  return kept;
}

function mergeTypes(first: ErrorObject, second: ErrorObject): ErrorObject {
  const types = new Set([first.params.type, second.params.type].flat().map(String));
  return { ...first, params: { ...first.params, type: [...types] } };
}

/** The key chain of an error; array indexes are numbers, judged from the data so a key like `"2024"` stays a string. */
function pathOf(error: ErrorObject, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  if (error.instancePath !== '') {
    for (const key of error.instancePath.slice(1).split('/').map(unescapeKey)) {
      if (Array.isArray(node)) {
        path.push(Number(key));
        node = node[Number(key)];
      } else {
        path.push(key);
        node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      }
    }
  }
  // These errors sit on the object; the field to point at is the missing or unexpected property.
  const property = error.params.missingProperty ?? error.params.additionalProperty ?? error.params.unevaluatedProperty;
  if (typeof property === 'string') path.push(property);
  return path;
}

function unescapeKey(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}
