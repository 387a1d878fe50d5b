/**
 * The permission matrix: every shipped role × every shipped entity × every action, and every role ×
 * every protected field, exercised through the store API (not through any element). Expectations
 * for actions and scopes are read from `schemas/roles.json` the simple way an administrator reads
 * it; expectations for protected fields are written out below, and the test fails if a protected
 * field appears in a schema without one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Entity } from '../entity/types.js';
import { exportRecords } from '../export/export-records.js';
import { recordArbitrary } from '../test-support/record-arbitrary.js';
import { roleUsers, shippedEntities, shippedRoles, storeFactory } from '../test-support/permission-stores.js';
import type { KehuRecord, Store } from '../store/types.js';
import { mask } from './redact.js';
import { createStore } from '../store/create-store.js';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { permissionActions, type FieldAccess, type PermissionAction, type RowScope } from './types.js';

type Row = Record<string, unknown>;
const roles = Object.keys(shippedRoles.roles);
/** The shipped entities and the store's built-in ones (saved views, import jobs and mappings…). */
const entities: Entity[] = await (async () => {
  const store = await createStore({
    entities: shippedEntities,
    storage: getRxStorageMemory(),
    name: `matrix-${Date.now()}`,
  });
  const all = [...store.entities.values()];
  await store.close();
  return all;
})();

/** What each role may do with each protected field: sensitive ones, permission groups, per-role overrides. */
const fieldExpectations: Record<string, Record<string, FieldAccess>> = {
  admin: {
    'customer.mobile': 'write',
    'customer.residentId': 'write',
    'customer.contacts.mobile': 'write',
    'customer.bankAccount.accountNumber': 'write',
    'customer.creditLimit': 'write',
    'customer.level': 'write',
    'customer.salesRep': 'write',
    'product.costPrice': 'write',
  },
  'sales-manager': {
    'customer.mobile': 'read',
    'customer.residentId': 'read',
    'customer.contacts.mobile': 'read',
    'customer.bankAccount.accountNumber': 'read',
    'customer.creditLimit': 'write',
    'customer.level': 'write',
    'customer.salesRep': 'write',
    'product.costPrice': 'read',
  },
  sales: {
    'customer.mobile': 'masked',
    'customer.residentId': 'masked',
    'customer.contacts.mobile': 'masked',
    'customer.bankAccount.accountNumber': 'masked',
    'customer.creditLimit': 'read',
    'customer.level': 'read',
    'customer.salesRep': 'read',
    'product.costPrice': 'none',
  },
  auditor: {
    'customer.mobile': 'none',
    'customer.residentId': 'none',
    'customer.contacts.mobile': 'none',
    'customer.bankAccount.accountNumber': 'none',
    'customer.creditLimit': 'read',
    'customer.level': 'read',
    'customer.salesRep': 'read',
    'product.costPrice': 'read',
  },
};

function protectedPaths(): string[] {
  const out = new Set<string>();
  const walk = (entity: Entity, fields: Entity['fields'], prefix: string) => {
    for (const field of fields) {
      if (field.sensitive || field.access) out.add(`${entity.name}.${prefix}${field.key}`);
      walk(entity, field.children ?? [], `${prefix}${field.key}.`);
    }
  };
  for (const entity of entities) walk(entity, entity.fields, '');
  for (const role of Object.values(shippedRoles.roles))
    for (const [name, grant] of Object.entries(role.entities))
      for (const path of Object.keys(grant.fields ?? {})) out.add(`${name}.${path}`);
  return [...out].sort();
}

const grantOf = (role: string, entity: string) =>
  shippedRoles.roles[role].entities[entity] ?? shippedRoles.roles[role].entities['*'];
const expectedActions = (role: string, entity: string): PermissionAction[] => grantOf(role, entity)?.actions ?? [];
function expectedScope(role: string, entity: Entity): RowScope {
  const scope = grantOf(role, entity.name)?.scope ?? 'all';
  const { owner, organisation } = entity.ownership;
  return (scope === 'organisation' ? organisation : owner) || scope === 'all' ? scope : 'all';
}

/** Valid sample records of an entity, unlocked (a locked document refuses every change by design). */
function samples(entity: Entity, count: number): Row[] {
  const overrides = {
    'lines.quantity': fc.integer({ min: 1, max: 100 }),
    'lines.unitPrice': fc.integer({ min: 0, max: 999_999 }).map((cents) => cents / 100),
  };
  const rows = fc.sample(recordArbitrary(entity, { overrides }), { seed: 20261122, numRuns: count * 4 });
  const lockedField = Object.keys(entity.lockedWhen ?? {})[0];
  return rows.slice(0, count).map((row) => {
    const out = { ...row };
    delete out.id;
    if (lockedField) {
      const open = entity.field(lockedField)?.options?.find((o) => !entity.lockedWhen![lockedField].includes(o.value));
      if (open) out[lockedField] = open.value;
    }
    return out;
  });
}

const placed = (entity: Entity, row: Row, owner: string, organisation: string): Row => {
  const { owner: ownerField, organisation: orgField } = entity.ownership;
  return { ...row, ...(ownerField ? { [ownerField]: owner } : {}), ...(orgField ? { [orgField]: organisation } : {}) };
};

const refusal = async (work: Promise<unknown>): Promise<string | undefined> => {
  try {
    await work;
    return undefined;
  } catch (error) {
    if (process.env.DEBUG_MATRIX) console.log(String(error));
    return (error as { code?: string }).code ?? String(error);
  }
};

/** Strips fields the role may not write from a new record, as a form for that role would. */
function writable(store: Store, entity: Entity, row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const field = entity.field(key);
    if (field?.children && Array.isArray(value)) {
      const keep = field.children.filter((c) => store.permissions.field(entity.name, [key, c.key]) === 'write');
      out[key] = value.map((r) =>
        Object.fromEntries(Object.entries(r as Row).filter(([k]) => keep.some((c) => c.key === k))),
      );
    } else if (field?.children && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value as Row).filter(([k]) => store.permissions.field(entity.name, [key, k]) === 'write'),
      );
    } else if (store.permissions.field(entity.name, key) === 'write') out[key] = value;
  }
  return out;
}

describe('permission matrix: role × entity × action', () => {
  for (const role of roles) {
    it(`${role}: every entity, every action, inside and outside its scope`, async (t) => {
      const open = storeFactory(t);
      const user = roleUsers[role];
      const admin = await open(roleUsers.admin);
      const seeded = new Map<string, { inside: KehuRecord; outside?: KehuRecord; fresh: Row }>();
      for (const entity of entities) {
        const [a, b, c] = samples(entity, 3);
        const inside = await admin.entity(entity.name).insert(placed(entity, a, user.id, user.organisation!));
        const hasOwnership = Boolean(entity.ownership.owner || entity.ownership.organisation);
        const outside = hasOwnership
          ? await admin.entity(entity.name).insert(placed(entity, b, 'u-other', 'bj'))
          : undefined;
        seeded.set(entity.name, { inside, outside, fresh: placed(entity, c, user.id, user.organisation!) });
      }
      const store = await open(user);
      for (const entity of entities) {
        const { inside, outside, fresh } = seeded.get(entity.name)!;
        const repo = store.entity(entity.name);
        const allowed = new Set(expectedActions(role, entity.name));
        const scope = expectedScope(role, entity);
        const at = `${role} × ${entity.name}`;
        for (const action of permissionActions)
          assert.equal(store.permissions.can(entity.name, action), allowed.has(action), `${at} can ${action}`);

        // query
        if (allowed.has('query')) {
          const ids = (await repo.find({ limit: 1000 })).map((r) => r.id);
          assert.ok(ids.includes(inside.id), `${at}: sees its own record`);
          if (outside)
            assert.equal(ids.includes(outside.id), scope === 'all', `${at}: sees others' records only with scope all`);
          assert.equal(await repo.count(), ids.length, `${at}: count agrees with find`);
        } else {
          assert.equal(await refusal(repo.find()), 'forbidden', `${at}: find refused`);
          assert.equal(await refusal(repo.get(inside.id)), 'forbidden', `${at}: get refused`);
        }
        // export
        const exported = await refusal(exportRecords(store, entity.name));
        assert.equal(exported, allowed.has('export') ? undefined : 'forbidden', `${at}: export`);
        // create
        const created = await refusal(repo.insert(writable(store, entity, fresh)));
        assert.equal(created, allowed.has('create') ? undefined : 'forbidden', `${at}: create`);
        // update: saving back what the user was shown is allowed exactly when update is
        const shown = allowed.has('query') ? await repo.get(inside.id) : { ...inside };
        const updated = await refusal(repo.upsert(shown as Row));
        assert.equal(updated, allowed.has('update') ? undefined : 'forbidden', `${at}: update`);
        if (outside && scope !== 'all' && allowed.has('update')) {
          assert.equal(
            await refusal(repo.patch(outside.id, {})),
            'not-found',
            `${at}: others' records are out of reach`,
          );
        }
        // delete
        const removed = await refusal(repo.remove(inside.id));
        assert.equal(removed, allowed.has('delete') ? undefined : 'forbidden', `${at}: delete`);
      }
    });
  }
});

describe('permission matrix: role × protected field', () => {
  const paths = protectedPaths();

  it('has an expectation for every role and every protected field', () => {
    for (const role of roles) assert.deepEqual(Object.keys(fieldExpectations[role] ?? {}).sort(), paths, role);
  });

  for (const role of roles) {
    it(`${role}: reads and writes each protected field as expected`, async (t) => {
      const open = storeFactory(t);
      const user = roleUsers[role];
      const admin = await open(roleUsers.admin);
      const records = new Map<string, KehuRecord>();
      const alternatives = new Map<string, Row>();
      for (const name of new Set(paths.map((p) => p.split('.')[0]))) {
        const entity = entities.find((e) => e.name === name)!;
        const [a, b] = samplesWithAll(entity, paths);
        records.set(name, await admin.entity(name).insert(placed(entity, a, user.id, user.organisation!)));
        alternatives.set(name, b);
      }
      const store = await open(user);
      for (const path of paths) {
        const [name, ...keys] = path.split('.');
        const expected = fieldExpectations[role][path];
        const original = records.get(name)!;
        assert.equal(store.permissions.field(name, keys), expected, `${role} ${path} access`);
        const stored = valueAt(original, keys);
        const seen = valueAt((await store.entity(name).get(original.id)) ?? {}, keys);
        if (expected === 'none') assert.equal(seen, undefined, `${role} ${path} hidden`);
        else if (expected === 'masked') assert.equal(seen, mask(stored), `${role} ${path} masked`);
        else assert.deepEqual(seen, stored, `${role} ${path} readable`);

        const change = withValue(original, keys, valueAt(alternatives.get(name)!, keys));
        const outcome = await refusal(store.entity(name).patch(original.id, { [keys[0]]: change[keys[0]] }));
        if (expected === 'write') assert.equal(outcome, undefined, `${role} ${path} writable`);
        else assert.equal(outcome, 'forbidden', `${role} ${path} refused`);
      }
    });
  }
});

function valueAt(record: Row, keys: string[]): unknown {
  let value: unknown = record;
  for (const key of keys) {
    value = Array.isArray(value) ? (value[0] as Row | undefined)?.[key] : (value as Row | undefined)?.[key];
  }
  return value;
}

/** The record with the value at `keys` replaced (first row of a child array). */
function withValue(record: Row, keys: string[], value: unknown): Row {
  if (keys.length === 1) return { ...record, [keys[0]]: value };
  const [head, ...rest] = keys;
  const inner = record[head];
  if (Array.isArray(inner)) return { ...record, [head]: [withValue(inner[0] as Row, rest, value), ...inner.slice(1)] };
  return { ...record, [head]: withValue((inner ?? {}) as Row, rest, value) };
}

/** Two sample records that both hold a (different) value at every protected path of the entity. */
function samplesWithAll(entity: Entity, paths: string[]): [Row, Row] {
  const mine = paths.filter((p) => p.startsWith(`${entity.name}.`)).map((p) => p.split('.').slice(1));
  const pool = samples(entity, 400);
  const full = pool.filter((row) => mine.every((keys) => valueAt(row, keys) !== undefined));
  const [a, b] = full.filter(
    (row, i) => i === 0 || mine.every((keys) => valueAt(row, keys) !== valueAt(full[0], keys)),
  );
  assert.ok(a && b, `two ${entity.name} samples with every protected field (${full.length} had all)`);
  return [a, b];
}
