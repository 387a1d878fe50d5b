import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { createValidator } from './validator.js';

const labelOf = (path: (string | number)[]): LocalizedText => ({ en: path.join('.'), 'zh-CN': path.join('.') });
const compiled = (schema: JsonSchema) => createValidator(schema, { labelOf, mode: 'compiled' });
const interpreted = (schema: JsonSchema) => createValidator(schema, { labelOf, mode: 'interpreted' });

const draft07 = 'http://json-schema.org/draft-07/schema#';

/**
 * Schemas and records across the keywords an integrator may use: the interpreter must report what
 * ajv's compiled code reports, issue for issue, message for message, in the same order.
 */
const cases = [
  [
    'required, additional and typed properties',
    {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: false,
      properties: { a: { type: 'string', minLength: 2, pattern: '^x' }, b: { type: 'integer', minimum: 0 } },
    },
    [{}, { a: 'y', b: -1.5, c: 1 }, { a: 5, b: 'x' }, { a: 'xx', b: 3 }, null, [], 'x'],
  ],
  [
    'numbers and limits',
    { type: 'number', minimum: 1, maximum: 10, exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 0.01 },
    [0, 10, 11, 1.005, 5.55, Number.NaN, '5'],
  ],
  [
    'strings with code points and formats',
    { type: 'string', maxLength: 2, format: 'cn-mobile' },
    ['😀😀', '😀😀😀', '13812345678', 'abc'],
  ],
  [
    'nullable union and anyOf',
    { properties: { v: { anyOf: [{ type: 'null' }, { type: 'string', format: 'email' }] } } },
    [{ v: null }, { v: 'a@b.cn' }, { v: 'nope' }, { v: 3 }],
  ],
  [
    'oneOf, not, const, enum',
    {
      properties: {
        one: { oneOf: [{ type: 'string' }, { maxLength: 3 }] },
        not: { not: { const: 'x' } },
        e: { enum: ['a', 1, null, { k: 1 }] },
      },
    },
    [
      { one: 'ab', not: 'x', e: { k: 1 } },
      { one: 5, not: 'y', e: { k: 2 } },
      { one: true, e: 'b' },
    ],
  ],
  [
    'if / then / else',
    {
      properties: { kind: { enum: ['p', 'c'] } },
      if: { properties: { kind: { const: 'c' } } },
      then: { required: ['uscc'] },
      else: { required: ['id'] },
    },
    [{ kind: 'c' }, { kind: 'p' }, { kind: 'c', uscc: 'x' }],
  ],
  [
    'arrays: items, uniqueness, counts, contains',
    {
      properties: {
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 3, minItems: 1 },
        rows: { type: 'array', uniqueItems: true, contains: { type: 'number' } },
        tuple: { prefixItems: [{ type: 'string' }], items: false },
      },
    },
    [
      { tags: ['a', 'a', 'a', 'b'], rows: [{ a: 1 }, { a: 1 }], tuple: ['x', 1] },
      { tags: [], rows: [1, 2], tuple: [1] },
      { tags: ['a'], rows: ['x'] },
    ],
  ],
  [
    'draft-07 tuples, additionalItems and dependencies',
    {
      $schema: draft07,
      items: [{ type: 'string' }, { type: 'number' }],
      additionalItems: false,
    },
    [['a', 1], ['a', 'b', 3], [1]],
  ],
  [
    'draft-07 dependencies',
    { $schema: draft07, dependencies: { card: ['billing', 'cvv'], vip: { required: ['level'] } } },
    [{ card: 1 }, { vip: true }, { card: 1, billing: 2, cvv: 3 }],
  ],
  [
    '2020-12 dependentRequired, dependentSchemas, unevaluatedProperties',
    {
      type: 'object',
      properties: { a: { type: 'string' } },
      allOf: [{ properties: { b: { type: 'number' } } }],
      dependentRequired: { a: ['b'] },
      dependentSchemas: { b: { properties: { c: { const: 1 } } } },
      unevaluatedProperties: false,
    },
    [{ a: 'x' }, { a: 'x', b: 1, c: 2 }, { a: 'x', b: 1, z: 1 }, { b: 1 }],
  ],
  [
    'patternProperties, propertyNames, property counts',
    {
      type: 'object',
      patternProperties: { '^n_': { type: 'number' } },
      propertyNames: { maxLength: 4 },
      minProperties: 1,
      maxProperties: 2,
    },
    [{}, { n_a: 'x' }, { toolong: 1, n_b: 2, n_c: 3 }],
  ],
  [
    'references: $defs, $id, recursion, anchors',
    {
      $id: 'https://example.com/org',
      properties: {
        code: { $ref: 'https://example.com/org#/$defs/code' },
        parent: { $ref: '#' },
        tag: { $ref: '#tag' },
      },
      $defs: { code: { type: 'string', pattern: '^ORG' }, tag: { $anchor: 'tag', enum: ['a'] } },
    },
    [
      { code: 'X', parent: { parent: { code: 'Y', tag: 'b' } } },
      { code: 'ORG1', tag: 'a' },
    ],
  ],
  ['boolean schemas', { properties: { never: false, always: true } }, [{ never: 1, always: 2 }, {}]],
] as unknown as [string, JsonSchema, unknown[]][]; // Tuples and boolean schemas are outside `JsonSchema`.

describe('the interpreter (eval-free validation)', () => {
  for (const [name, schema, records] of cases) {
    it(`reports what compiled code reports: ${name}`, () => {
      const [a, b] = [compiled(schema), interpreted(schema)];
      for (const record of records) assert.deepEqual(b(record), a(record), JSON.stringify(record));
      assert.ok(
        records.some((record) => a(record).length > 0),
        'the case exercises at least one failure',
      );
    });
  }

  it('checks a schema against its dialect’s meta-schema without generating code', () => {
    for (const schema of [
      { properties: { a: { type: 'strin' } } },
      { properties: { a: { minimum: '1' } } },
      { $schema: draft07, items: 5 },
      { required: 'name' },
    ] as unknown as JsonSchema[]) {
      const expected = (() => {
        try {
          compiled(schema);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      assert.ok(expected, JSON.stringify(schema));
      assert.throws(() => interpreted(schema), { message: expected });
    }
  });

  it('validates the shipped-style 2020-12 meta-schema features ($dynamicRef) of a valid schema', () => {
    const schema: JsonSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { list: { type: 'array', items: { $ref: '#/$defs/item' } } },
      $defs: { item: { type: 'object', properties: { n: { type: 'integer' } } } },
    };
    assert.deepEqual(interpreted(schema)({ list: [{ n: 1 }] }), []);
    assert.deepEqual(interpreted(schema)({ list: [{ n: 'x' }] }), compiled(schema)({ list: [{ n: 'x' }] }));
  });
});
