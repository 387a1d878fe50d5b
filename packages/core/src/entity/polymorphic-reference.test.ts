import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defineEntity } from './define-entity.js';
import { checkEntitySchema } from './check.js';
import { referenceProblems } from './references.js';
import { formatReference, parseReference, referencesTo, referenceTargets } from './polymorphic-reference.js';
import { KehuSchemaError, KehuValidationError } from '../errors/errors.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import type { JsonSchema } from './types.js';

const named = (name: string, extra: JsonSchema['properties'] = {}): JsonSchema => ({
  $id: name,
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 100 }, ...extra },
});

const activity = (ref: unknown = ['customer', 'vehicle', 'opportunity']): JsonSchema => ({
  $id: 'activity',
  type: 'object',
  required: ['subject'],
  properties: {
    subject: { type: 'string', maxLength: 100 },
    regarding: {
      type: 'string',
      maxLength: 140,
      'x-kehu': { label: { 'zh-CN': '关联对象', en: 'Regarding' }, ref: ref as string[] },
    },
    links: {
      type: 'array',
      items: { type: 'string', 'x-kehu': { ref: ['customer', 'vehicle'] } },
    },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: { about: { type: 'string', 'x-kehu': { ref: ['customer', 'vehicle'] } } },
      },
    },
  },
});

describe('polymorphic references', () => {
  describe('values', () => {
    it('are "entity:id", split at the first colon so ids may contain colons', () => {
      assert.equal(formatReference('customer', 'abc'), 'customer:abc');
      assert.deepEqual(parseReference('vehicle:a:b'), { entity: 'vehicle', id: 'a:b' });
      assert.deepEqual(parseReference('customer:x', ['customer']), { entity: 'customer', id: 'x' });
    });

    it('refuse values without an entity, without an id, or outside the targets', () => {
      for (const bad of ['', 'abc', ':abc', 'customer:', 'Customer:abc', '<script>:1', 42, null, undefined]) {
        assert.equal(parseReference(bad), undefined, String(bad));
      }
      assert.equal(parseReference('product:1', ['customer', 'vehicle']), undefined);
    });

    it('select every reference to one entity with an index range that excludes other entities', () => {
      const range = referencesTo('vehicle');
      const inRange = (v: string) => v >= range.$gte && v < range.$lt;
      assert.ok(inRange('vehicle:01hx'));
      assert.ok(!inRange('vehicles:01hx'));
      assert.ok(!inRange('customer:01hx'));
      assert.ok(!inRange('vehicle'));
    });
  });

  describe('field model', () => {
    const entity = defineEntity(activity());

    it('is a reference whose refs list the targets, with no single ref', () => {
      const field = entity.field('regarding')!;
      assert.equal(field.kind, 'reference');
      assert.deepEqual(field.refs, ['customer', 'vehicle', 'opportunity']);
      assert.equal(field.ref, undefined);
      assert.deepEqual(referenceTargets(field), ['customer', 'vehicle', 'opportunity']);
      assert.deepEqual(entity.field(['steps', 'about'])!.refs, ['customer', 'vehicle']);
    });

    it('is indexed like a single reference', () => {
      assert.ok(entity.indexes.includes('regarding'));
    });

    it('keeps single references as they were', () => {
      const order = defineEntity(named('order', { customer: { type: 'string', 'x-kehu': { ref: 'customer' } } }));
      assert.equal(order.field('customer')!.ref, 'customer');
      assert.equal(order.field('customer')!.refs, undefined);
      assert.deepEqual(referenceTargets(order.field('customer')!), ['customer']);
    });
  });

  describe('validation', () => {
    const entity = defineEntity(activity());
    const base = { id: 'a1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

    it('accepts a value pointing to one of the targets', () => {
      assert.deepEqual(entity.validate({ ...base, subject: 'x', regarding: 'vehicle:v1', links: ['customer:c'] }), []);
    });

    it('names the field and the targets when the value points elsewhere', () => {
      const issues = entity.validate({ ...base, subject: 'x', regarding: 'product:p1' });
      assert.equal(issues.length, 1);
      assert.deepEqual(issues[0].path, ['regarding']);
      assert.equal(issues[0].keyword, 'ref');
      assert.match(issues[0].message.en, /^Regarding: must point to a record of customer, vehicle, opportunity/);
      assert.match(issues[0].message['zh-CN'], /^关联对象：必须指向 customer、vehicle、opportunity 之一/);
    });

    it('checks list items and line-item fields too', () => {
      const issues = entity.validate({ ...base, subject: 'x', links: ['customer:c', 'c2'], steps: [{ about: 'x' }] });
      assert.deepEqual(
        issues.map((i) => i.path),
        [
          ['links', 1],
          ['steps', 0, 'about'],
        ],
      );
    });

    it('reports one issue for a value of the wrong type', () => {
      const issues = entity.validate({ ...base, subject: 'x', regarding: 5 });
      assert.deepEqual(
        issues.map((i) => i.keyword),
        ['type'],
      );
    });
  });

  describe('schema checks', () => {
    it('name every unknown target with a suggestion', () => {
      const problems = referenceProblems(
        defineEntity(activity(['customer', 'vehicel', 'lead'])),
        new Set(['customer', 'vehicle', 'activity']),
      );
      assert.deepEqual(
        problems.map((p) => p.pointer),
        ['/properties/regarding/x-kehu/ref/1', '/properties/regarding/x-kehu/ref/2'],
      );
      assert.match(problems[0].message.en, /"vehicel", which is not defined: did you mean "vehicle"\?/);
      assert.match(problems[1].message['zh-CN'], /「lead」未定义/);
    });

    it('refuse an empty or repeated target list and a bad entity name', () => {
      for (const ref of [[], ['customer', 'customer'], ['Customer']]) {
        assert.ok(checkEntitySchema(activity(ref)).length > 0, JSON.stringify(ref));
      }
    });

    it('ask for a string field', () => {
      const schema = activity();
      schema.properties!.regarding = { type: 'integer', 'x-kehu': { ref: ['customer', 'vehicle'] } };
      const problems = checkEntitySchema(schema);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].pointer, '/properties/regarding/type');
      assert.match(problems[0].message.en, /"entity:id": make it "type": "string"/);
    });
  });

  describe('in a store', () => {
    let store: Store;
    after(() => store?.close());

    it('refuses to open with an unknown target, naming it', async () => {
      await assert.rejects(
        createStore({
          entities: [activity(['customer', 'opportunty']), named('customer')],
          storage: getRxStorageMemory(),
          name: `poly-bad-${Date.now()}`,
        }),
        (error: unknown) => error instanceof KehuSchemaError && /「opportunty」/.test(error.message),
      );
    });

    it('stores, rejects and finds values by target entity through the index', async () => {
      store = await createStore({
        entities: [activity(), named('customer'), named('vehicle'), named('opportunity')],
        storage: getRxStorageMemory(),
        name: `poly-${Date.now()}`,
        locale: 'en',
      });
      const customer = await store.entity<Record<string, unknown>>('customer').insert({ name: 'Acme' });
      const vehicle = await store.entity<Record<string, unknown>>('vehicle').insert({ name: '沪A12345' });
      const activities = store.entity<Record<string, unknown>>('activity');
      await activities.insert({ subject: 'call', regarding: formatReference('customer', customer.id) });
      await activities.insert({ subject: 'service', regarding: formatReference('vehicle', vehicle.id) });
      await activities.insert({ subject: 'none' });
      await assert.rejects(
        activities.insert({ subject: 'bad', regarding: 'product:1' }),
        (error: unknown) => error instanceof KehuValidationError && /Regarding: must point/.test(error.message),
      );
      const aboutVehicles = await activities.find({ selector: { regarding: referencesTo('vehicle') } });
      assert.deepEqual(
        aboutVehicles.map((a) => a.subject),
        ['service'],
      );
      const aboutAcme = await activities.find({ selector: { regarding: `customer:${customer.id}` } });
      assert.deepEqual(
        aboutAcme.map((a) => a.subject),
        ['call'],
      );
    });
  });
});
