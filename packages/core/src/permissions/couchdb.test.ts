import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toPhysical } from '../store/physical.js';
import type { KehuRecord } from '../store/types.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { couchDesignDocument } from './couchdb.js';
import { EntityPolicy } from './policy.js';
import type { PermissionConfig } from './types.js';

type Doc = Record<string, unknown>;
type UserCtx = { name: string | null; roles: string[] };
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: Doc) => void;

const compile = (config: PermissionConfig = shippedRoles): Validate =>
  new Function('return ' + couchDesignDocument(shippedEntities, config).validate_doc_update)() as Validate;
const validate = compile();

const entity = (name: string) => shippedEntities.find((e) => e.name === name)!;

/** A record as RxDB's CouchDB replication sends it: the physical layout, `pk` moved to `_id`. */
function couchDoc(name: string, data: Doc, removed = false): Doc {
  const record = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', _v: 1, ...data };
  const { pk, ...rest } = toPhysical(entity(name), record as KehuRecord, removed);
  return { _id: pk, _rev: '1-a', ...rest };
}

/** The same document with a changed record (and a newer `updatedAt`, as every store write has). */
const edit = (doc: Doc, changes: Doc, removed?: boolean): Doc => {
  const d = doc.d as Doc;
  const name = doc.e as string;
  const next = couchDoc(name, { ...d, ...changes, updatedAt: '2026-02-02T00:00:00.000Z' }, removed ?? doc.t === 1);
  return { ...next, _rev: doc._rev };
};

const sales: UserCtx = { name: 'u-sales', roles: ['sales', 'org:sh'] };
const manager: UserCtx = { name: 'u-manager', roles: ['sales-manager', 'org:sh'] };
const auditor: UserCtx = { name: 'u-auditor', roles: ['auditor', 'org:sh'] };
const admin: UserCtx = { name: 'u-admin', roles: ['admin'] };
const security = { admins: { names: [], roles: [] }, members: { names: [], roles: [] } };

/** The `forbidden` reason, or undefined when the write passes; anything else thrown fails the test. */
function reason(newDoc: Doc, oldDoc: Doc | null, user: UserCtx, sec: Doc = security): string | undefined {
  try {
    validate(newDoc, oldDoc, user, sec);
    return undefined;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    assert.equal(typeof forbidden, 'string', `expected { forbidden }, got ${String(error)}`);
    return forbidden as string;
  }
}

const refused = (pattern: RegExp, newDoc: Doc, oldDoc: Doc | null, user: UserCtx) => {
  const message = reason(newDoc, oldDoc, user);
  assert.ok(message, 'the write should be refused');
  assert.match(message, pattern);
  assert.match(message, /[\u4e00-\u9fff]/, 'the message carries Chinese too');
};

const ownCustomer = couchDoc('customer', {
  id: 'c1',
  name: '上海申通汽车服务有限公司',
  type: 'b2b',
  salesRep: 'u-sales',
  organisation: 'sh',
  creditLimit: 50000,
  contacts: [{ name: '王芳', mobile: '13900001111' }],
});

describe('CouchDB validate_doc_update from the role configuration', () => {
  it('is a small ES5 function: no arrow functions, let, const, template strings or classes', () => {
    const source = couchDesignDocument(shippedEntities, shippedRoles).validate_doc_update;
    assert.match(source, /^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
    // Strings (labels in the role table) may say anything; the code around them may not.
    const code = source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    for (const banned of ['=>', 'let ', 'const ', '`', 'class ', '...', '?.', '??']) {
      assert.ok(!code.includes(banned), `ES5 only: found ${banned}`);
    }
    assert.ok(source.length < 40_000, `source is ${source.length} characters`);
    assert.equal(typeof validate, 'function');
  });

  it('lets admin write anything, and CouchDB _admin and database admins pass everything', () => {
    const product = couchDoc('product', { id: 'p1', name: '机油', unit: 'bottle', costPrice: 38.5 });
    assert.equal(reason(product, null, admin), undefined);
    assert.equal(
      reason(edit(ownCustomer, { creditLimit: 1, salesRep: 'u-other', organisation: 'bj' }), ownCustomer, admin),
      undefined,
    );
    assert.equal(reason(edit(ownCustomer, {}, true), ownCustomer, admin), undefined);
    const couchAdmin = { name: 'root', roles: ['_admin'] };
    assert.equal(reason({ _id: '_design/other', views: {} }, null, couchAdmin), undefined);
    assert.equal(reason({ _id: 'not-kehu', anything: 1 }, null, couchAdmin), undefined);
    assert.equal(reason({ ...ownCustomer, e: 'vehicle' }, ownCustomer, couchAdmin), undefined);
    const dbAdmins = { admins: { names: ['ops'], roles: ['ops-team'] } };
    assert.equal(reason({ _id: 'x' }, null, { name: 'ops', roles: [] }, dbAdmins), undefined);
    assert.equal(reason({ _id: 'x' }, null, { name: 'someone', roles: ['ops-team'] }, dbAdmins), undefined);
  });

  it('refuses a sales adviser changing the credit limit of an own customer, naming the field', () => {
    assert.equal(reason(edit(ownCustomer, { name: '申通汽车' }), ownCustomer, sales), undefined);
    refused(/creditLimit/, edit(ownCustomer, { creditLimit: 90000 }), ownCustomer, sales);
    refused(/Credit limit|信用额度/, edit(ownCustomer, { creditLimit: 90000 }), ownCustomer, sales);
    refused(/level/, edit(ownCustomer, { level: 'gold' }), ownCustomer, sales);
    // Handing a customer to someone else takes it out of the adviser's rows.
    refused(/outside/, edit(ownCustomer, { salesRep: 'u-other' }), ownCustomer, sales);
  });

  it('checks fields inside child rows: a contact mobile is masked for sales', () => {
    const contacts = (ownCustomer.d as Doc).contacts as Doc[];
    refused(
      /contacts\.mobile/,
      edit(ownCustomer, { contacts: [{ ...contacts[0], mobile: '13900002222' }] }),
      ownCustomer,
      sales,
    );
    assert.equal(
      reason(edit(ownCustomer, { contacts: [{ ...contacts[0], name: '王芳芳' }] }), ownCustomer, sales),
      undefined,
    );
    // A new row may leave the mobile out or carry the default of a field; it may not set the mobile.
    const added = [...contacts, { name: '李雷', primary: false }];
    assert.equal(reason(edit(ownCustomer, { contacts: added }), ownCustomer, sales), undefined);
    refused(
      /contacts\.mobile/,
      edit(ownCustomer, { contacts: [...contacts, { name: '李雷', mobile: '13700000000' }] }),
      ownCustomer,
      sales,
    );
    // Removing a row is a change of the list, which sales may write (the store allows it too).
    assert.equal(reason(edit(ownCustomer, { contacts: [] }), ownCustomer, sales), undefined);
    // Top-level sensitive fields and keys no schema declares are refused as well.
    refused(/mobile/, edit(ownCustomer, { mobile: '13800000000' }), ownCustomer, sales);
    refused(/hacked/, edit(ownCustomer, { hacked: true }), ownCustomer, sales);
  });

  it('checks row scopes on create: own records for sales, own organisation for managers', () => {
    const fresh = { id: 'c2', name: '新客户', type: 'consumer', importance: 'normal', currency: 'CNY' };
    assert.equal(
      reason(couchDoc('customer', { ...fresh, salesRep: 'u-sales', organisation: 'sh' }), null, sales),
      undefined,
    );
    refused(/outside|数据范围/, couchDoc('customer', { ...fresh, salesRep: 'u-other' }), null, sales);
    refused(/outside/, couchDoc('customer', fresh), null, sales);
    assert.equal(reason(couchDoc('customer', { ...fresh, organisation: 'sh' }), null, manager), undefined);
    refused(/outside/, couchDoc('customer', { ...fresh, organisation: 'bj' }), null, manager);
    refused(/outside/, couchDoc('customer', { ...fresh, organisation: 'sh' }), null, {
      name: 'u-m2',
      roles: ['sales-manager'],
    });
    // A `*` organisation scope on an entity without an organisation field reaches every row, as in the store.
    const opportunity = couchDoc('opportunity', {
      id: 'o1',
      name: '车队采购',
      customer: 'c1',
      stage: 'lead',
      owner: 'u-x',
    });
    assert.equal(reason(edit(opportunity, { stage: 'won' }), opportunity, manager), undefined);
  });

  it('checks row scopes on update: old and new document, no moving records out', () => {
    const theirs = edit(ownCustomer, { salesRep: 'u-other' });
    refused(/outside/, edit(theirs, { name: '改名' }), theirs, sales);
    const shCustomer = edit(ownCustomer, { salesRep: 'u-x' });
    assert.equal(reason(edit(shCustomer, { name: '改名' }), shCustomer, manager), undefined);
    refused(/outside/, edit(shCustomer, { organisation: 'bj' }), shCustomer, manager);
    const bj = edit(ownCustomer, { organisation: 'bj' });
    refused(/outside/, edit(bj, { name: '改名' }), bj, manager);
  });

  it('refuses an auditor creating or changing anything', () => {
    for (const e of shippedEntities) {
      refused(/may not add|没有新增/, couchDoc(e.name, { id: 'a1', owner: 'u-auditor' }), null, auditor);
    }
    refused(/may not change/, edit(ownCustomer, { name: 'x' }), ownCustomer, auditor);
    // Rewriting a record unchanged is still an update.
    refused(/may not change/, { ...ownCustomer, _rev: '1-a' }, ownCustomer, auditor);
  });

  it('refuses deleting and restoring without the delete action', () => {
    refused(/may not delete/, edit(ownCustomer, {}, true), ownCustomer, sales);
    refused(/may not delete/, { _id: ownCustomer._id, _rev: '1-a', _deleted: true }, ownCustomer, sales);
    const removed = edit(ownCustomer, {}, true);
    refused(/may not delete/, edit(removed, {}, false), removed, sales);
    const mine = edit(ownCustomer, { salesRep: 'u-x' });
    assert.equal(reason(edit(mine, {}, true), mine, manager), undefined);
    assert.equal(reason({ _id: mine._id, _deleted: true }, mine, manager), undefined);
    const opportunity = couchDoc('opportunity', {
      id: 'o1',
      name: '车队采购',
      customer: 'c1',
      stage: 'lead',
      owner: 'u-sales',
    });
    assert.equal(reason(edit(opportunity, {}, true), opportunity, sales), undefined);
  });

  it('refuses changing the entity or key of a document', () => {
    refused(/entity \(e\)/, { ...ownCustomer, e: 'vehicle' }, ownCustomer, manager);
    refused(/entity \(e\)/, { ...ownCustomer, pk: 'customer|other' }, ownCustomer, manager);
    refused(/not a Kehu record/, { ...ownCustomer, _id: 'customer|other' }, null, manager);
  });

  it('handles documents outside the Kehu layout sensibly', () => {
    assert.equal(
      reason({ _id: '_local/checkpoint', seq: 1 }, null, sales),
      undefined,
      '_local docs are never replicated',
    );
    refused(/design documents/, { _id: '_design/kehu', validate_doc_update: 'function () {}' }, null, manager);
    refused(/not a Kehu record/, { _id: 'free-form', note: 'hello' }, null, manager);
    refused(/not a Kehu record/, { ...ownCustomer, t: 2 }, null, manager);
    refused(/no entity "nope"/, { _id: 'nope|1', e: 'nope', t: 0, d: { id: '1' } }, null, manager);
    refused(/Sign in/, couchDoc('vehicle', { id: 'v1' }), null, { name: null, roles: [] });
    // A tombstone for a document the server never had deletes nothing.
    assert.equal(reason({ _id: 'customer|ghost', _deleted: true }, null, sales), undefined);
    // Role names that are also Object.prototype members grant nothing.
    refused(/may not add/, couchDoc('vehicle', { id: 'v2' }), null, {
      name: 'x',
      roles: ['constructor', '__proto__', 'toString'],
    });
  });

  it('allows exactly the creates EntityPolicy allows, for every shipped role and entity', () => {
    for (const role of Object.keys(shippedRoles.roles)) {
      for (const e of shippedEntities) {
        const policy = new EntityPolicy(e, shippedRoles, { id: 'u1', roles: [role], organisation: 'sh' });
        const { owner, organisation } = e.ownership;
        const d: Doc = {
          id: 'n1',
          ...(owner ? { [owner]: 'u1' } : {}),
          ...(organisation ? { [organisation]: 'sh' } : {}),
        };
        const message = reason(couchDoc(e.name, d), null, { name: 'u1', roles: [role, 'org:sh'] });
        assert.equal(message === undefined, policy.can('create'), `${role} creating ${e.name}: ${message}`);
      }
    }
  });

  it('applies field groups from the configuration: cost prices read-only for a role', () => {
    const config: PermissionConfig = {
      roles: { buyer: { entities: { product: { actions: ['query', 'update'] } }, groups: { cost: 'read' } } },
    };
    const check = compile(config);
    const product = couchDoc('product', { id: 'p1', name: '机油', unit: 'bottle', costPrice: 38.5 });
    const buyer = { name: 'b', roles: ['buyer'] };
    assert.doesNotThrow(() => check(edit(product, { name: '机油 5W-30' }), product, buyer, security));
    assert.throws(
      () => check(edit(product, { costPrice: 40 }), product, buyer, security),
      (error: { forbidden: string }) => /costPrice/.test(error.forbidden),
    );
  });
});
