import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import {
  matchesSelector,
  readSelector,
  scopeDatabases,
  userDatabaseName,
  type CouchSelector,
  type CouchUser,
} from './couchdb-scope.js';
import { EntityPolicy } from './policy.js';
// @ts-expect-error -- no type declarations; used only as CouchDB's reference semantics
import { matchesSelector as pouchMatches } from 'pouchdb-selector-core';

type Doc = Record<string, unknown>;

/** CouchDB's own Mango semantics (PouchDB's implementation), as the oracle. */
const matches = (selector: CouchSelector, doc: Doc): boolean => pouchMatches(doc, selector);

const doc = (e: string, d: Doc): Doc => ({ _id: `${e}|${d.id}`, e, t: 0, d });
const sales: CouchUser = { name: 'u-sales', roles: ['sales', 'org:sh'] };
const manager: CouchUser = { name: 'u-manager', roles: ['sales-manager', 'org:sh'] };

const docs = [
  doc('customer', { id: 'c1', salesRep: 'u-sales', organisation: 'sh' }),
  doc('customer', { id: 'c2', salesRep: 'u-other', organisation: 'sh' }),
  doc('customer', { id: 'c3', salesRep: 'u-sales', organisation: 'bj' }),
  doc('customer', { id: 'c4', salesRep: 'u-other', organisation: 'bj' }),
  doc('opportunity', { id: 'o1', owner: 'u-sales' }),
  doc('opportunity', { id: 'o2', owner: 'u-other' }),
  doc('activity', { id: 'a1', owner: 'u-other' }),
  doc('vehicle', { id: 'v1' }),
  doc('product', { id: 'p1' }),
  doc('kehu-conflict', { id: 'k1', entity: 'customer', recordId: 'c1', readers: ['u-sales', 'u-manager'] }),
  doc('kehu-conflict', { id: 'k2', entity: 'customer', recordId: 'c2', readers: ['u-manager'] }),
];

const reads = (user: CouchUser) => {
  const selector = readSelector(shippedEntities, shippedRoles, user);
  return docs.filter((d) => selector && matches(selector, d)).map((d) => String(d._id));
};

describe('read scope on the server: one database per user', () => {
  it('gives a sales adviser own customers and opportunities, and the shared master data', () => {
    assert.deepEqual(reads(sales), [
      'customer|c1',
      'customer|c3',
      'opportunity|o1',
      'vehicle|v1',
      'product|p1',
      'kehu-conflict|k1',
    ]);
  });

  it("gives a sales manager the organisation's customers and everything without an organisation field", () => {
    assert.deepEqual(reads(manager), [
      'customer|c1',
      'customer|c2',
      'opportunity|o1',
      'opportunity|o2',
      'activity|a1',
      'vehicle|v1',
      'product|p1',
      'kehu-conflict|k1',
      'kehu-conflict|k2',
    ]);
    // Without an organisation role the manager reads no customers at all, never all of them.
    assert.ok(!reads({ name: 'm2', roles: ['sales-manager'] }).some((id) => id.startsWith('customer|')));
  });

  it('matches EntityPolicy: a record is in the database exactly when the store would show it', () => {
    for (const role of Object.keys(shippedRoles.roles)) {
      const user: CouchUser = { name: 'u-sales', roles: [role, 'org:sh'] };
      const selector = readSelector(shippedEntities, shippedRoles, user);
      for (const d of docs) {
        if (d.e === 'kehu-conflict') continue;
        const entity = shippedEntities.find((e) => e.name === d.e)!;
        const policy = new EntityPolicy(entity, shippedRoles, { id: 'u-sales', roles: [role], organisation: 'sh' });
        const expected = policy.can('query') && policy.inScope(d.d as Doc);
        assert.equal(Boolean(selector && matches(selector, d)), expected, `${role} reading ${d._id}`);
      }
    }
  });

  it("decides as CouchDB's Mango does, for the agent naming who reads a record", () => {
    for (const user of [sales, manager, { name: 'u-other', roles: ['auditor', 'org:bj'] }]) {
      const selector = readSelector(shippedEntities, shippedRoles, user)!;
      for (const d of docs) assert.equal(matchesSelector(d, selector), matches(selector, d), `${user.name} ${d._id}`);
    }
  });

  it('describes each database: the user as its only member, and both replications', () => {
    const [db, ...rest] = scopeDatabases(shippedEntities, shippedRoles, [
      sales,
      { name: 'root', roles: ['_admin'] },
      { name: 'nobody', roles: ['no-such-role'] },
    ]);
    assert.equal(rest.length, 0, '_admin syncs with the master; a user who reads nothing gets no database');
    assert.equal(db.name, 'kehu-u-752d73616c6573');
    assert.deepEqual(db.security, { admins: { names: [], roles: [] }, members: { names: ['u-sales'], roles: [] } });
    assert.deepEqual(db.replications, [
      { source: 'kehu', target: db.name, selector: { $or: [db.selector, { _id: '_design/kehu' }] } },
      { source: db.name, target: 'kehu', selector: { e: { $exists: true } } },
    ]);
  });

  it('names databases validly for any user name', () => {
    for (const name of ['王芳', 'Li.Lei@Example.COM', '<script>', 'a'.repeat(100)]) {
      assert.match(userDatabaseName(name, 'crm'), /^crm-u-[a-z0-9]+$/);
    }
    assert.notEqual(userDatabaseName('A'), userDatabaseName('a'));
  });
});
