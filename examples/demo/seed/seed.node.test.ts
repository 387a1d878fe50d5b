import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Plugin } from 'ajv';
import {
  isCnResidentId,
  isCnUscc,
  isVin as coreIsVin,
  kehuFormats,
} from '../../../packages/core/src/validation/formats.js';
import { isResidentId, isUscc, isVin, residentIdCheck, usccCheck, vinCheck } from './ids.js';
import { generateSeed } from './index.js';
import { CITIES } from './places.js';

type Row = Record<string, unknown>;
type Schema = Record<string, unknown> & { properties: Record<string, Schema>; 'x-kehu'?: Record<string, unknown> };

const schemaDir = new URL('../../../schemas/', import.meta.url);
const schemas = new Map<string, Schema>(
  readdirSync(schemaDir)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => [
      file.replace('.schema.json', ''),
      JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as Schema,
    ]),
);

/** Options as in core's validator: no multipleOfPrecision, so money must survive the plain float check. */
const ajv = new Ajv2020({ allErrors: true, strict: false, addUsedSchema: false });
(addFormats as unknown as Plugin<unknown>)(ajv);
for (const [name, validate] of Object.entries(kehuFormats)) ajv.addFormat(name, { type: 'string', validate });
ajv.addKeyword('x-kehu');

/** The entity schema plus the system fields the store adds, which seed records carry. */
function withSystemFields(schema: Schema): Schema {
  return {
    ...schema,
    properties: {
      ...schema.properties,
      id: { type: 'string', minLength: 1, maxLength: 64 } as unknown as Schema,
      createdAt: { type: 'string', format: 'date-time' } as unknown as Schema,
      updatedAt: { type: 'string', format: 'date-time' } as unknown as Schema,
    },
    required: [...((schema.required as string[] | undefined) ?? []), 'id'],
  };
}

/** Every `x-kehu.ref` in a schema, as a path of keys (`[]` marks array items) and the target entity. */
function refsOf(schema: Schema, path: string[] = []): { path: string[]; target: string | string[] }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const here = [...path, key];
    const target = (property['x-kehu'] as { ref?: string | string[] } | undefined)?.ref;
    if (target) return [{ path: here, target }];
    if (property.type === 'object') return refsOf(property, here);
    const items = property.items as Schema | undefined;
    if (property.type === 'array' && items?.type === 'object') return refsOf(items, [...here, '[]']);
    return [];
  });
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (head === '[]') return (value as unknown[]).flatMap((item) => valuesAt(item, rest));
  return valuesAt((value as Row)[head], rest);
}

const seed = generateSeed();
const cents = (yuan: unknown) => Math.round(Number(yuan) * 100);

describe('generateSeed', () => {
  it('should produce at least the promised number of records', () => {
    assert.ok(seed.customer.length >= 1000, `customers: ${seed.customer.length}`);
    assert.ok(seed.vehicle.length >= 600, `vehicles: ${seed.vehicle.length}`);
    assert.ok(seed.product.length >= 200, `products: ${seed.product.length}`);
    assert.ok(seed.document.length >= 500, `documents: ${seed.document.length}`);
    for (const dictionary of ['customer-class', 'customer-level', 'insurer', 'price-tier']) {
      assert.ok(seed[dictionary].length >= 4, `${dictionary}: ${seed[dictionary].length}`);
    }
  });

  it('should return identical data for the same seed', () => {
    assert.deepEqual(generateSeed(), seed);
    assert.deepEqual(
      generateSeed({ seed: 7, customers: 120, products: 60, documents: 80 }),
      generateSeed({ seed: 7, customers: 120, products: 60, documents: 80 }),
    );
  });

  it('should return different data for a different seed', () => {
    const other = generateSeed({ seed: 2 });
    assert.notDeepEqual(other.customer.slice(0, 10), seed.customer.slice(0, 10));
  });

  it('should honour the requested counts', () => {
    const small = generateSeed({ customers: 50, products: 30, documents: 40 });
    assert.equal(small.customer.length, 50);
    assert.equal(small.product.length, 30);
    assert.equal(small.document.length, 40);
  });

  it('should give every record an id unique within its entity', () => {
    for (const [entity, records] of Object.entries(seed)) {
      const ids = new Set(records.map((r) => r.id));
      assert.equal(ids.size, records.length, `${entity} has duplicate ids`);
    }
    assert.equal(seed.customer[0].id, 'cus-000001');
  });
});

describe('seed records', () => {
  it('should exist for every shipped schema, and only for those', () => {
    assert.deepEqual(Object.keys(seed).sort(), [...schemas.keys()].sort());
  });

  for (const [entity, schema] of schemas) {
    it(`should validate against schemas/${entity}.schema.json`, () => {
      const validate = ajv.compile(withSystemFields(schema));
      const problems: string[] = [];
      for (const record of seed[entity]) {
        if (!validate(record)) problems.push(`${String(record.id)}: ${ajv.errorsText(validate.errors)}`);
      }
      assert.deepEqual(problems.slice(0, 5), [], `${problems.length} invalid ${entity} records`);
    });
  }

  it('should point every reference at an existing record', () => {
    const ids = new Map(Object.entries(seed).map(([entity, records]) => [entity, new Set(records.map((r) => r.id))]));
    let checked = 0;
    for (const [entity, schema] of schemas) {
      for (const { path, target } of refsOf(schema)) {
        for (const record of seed[entity]) {
          for (const value of valuesAt(record, path)) {
            checked++;
            // A polymorphic reference (`ref` lists entities) holds `entity:id`.
            const [entityOf, idOf] = Array.isArray(target)
              ? [String(value).split(':')[0], String(value).slice(String(value).indexOf(':') + 1)]
              : [target, value];
            assert.ok(
              (!Array.isArray(target) || target.includes(entityOf)) && ids.get(entityOf)?.has(idOf),
              `${entity} ${record.id} ${path.join('.')} → missing ${target} ${String(value)}`,
            );
          }
        }
      }
    }
    assert.ok(checked > 5000, `only ${checked} references checked`);
  });

  it('should keep values unique where the schema says unique', () => {
    for (const [entity, schema] of schemas) {
      for (const field of (schema['x-kehu']?.unique as string[] | undefined) ?? []) {
        const values = seed[entity].map((r) => r[field]).filter((v) => v !== undefined);
        assert.equal(new Set(values).size, values.length, `${entity}.${field} repeats`);
      }
    }
    const plates = seed.vehicle.map((v) => v.plate).filter(Boolean);
    assert.equal(new Set(plates).size, plates.length, 'plates repeat');
  });

  it('should add document lines up to their totals, to the cent', () => {
    for (const doc of seed.document) {
      const lines = doc.lines as Row[];
      assert.ok(lines.length >= 1 && lines.length <= 6, `${doc.id} has ${lines.length} lines`);
      for (const line of lines) {
        const expected = Math.round(
          (Number(line.quantity) * cents(line.unitPrice) * (100 - Number(line.discount ?? 0))) / 100,
        );
        assert.equal(cents(line.amount), expected, `${doc.id} ${String(line.description)}`);
      }
      assert.equal(
        cents(doc.totalAmount),
        lines.reduce((sum, line) => sum + cents(line.amount), 0),
        `${doc.id} total`,
      );
    }
  });

  it('should spread document kinds and statuses, mostly approved', () => {
    const count = (field: string, value: string) => seed.document.filter((d) => d[field] === value).length;
    for (const kind of ['quote', 'order', 'contract', 'loss-assessment', 'service'])
      assert.ok(count('kind', kind) > 0, `no ${kind}`);
    for (const status of ['draft', 'submitted', 'approved', 'rejected'])
      assert.ok(count('status', status) > 0, `no ${status}`);
    assert.ok(count('status', 'approved') > seed.document.length / 2);
  });

  it('should give vehicles plates of their owner’s province', () => {
    const provinceOf = new Map(CITIES.map((c) => [c.province, c.plates[0][0]]));
    const owners = new Map(seed.customer.map((c) => [c.id, c]));
    let checked = 0;
    for (const vehicle of seed.vehicle) {
      const address = ((owners.get(vehicle.owner as string)?.addresses as Row[] | undefined) ?? [])[0];
      if (!vehicle.plate || !address) continue;
      checked++;
      assert.equal(
        String(vehicle.plate)[0],
        provinceOf.get(address.province as string),
        `${vehicle.id} ${String(vehicle.plate)} in ${String(address.province)}`,
      );
    }
    assert.ok(checked > 300, `only ${checked} plates checked`);
  });

  it('should never date a document before its customer was created', () => {
    const created = new Map(seed.customer.map((c) => [c.id, String(c.createdAt).slice(0, 10)]));
    for (const doc of seed.document) assert.ok(String(doc.date) >= created.get(doc.customer as string)!, `${doc.id}`);
  });
});

describe('check digits in ids.ts', () => {
  it('should accept published examples', () => {
    assert.ok(isResidentId('11010519491231002X'));
    assert.ok(isUscc('91350100M000100Y43'));
    assert.ok(isVin('1M8GDM9AXKP042788'));
    assert.equal(residentIdCheck('11010519491231002'), 'X');
    assert.equal(usccCheck('91350100M000100Y4'), '3');
    assert.equal(vinCheck('1M8GDM9AXKP042788'), 'X');
  });

  it('should reject a changed check character', () => {
    assert.ok(!isResidentId('110105194912310021'));
    assert.ok(!isUscc('91350100M000100Y44'));
    assert.ok(!isVin('1M8GDM9A1KP042788'));
  });

  it('should agree with @kehu/core on every generated identifier', () => {
    const residentIds = seed.customer.map((c) => c.residentId).filter((v): v is string => typeof v === 'string');
    const codes = seed.customer.map((c) => c.creditCode).filter((v): v is string => typeof v === 'string');
    const vins = seed.vehicle.map((v) => v.vin as string);
    assert.ok(residentIds.length > 300 && codes.length > 200 && vins.length > 600);
    for (const id of residentIds) assert.ok(isResidentId(id) && isCnResidentId(id), id);
    for (const code of codes) assert.ok(isUscc(code) && isCnUscc(code), code);
    for (const vin of vins) assert.ok(isVin(vin) && coreIsVin(vin), vin);
  });
});

describe('opportunities and activities', () => {
  const today = '2026-11-01';
  const inDays = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('should honour the requested counts', () => {
    const small = generateSeed({ customers: 50, products: 30, documents: 10, opportunities: 25, activities: 70 });
    assert.equal(small.opportunity.length, 25);
    assert.equal(small.activity.length, 70);
    assert.ok(seed.opportunity.length >= 300 && seed.activity.length >= 500);
  });

  it('should use every stage, closing won and lost deals before today and open ones around it', () => {
    const stages = new Set(seed.opportunity.map((o) => o.stage));
    assert.deepEqual([...stages].sort(), ['lead', 'lost', 'negotiation', 'proposal', 'qualified', 'won']);
    for (const o of seed.opportunity) {
      if (o.stage === 'won' || o.stage === 'lost') assert.ok(String(o.expectedCloseDate) < today, String(o.id));
      if (o.stage === 'won') assert.equal(o.probability, 100);
      if (o.stage === 'lost') assert.equal(o.probability, 0);
    }
    assert.ok(seed.opportunity.some((o) => o.stage === 'proposal' && String(o.expectedCloseDate) > today));
  });

  it('should spread due dates so due lists show overdue, today, this week and later items', () => {
    const open = seed.activity.filter((a) => a.done === false);
    const due = (a: Row) => String(a.dueDate);
    assert.ok(open.filter((a) => due(a) < today).length >= 20, 'overdue');
    assert.ok(
      seed.activity.some((a) => due(a) === today),
      'today',
    );
    assert.ok(open.filter((a) => due(a) > today && due(a) <= inDays(7)).length >= 10, 'this week');
    assert.ok(open.filter((a) => due(a) > inDays(7)).length >= 50, 'later');
    assert.ok(seed.activity.filter((a) => a.done === true).length >= 100, 'done');
  });

  it('should record when and how done activities ended, and nothing for open ones', () => {
    for (const a of seed.activity) {
      if (a.done) {
        assert.ok(String(a.doneOn) >= String(a.dueDate) && String(a.doneOn) <= today, String(a.id));
        assert.ok(a.outcome, String(a.id));
      } else {
        assert.equal(a.doneOn, undefined, String(a.id));
      }
    }
  });

  it('should link activities to the customer of their vehicle and opportunity', () => {
    const vehicles = new Map(seed.vehicle.map((v) => [v.id, v]));
    const deals = new Map(seed.opportunity.map((o) => [o.id, o]));
    for (const a of seed.activity) {
      if (a.vehicle) assert.equal(vehicles.get(a.vehicle as string)?.owner, a.customer, String(a.id));
      if (a.opportunity) assert.equal(deals.get(a.opportunity as string)?.customer, a.customer, String(a.id));
    }
    assert.ok(seed.activity.some((a) => a.vehicle) && seed.activity.some((a) => a.opportunity));
  });
});
