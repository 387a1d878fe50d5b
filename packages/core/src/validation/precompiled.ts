/**
 * Validators precompiled as standalone code (`kehu generate --validators`), and what that code needs
 * at run time. They check records without generating code in the browser, so shipped entities stay
 * fast under a Content-Security-Policy without `unsafe-eval`.
 */
import type { JsonSchema } from '../entity/types.js';
import type { FormatDefinition, ValidateFunctionLike } from './interpret.js';
import { isMultipleOf } from './multiple-of.js';
import { jsonEqual, ucs2length } from './json-runtime.js';
import { forAjv } from './validator.js';

/** One generated validator and the fingerprint of the schema it was generated from. */
export interface PrecompiledValidator {
  fingerprint: string;
  validate: ValidateFunctionLike;
}

/** Generated validators by entity name, as a generated module exports them (`validators`). */
export type PrecompiledValidators = Readonly<Record<string, PrecompiledValidator | undefined>>;

/** The same JSON with object keys sorted, so key order does not change a fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short hash of a schema's content (64 bits, two FNV-1a variants): a generated validator is used
 * only for a schema with the same fingerprint, so an edited schema never meets a stale validator.
 */
export function schemaFingerprint(schema: JsonSchema): string {
  const text = canonical(schema);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** What generated validator modules import: the functions ajv's standalone code refers to by name. */
export interface ValidationRuntime {
  formats: Record<string, FormatDefinition | undefined>;
  isMultipleOf: typeof isMultipleOf;
  ucs2length: typeof ucs2length;
  equal: typeof jsonEqual;
}

let runtime: ValidationRuntime | undefined;

/** The run-time half of generated validators (see {@link PrecompiledValidators}); created once. */
export function validationRuntime(): ValidationRuntime {
  // Kehu's ajv instances hold the very format definitions the generator compiled against.
  runtime ??= {
    formats: forAjv({}).ajv.formats as ValidationRuntime['formats'],
    isMultipleOf,
    ucs2length,
    equal: jsonEqual,
  };
  return runtime;
}
