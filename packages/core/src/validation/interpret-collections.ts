/**
 * The interpreter's array and object keywords (see `interpret.ts`), in ajv's order and with ajv's
 * errors, split out to keep each file readable.
 */
import type { ErrorObject } from 'ajv';
import { jsonEqual } from './json-runtime.js';
import type { SchemaIndex, SchemaObject } from './schema-index.js';

export type Schema = boolean | SchemaObject;

/** Where the walk is: the data's pointer, the schema keyword path, and the resources entered so far. */
export interface At {
  instancePath: string;
  schemaPath: string;
  scope: string[];
  /** Set inside `propertyNames`, where ajv names the key being checked. */
  propertyName?: string;
}

/** Property names and item counts a (valid) subschema looked at, for `unevaluated*`. */
export interface Evaluated {
  props: Set<string>;
  allProps: boolean;
  items: number;
  allItems: boolean;
}

export const evaluated = (): Evaluated => ({ props: new Set(), allProps: false, items: 0, allItems: false });

export function merge(into: Evaluated, from: Evaluated): void {
  for (const key of from.props) into.props.add(key);
  into.allProps ||= from.allProps;
  into.items = Math.max(into.items, from.items);
  into.allItems ||= from.allItems;
}

/** What the collection keywords need from the walk. */
export interface Walker {
  modern: boolean;
  index: SchemaIndex;
  check(node: Schema, data: unknown, at: At, errors: ErrorObject[], ev: Evaluated): boolean;
  fail(errors: ErrorObject[], at: At, keyword: string, params: Record<string, unknown>, message: string): void;
  child(at: At, instanceKey: string | number | undefined, ...schemaKeys: (string | number)[]): At;
  limit(errors: ErrorObject[], at: At, node: SchemaObject, keyword: string, actual: number, noun: string): void;
}

export function collectionKeywords(walker: Walker) {
  const { modern, index, check, fail, child, limit } = walker;

  function checkArray(node: SchemaObject, data: unknown[], at: At, errors: ErrorObject[], ev: Evaluated): void {
    limit(errors, at, node, 'maxItems', data.length, 'items');
    limit(errors, at, node, 'minItems', data.length, 'items');
    const each = (schema: Schema, from: number, to: number, ...path: string[]) => {
      for (let i = from; i < to; i++) check(schema, data[i], child(at, i, ...path), errors, evaluated());
    };
    const tuple = modern ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
    const tupleLength = Array.isArray(tuple) ? tuple.length : 0;
    const rest = modern ? node.items : Array.isArray(node.items) ? node.additionalItems : node.items;
    const restKeyword = modern ? 'items' : Array.isArray(node.items) ? 'additionalItems' : 'items';
    const checkRest = () => {
      if (rest === undefined || (!Array.isArray(tuple) && restKeyword !== 'items')) return;
      if (rest === false && data.length > tupleLength) {
        const message = `must NOT have more than ${tupleLength} items`;
        fail(errors, at, restKeyword, { limit: tupleLength }, message);
      } else if (rest !== false) each(rest as Schema, tupleLength, data.length, restKeyword);
      ev.allItems = true;
    };
    const checkTuple = () => {
      if (!Array.isArray(tuple)) return;
      for (let i = 0; i < Math.min(tuple.length, data.length); i++) {
        check(tuple[i] as Schema, data[i], child(at, i, modern ? 'prefixItems' : 'items', i), errors, evaluated());
      }
      ev.items = Math.max(ev.items, Math.min(tuple.length, data.length));
    };
    // Draft-07 ajv runs additionalItems before items; 2020-12 runs prefixItems before items.
    for (const step of modern ? [checkTuple, checkRest] : [checkRest, checkTuple]) step();
    if (node.contains !== undefined) checkContains(node, data, at, errors);
    if (node.uniqueItems === true) checkUnique(node, data, at, errors);
    if (modern && node.unevaluatedItems !== undefined && !ev.allItems) {
      if (node.unevaluatedItems === false && data.length > ev.items) {
        const message = `must NOT have more than ${ev.items} items`;
        fail(errors, at, 'unevaluatedItems', { limit: ev.items }, message);
      } else if (node.unevaluatedItems !== false)
        each(node.unevaluatedItems as Schema, ev.items, data.length, 'unevaluatedItems');
      ev.allItems = true;
    }
  }

  function checkUnique(node: SchemaObject, data: unknown[], at: At, errors: ErrorObject[]): void {
    // ajv keys scalar-typed items in a map from the end (j is the later index) and otherwise
    // compares pairs from the end (i is the later index); the params follow suit.
    const itemTypes =
      node.items && typeof node.items === 'object' && !Array.isArray(node.items)
        ? (node.items as SchemaObject).type
        : undefined;
    const typeList = itemTypes === undefined ? [] : Array.isArray(itemTypes) ? itemTypes : [itemTypes];
    const scalar = typeList.length > 0 && !typeList.some((t) => t === 'object' || t === 'array');
    const report = (i: number, j: number) =>
      fail(errors, at, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
    if (scalar) {
      const seen = new Map<unknown, number>();
      for (let i = data.length; i--;) {
        const item = typeof data[i] === 'string' ? `"${data[i] as string}` : data[i];
        const j = seen.get(item);
        if (j !== undefined) return report(i, j);
        seen.set(item, i);
      }
      return;
    }
    for (let i = data.length; i--;) for (let j = i; j--;) if (jsonEqual(data[i], data[j])) return report(i, j);
  }

  function checkContains(node: SchemaObject, data: unknown[], at: At, errors: ErrorObject[]): void {
    const min = modern && typeof node.minContains === 'number' ? node.minContains : 1;
    const max = modern && typeof node.maxContains === 'number' ? node.maxContains : undefined;
    const itemErrors: ErrorObject[] = [];
    let count = 0;
    data.forEach((item, i) => {
      if (check(node.contains as Schema, item, child(at, i, 'contains'), itemErrors, evaluated())) count++;
    });
    if (count >= min && (max === undefined || count <= max)) return;
    // ajv keeps what was wrong with each item when too few match.
    errors.push(...itemErrors);
    const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
    const message =
      max === undefined
        ? `must contain at least ${min} valid item(s)`
        : `must contain at least ${min} and no more than ${max} valid item(s)`;
    fail(errors, at, 'contains', params, message);
  }

  function checkObject(
    node: SchemaObject,
    data: Record<string, unknown>,
    at: At,
    errors: ErrorObject[],
    ev: Evaluated,
  ): void {
    const keys = Object.keys(data);
    limit(errors, at, node, 'maxProperties', keys.length, 'properties');
    limit(errors, at, node, 'minProperties', keys.length, 'properties');
    if (Array.isArray(node.required)) {
      for (const key of node.required as string[]) {
        if (data[key] === undefined)
          fail(errors, at, 'required', { missingProperty: key }, `must have required property '${key}'`);
      }
    }
    if (node.propertyNames !== undefined) {
      for (const key of keys) {
        const nameAt = { ...child(at, undefined, 'propertyNames'), propertyName: key };
        if (!check(node.propertyNames as Schema, key, nameAt, errors, evaluated())) {
          fail(errors, at, 'propertyNames', { propertyName: key }, 'property name must be valid');
        }
      }
    }
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.keys((node.patternProperties ?? {}) as object).map((p) => index.pattern(p));
    if (node.additionalProperties !== undefined) {
      for (const key in data) {
        if (Object.hasOwn(properties, key) || patterns.some((p) => p.test(key))) continue;
        if (node.additionalProperties === false) {
          fail(errors, at, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
          // As ajv's `verbose` would: the entity checker lists the properties allowed there.
          errors[errors.length - 1].parentSchema = node;
        } else
          check(
            node.additionalProperties as Schema,
            data[key],
            child(at, key, 'additionalProperties'),
            errors,
            evaluated(),
          );
      }
      ev.allProps = true;
    }
    const dependencies = (node.dependencies ?? {}) as Record<string, Schema | string[]>;
    const required = (modern ? node.dependentRequired : undefined) as Record<string, string[]> | undefined;
    const dependentSchemas = (modern ? node.dependentSchemas : undefined) as Record<string, Schema> | undefined;
    const checkRequired = (keyword: string, deps: Record<string, unknown>) => {
      for (const [property, list] of Object.entries(deps)) {
        if (!Array.isArray(list) || data[property] === undefined) continue;
        for (const missing of list as string[]) {
          if (data[missing] !== undefined) continue;
          const params = { property, missingProperty: missing, depsCount: list.length, deps: list.join(', ') };
          const message = `must have ${list.length === 1 ? 'property' : 'properties'} ${params.deps} when property ${property} is present`;
          fail(errors, at, keyword, params, message);
        }
      }
    };
    const checkSchemas = (keyword: string, deps: Record<string, unknown>) => {
      let applied = 0;
      let valid = true;
      for (const [property, schema] of Object.entries(deps)) {
        if (Array.isArray(schema) || data[property] === undefined) continue;
        const inner = evaluated();
        applied++;
        if (check(schema as Schema, data, child(at, undefined, keyword, property), errors, inner)) merge(ev, inner);
        else valid = false;
      }
      return applied > 0 && valid;
    };
    checkRequired('dependencies', dependencies);
    checkSchemas('dependencies', dependencies);
    for (const [key, schema] of Object.entries(properties)) {
      ev.props.add(key);
      if (data[key] !== undefined && key !== '__proto__')
        check(schema, data[key], child(at, key, 'properties', key), errors, evaluated());
    }
    for (const [pattern, schema] of Object.entries((node.patternProperties ?? {}) as Record<string, Schema>)) {
      const regex = index.pattern(pattern);
      for (const key of keys) {
        if (!regex.test(key)) continue;
        ev.props.add(key);
        check(schema, data[key], child(at, key, 'patternProperties', pattern), errors, evaluated());
      }
    }
    if (required) checkRequired('dependentRequired', required);
    // ajv (8.x) counts nothing as evaluated after `dependentSchemas` unless one applied and all that
    // applied held; mirrored so `unevaluatedProperties` reports the same keys on both paths.
    if (dependentSchemas && !checkSchemas('dependentSchemas', dependentSchemas)) Object.assign(ev, evaluated());
    if (modern && node.unevaluatedProperties !== undefined && !ev.allProps) {
      for (const key of keys) {
        if (ev.props.has(key)) continue;
        if (node.unevaluatedProperties === false) {
          fail(
            errors,
            at,
            'unevaluatedProperties',
            { unevaluatedProperty: key },
            'must NOT have unevaluated properties',
          );
        } else
          check(
            node.unevaluatedProperties as Schema,
            data[key],
            child(at, key, 'unevaluatedProperties'),
            errors,
            evaluated(),
          );
      }
      ev.allProps = true;
    }
  }

  return { checkArray, checkObject };
}
