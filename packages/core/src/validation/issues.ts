/**
 * ajv-shaped errors (from compiled, interpreted or precompiled validators) as Kehu's issues: one
 * per field and problem, labelled and explained in every locale.
 */
import type { ErrorObject } from 'ajv';
import type { ValidationIssue } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { messageFor } from './messages.js';

const UMBRELLAS = new Set(['anyOf', 'oneOf', 'if']);

/** The issues for `errors` found in `data`, labelled by `labelOf`. */
export function toIssues(
  errors: ErrorObject[],
  data: unknown,
  labelOf: (path: (string | number)[]) => LocalizedText,
): ValidationIssue[] {
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

export function unescapeKey(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}
