import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, Plugin } from 'ajv';
import type AjvCore from 'ajv/dist/core.js';
import type { JsonSchema, ValidationIssue } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { kehuFormats } from './formats.js';
import { multipleOfKeyword } from './multiple-of.js';
import { toIssues, unescapeKey } from './issues.js';
import { interpret, type FormatDefinition, type ValidateFunctionLike } from './interpret.js';

/**
 * How a schema becomes a check: `compiled` generates code with ajv (fastest; needs `new Function`),
 * `interpreted` walks the schema (no code generation, for a Content-Security-Policy without
 * `unsafe-eval`), `auto` compiles when the environment allows it and interprets otherwise.
 */
export type ValidationMode = 'auto' | 'compiled' | 'interpreted';

/** How a validator names fields in its messages, and how it checks. */
export interface ValidatorOptions {
  /** The label chain for a key chain, e.g. `['contacts', 1, 'mobile']` → `联系人 › 第2行 › 手机`. */
  labelOf: (path: (string | number)[]) => LocalizedText;
  /** Default: the mode set with {@link setValidationMode}, itself `auto` unless set. */
  mode?: ValidationMode;
  /**
   * A validator precompiled from this very schema by `kehu generate --validators` (ajv standalone
   * code): used as it is, with neither compilation nor interpretation. The caller vouches that it
   * was generated from `schema`; {@link schemaFingerprint} is how generated modules check that.
   */
  precompiled?: ValidateFunctionLike;
}

/** Checks one record; returns `[]` when it is valid. The empty array is shared and frozen: do not push to it. */
export type RecordValidator = (data: unknown) => ValidationIssue[];

/**
 * Returns a validator for `schema`, prepared once per schema object and mode: calling this again
 * with the same object (treat it as immutable) reuses the prepared check, and with the same
 * `labelOf` returns the very same function.
 *
 * The dialect follows `$schema`: draft-07 (draft-04 and -06 are read as draft-07), otherwise 2020-12.
 * Both modes report the same issues with the same messages.
 *
 * @throws Error saying in plain words what is wrong when the schema cannot be compiled (an invalid
 * keyword value, a `$ref` that points nowhere); the caller adds where the schema came from.
 */
export function createValidator(schema: JsonSchema, options: ValidatorOptions): RecordValidator {
  const validate = options.precompiled ?? engine(schema, options.mode);
  let byLabelOf = validators.get(validate);
  if (!byLabelOf) {
    byLabelOf = new WeakMap();
    validators.set(validate, byLabelOf);
  }
  let validator = byLabelOf.get(options.labelOf);
  if (!validator) {
    const { labelOf } = options;
    // The valid path is the prepared call and nothing else: bulk imports and every store write run it.
    validator = (data) => (validate(data) ? NO_ISSUES : toIssues(validate.errors ?? [], data, labelOf));
    byLabelOf.set(options.labelOf, validator);
  }
  return validator;
}

let defaultMode: ValidationMode = 'auto';

/**
 * Sets the mode of validators created without one, including those already created whose mode is
 * not decided yet (see `auto`). A host page served with a CSP without `unsafe-eval` calls
 * `setValidationMode('interpreted')` once at start-up, so no validator even tries to generate code
 * (the try alone makes the browser report a violation).
 */
export function setValidationMode(mode: ValidationMode): void {
  defaultMode = mode;
}

/**
 * Whether Kehu's own checks that keep an ajv instance of their own (the entity-schema checker)
 * should generate code now, or interpret instead. In a page where `auto` is undecided it answers
 * no rather than try, since they run as modules load, before the host could set the mode.
 */
export function generatesCode(): boolean {
  if (defaultMode !== 'auto') return defaultMode === 'compiled';
  return evalAllowed ?? (tryEarly ? canGenerateCode() : false);
}

let evalAllowed: boolean | undefined;

/** Whether this environment lets code be generated at run time; tried once. */
export function canGenerateCode(): boolean {
  if (evalAllowed === undefined) {
    try {
      evalAllowed = new Function('return true')() === true;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

// Outside a document (Node, workers) trying costs nothing; in a page the try is a reported CSP
// violation, so it waits for the first record, by which time the host may have set the mode.
const tryEarly = typeof document === 'undefined';

function engine(schema: JsonSchema, mode: ValidationMode | undefined): ValidateFunctionLike {
  const wanted = mode ?? defaultMode;
  if (wanted !== 'auto') return prepared(schema, wanted);
  // Workers and Node validate in bulk: compile at once. A page defers (see `deferred`), which also
  // keeps start-up cheap where most entities only ever check a few records.
  if (tryEarly) return prepared(schema, canGenerateCode() ? 'compiled' : 'interpreted');
  let validate = deferredSchemas.get(schema);
  if (!validate) {
    validate = deferred(schema, mode === undefined);
    deferredSchemas.set(schema, validate);
  }
  return validate;
}

const deferredSchemas = new WeakMap<JsonSchema, ValidateFunctionLike>();

/**
 * How many records the interpreter checks before a page's validator is compiled: a form or a
 * screen that checks a handful of records never pays ajv's compilation (several milliseconds per
 * entity at start-up), while a bulk write compiles after its first few records.
 */
const tierUpAfter = 32;

/**
 * Checks the schema now without generating code (so a broken schema fails where it is defined),
 * answers the first records with the interpreter, and compiles once the schema has checked
 * {@link tierUpAfter} records if the page allows code generation. Both engines report the same
 * issues, so which one answered never shows.
 */
function deferred(schema: JsonSchema, followDefault: boolean): ValidateFunctionLike {
  const interpreted = prepared(schema, 'interpreted');
  let chosen: ValidateFunctionLike | undefined;
  let calls = 0;
  const choose = (): ValidateFunctionLike => {
    const mode = followDefault ? defaultMode : 'auto';
    if (mode === 'interpreted' || (mode === 'auto' && !canGenerateCode())) return interpreted;
    try {
      return prepared(schema, 'compiled');
    } catch {
      // The interpreter accepted the schema: keep it rather than fail a write over the faster engine.
      return interpreted;
    }
  };
  const validate: ValidateFunctionLike = (data) => {
    const engine = chosen ?? (++calls > tierUpAfter || defaultMode === 'compiled' ? (chosen = choose()) : interpreted);
    const valid = engine(data);
    validate.errors = engine.errors;
    return valid;
  };
  return validate;
}

// Frozen so that a caller pushing to a result cannot make every later valid record look invalid.
const NO_ISSUES = Object.freeze([]) as unknown as ValidationIssue[];

const validators = new WeakMap<ValidateFunctionLike, WeakMap<ValidatorOptions['labelOf'], RecordValidator>>();
const preparedSchemas = {
  compiled: new WeakMap<JsonSchema, ValidateFunctionLike>(),
  interpreted: new WeakMap<JsonSchema, ValidateFunctionLike>(),
};

function prepared(schema: JsonSchema, mode: 'compiled' | 'interpreted'): ValidateFunctionLike {
  let validate = preparedSchemas[mode].get(schema);
  if (!validate) {
    validate = prepare(schema, mode);
    preparedSchemas[mode].set(schema, validate);
  }
  return validate;
}

/** The schema as ajv is given it, and the instance (dialect) that reads it. */
export function forAjv(schema: JsonSchema): { ajv: AjvCore; draft: '07' | '2020'; schema: JsonSchema } {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  const draft = /json-schema\.org\/draft-0[4-7]\//.test(uri) ? '07' : '2020';
  // Each instance checks against its own meta-schema; a `$schema` it does not hold (draft-04, -06,
  // 2019-09, a custom one) would make ajv refuse the schema instead of tolerating it.
  const withoutDialect: JsonSchema = { ...schema };
  delete withoutDialect.$schema;
  const upgraded = (uri.includes('draft-04/') ? upgradeDraft04(withoutDialect) : withoutDialect) as JsonSchema;
  return { ajv: draft === '07' ? draft07() : draft2020(), draft, schema: upgraded };
}

function prepare(original: JsonSchema, mode: 'compiled' | 'interpreted'): ValidateFunctionLike {
  const { ajv, draft, schema } = forAjv(original);
  if (mode === 'interpreted') {
    const meta = metaValidator(ajv, draft);
    if (!meta(schema)) throw new Error(describeSchemaErrors(meta.errors ?? [], schema));
    try {
      // A copy, so that later edits to the caller's object are not seen (as with compiled code).
      const formats = ajv.formats as Record<string, FormatDefinition | undefined>;
      return interpret(structuredClone(schema), { draft, formats });
    } catch (error) {
      throw new Error(describeCompileError(error, schema), { cause: error });
    }
  }
  if (!ajv.validateSchema(schema)) throw new Error(describeSchemaErrors(ajv.errors ?? [], schema));
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new Error(describeCompileError(error, schema), { cause: error });
  } finally {
    // ajv keeps every compiled schema in a Map; the WeakMaps above are the cache, so let it go.
    ajv.removeSchema(schema);
  }
}

const metaValidators = new Map<'07' | '2020', ValidateFunctionLike>();

/** The dialect's meta-schema, interpreted: ajv's own `validateSchema` would generate code. */
function metaValidator(ajv: AjvCore, draft: '07' | '2020'): ValidateFunctionLike {
  let validate = metaValidators.get(draft);
  if (!validate) {
    const metas = Object.values(ajv.schemas).map((env) => env!.schema as JsonSchema);
    const root =
      draft === '07' ? 'http://json-schema.org/draft-07/schema' : 'https://json-schema.org/draft/2020-12/schema';
    const meta = metas.find((m) => typeof m.$id === 'string' && m.$id.replace(/#$/, '') === root)!;
    // ajv does not check `format` against meta-schemas (a bad pattern is reported when compiling).
    validate = interpret(meta, { draft, formats: {}, schemas: metas });
    metaValidators.set(draft, validate);
  }
  return validate;
}

let ajv07: AjvCore | undefined;
let ajv2020: AjvCore | undefined;
const draft07 = () => (ajv07 ??= setUp(new Ajv(ajvOptions)));
const draft2020 = () => (ajv2020 ??= setUp(new Ajv2020(ajvOptions)));

/** Options shared by every ajv instance Kehu sets up (the standalone generator's too). */
export const ajvOptions = {
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

/** Kehu's formats and decimal `multipleOf` on an ajv instance. */
export function setUp(ajv: AjvCore): AjvCore {
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
