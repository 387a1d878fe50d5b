import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defineEntity } from './define-entity.js';
import { KehuSchemaError } from '../errors/errors.js';
import type { JsonSchema } from './types.js';

const fixture = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../test-fixtures/${name}.schema.json`, import.meta.url), 'utf8'));

function schemaError(schema: unknown): KehuSchemaError {
  try {
    defineEntity(schema as JsonSchema, 'thing.schema.json');
  } catch (error) {
    assert.ok(error instanceof KehuSchemaError, String(error));
    return error;
  }
  assert.fail('expected a KehuSchemaError');
}

describe('defineEntity', () => {
  describe('with Kehu hints', () => {
    const entity = defineEntity(fixture('maintenance-order'), 'maintenance-order.schema.json');

    it('takes name, labels, sections and list columns from the hints', () => {
      assert.equal(entity.name, 'maintenance-order');
      assert.deepEqual(entity.label, { 'zh-CN': '维修工单', en: 'Maintenance order' });
      assert.deepEqual(
        entity.sections.map((s) => [s.id, s.fields.map((f) => f.key)]),
        [
          ['order', ['number', 'plate', 'status', 'openedOn']],
          ['work', ['items', 'amount']],
        ],
      );
      assert.deepEqual(entity.listColumns, ['number', 'plate', 'status', 'amount', 'openedOn']);
    });

    it('derives field kinds, enum labels and line items', () => {
      assert.equal(entity.field('status')!.kind, 'enum');
      assert.deepEqual(entity.field('status')!.options![2], {
        value: 'done',
        label: { 'zh-CN': '已完工', en: 'Done' },
      });
      assert.equal(entity.field('openedOn')!.kind, 'date');
      assert.equal(entity.field('amount')!.kind, 'money');
      assert.equal(entity.field('amount')!.currency, 'CNY');
      const items = entity.field('items')!;
      assert.equal(items.kind, 'array');
      assert.deepEqual(
        items.children!.map((c) => [c.key, c.kind, c.required]),
        [
          ['task', 'text', true],
          ['hours', 'number', true],
        ],
      );
      assert.deepEqual(entity.field(['items', 'hours'])!.path, ['items', 'hours']);
    });

    it('indexes the unique, series and list fields, at most six', () => {
      assert.equal(entity.indexes[0], 'number');
      assert.ok(entity.indexes.includes('plate'));
      assert.ok(entity.indexes.length <= 6);
      assert.ok(!entity.indexes.includes('items'), 'arrays are never indexed');
    });

    it('labels nested issues with the row, in both locales', () => {
      const issues = entity.validate({
        plate: '京A12345',
        status: 'open',
        openedOn: '2024-01-02',
        items: [
          { task: 'x', hours: 1 },
          { task: 'y', hours: -1 },
        ],
      });
      assert.equal(issues.length, 1);
      assert.deepEqual(issues[0].path, ['items', 1, 'hours']);
      assert.equal(issues[0].label.en, 'Work items › row 2 › Hours');
      assert.equal(issues[0].label['zh-CN'], '作业项目 › 第2行 › 工时');
    });

    it('accepts every cent amount for money (multipleOf 0.01) and refuses a third decimal', () => {
      const base = { plate: '京A12345', status: 'open', openedOn: '2024-01-02' };
      for (const amount of [1.13, 0.29, 1234567.89, 19.99, 0.07])
        assert.deepEqual(entity.validate({ ...base, amount }), [], String(amount));
      assert.equal(entity.validate({ ...base, amount: 1.131 })[0].keyword, 'multipleOf');
    });

    it('accepts the system fields the store adds', () => {
      const record = {
        plate: '京A12345',
        status: 'open',
        openedOn: '2024-01-02',
        id: 'x1',
        createdAt: '2024-01-02T03:04:05.000Z',
        updatedAt: '2024-01-02T03:04:05.000Z',
        _v: 0,
      };
      assert.deepEqual(entity.validate(record), []);
    });
  });

  describe('with a plain draft-07 schema and no hints', () => {
    const entity = defineEntity(fixture('plain-contact'), 'plain-contact.schema.json');

    it('names the entity from $id and labels fields from title or key', () => {
      assert.equal(entity.name, 'plain-contact');
      assert.equal(entity.label.en, 'Plain contact');
      assert.equal(entity.field('fullName')!.label.en, 'Full name');
      assert.equal(entity.field('newsletter')!.label['zh-CN'], 'Newsletter');
      assert.equal(entity.titleField, 'fullName');
    });

    it('resolves $ref, puts every field in one section and indexes the list columns', () => {
      assert.equal(entity.field('phone')!.kind, 'text');
      assert.equal(entity.field('phone')!.schema.pattern, '^[0-9+ -]{5,20}$');
      assert.equal(entity.sections.length, 1);
      assert.equal(entity.sections[0].fields.length, 6);
      assert.ok(entity.indexes.includes('fullName'));
      assert.ok(entity.search.includes('fullName'));
    });
  });

  describe('with a broken schema', () => {
    it('names the pointer and suggests the keyword for a typo', () => {
      const error = schemaError({ $id: 'thing', type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } });
      assert.equal(error.problems[0].pointer, '/properties/a/maxLenght');
      assert.match(error.message, /thing\.schema\.json/);
      assert.match(error.message, /did you mean "maxLength"/);
      assert.match(error.messageIn('zh-CN'), /是否应为「maxLength」/);
    });

    it('refuses an unknown format instead of ignoring it', () => {
      const error = schemaError({
        $id: 'thing',
        type: 'object',
        properties: { m: { type: 'string', format: 'cn-moblie' } },
      });
      assert.equal(error.problems[0].pointer, '/properties/m/format');
      assert.match(error.message, /did you mean "cn-mobile"/);
    });

    it('refuses a list column that is not a property, and an array as an index', () => {
      const error = schemaError({
        $id: 'thing',
        type: 'object',
        'x-kehu': { list: { columns: ['nmae'] }, indexes: ['tags'] },
        properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
      });
      assert.deepEqual(
        error.problems.map((p) => p.pointer),
        ['/x-kehu/list/columns/0', '/x-kehu/indexes/0'],
      );
      assert.match(error.problems[0].message.en, /did you mean "name"/);
      assert.match(error.problems[1].message.en, /cannot be indexed/);
    });

    it('refuses what is not an object schema, and a schema ajv cannot compile', () => {
      assert.match(schemaError([1, 2]).message, /must be a JSON object/);
      assert.match(schemaError({ $id: 'thing', type: 'object', properties: {} }).message, /properties/);
      const bad = schemaError({ $id: 'thing', type: 'object', properties: { a: { $ref: '#/$defs/missing' } } });
      assert.match(bad.message, /does not compile/);
    });

    it('asks for a name when a runtime schema has none', () => {
      assert.throws(
        () => defineEntity({ type: 'object', properties: { a: { type: 'string' } } }),
        (error: Error) => {
          assert.ok(error instanceof KehuSchemaError);
          assert.match(error.message, /"x-kehu": \{ "entity": "my-entity" \}/);
          return true;
        },
      );
    });
  });
});
