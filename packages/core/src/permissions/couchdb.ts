import type { Entity, FieldModel } from '../entity/types.js';
import { EntityPolicy } from './policy.js';
import type { FieldAccess, PermissionAction, PermissionConfig, RowScope } from './types.js';

/**
 * The sync server's half of role permissions (docs/decisions/0007-permissions.md): the same schema
 * declarations and role configuration the store enforces, compiled into a CouchDB
 * `validate_doc_update` function for the database the `records` collection replicates to.
 */

/** One role's grant on one entity, as the server checks it. */
export interface CompiledGrant {
  /** Actions. */
  a: PermissionAction[];
  /** Row scope, already resolved (`all` where the entity lacks the fields a `*` grant's scope needs). */
  s: RowScope;
  /** True when the grant writes (create or update). */
  w: boolean;
  /** Fields the grant may not write, by dotted path, with their access; only for writing grants. */
  f?: Record<string, FieldAccess>;
}

/** What the server needs to know about one entity. */
export interface CompiledEntity {
  /** Label, `English|中文`. */
  l: string;
  /** Owner, assignee and organisation fields (`x-kehu.ownership`). */
  o?: string;
  a?: string;
  g?: string;
  /** Every field path the schema declares, space-separated with a leading and trailing space. */
  k: string;
  /** Defaults by path: a field the user may not write may still carry its default in a new record or row. */
  v: Record<string, unknown>;
  /** Labels (`English|中文`) of the paths some grant restricts, for messages. */
  n: Record<string, string>;
}

/** The role table embedded in the validation function. */
export interface CompiledRoleTable {
  e: Record<string, CompiledEntity>;
  /** Grants by role, then by entity (`*` grants expanded to every entity). */
  r: Record<string, Record<string, CompiledGrant>>;
}

/** A CouchDB design document carrying Kehu's write checks. */
export interface KehuDesignDocument {
  _id: '_design/kehu';
  language: 'javascript';
  validate_doc_update: string;
  /** The roles the function knows, for operators checking a deployment. */
  kehu: { roles: string[]; entities: string[] };
}

/** Every field path with its chain of fields from the root. */
function chains(fields: FieldModel[], parent: FieldModel[] = []): FieldModel[][] {
  return fields.flatMap((f) => [[...parent, f], ...chains(f.children ?? [], [...parent, f])]);
}

const pathOf = (chain: FieldModel[]) => chain.map((f) => f.key).join('.');
const labelOf = (chain: FieldModel[]) =>
  `${chain.map((f) => f.label.en).join(' › ')}|${chain.map((f) => f.label['zh-CN']).join(' › ')}`;

/** The role table: each role's grant on each entity, resolved the way `EntityPolicy` resolves it. */
export function compileRoleTable(entities: Entity[], config: PermissionConfig): CompiledRoleTable {
  const table: CompiledRoleTable = { e: {}, r: {} };
  for (const entity of entities) {
    const all = chains(entity.fields);
    const info: CompiledEntity = {
      l: `${entity.label.en}|${entity.label['zh-CN']}`,
      k: ` ${all.map(pathOf).join(' ')} `,
      v: {},
      n: {},
    };
    const { owner, assignee, organisation } = entity.ownership;
    if (owner) info.o = owner;
    if (assignee) info.a = assignee;
    if (organisation) info.g = organisation;
    for (const chain of all) {
      const last = chain[chain.length - 1];
      if (last.default !== undefined) info.v[pathOf(chain)] = last.default;
    }
    table.e[entity.name] = info;
    for (const role of Object.keys(config.roles)) {
      // One role at a time: roles add up in the function, exactly as EntityPolicy adds them up.
      const policy = new EntityPolicy(entity, config, { id: 'compile', roles: [role] });
      if (!policy.actions.size) continue;
      const grant: CompiledGrant = {
        a: [...policy.actions],
        s: policy.scope,
        w: policy.can('create') || policy.can('update'),
      };
      if (grant.w) {
        const restricted: Record<string, FieldAccess> = {};
        for (const chain of all) {
          const access = policy.field(chain.map((f) => f.key));
          if (access === 'write') continue;
          restricted[pathOf(chain)] = access;
          info.n[pathOf(chain)] = labelOf(chain);
        }
        grant.f = restricted;
      }
      (table.r[role] ??= {})[entity.name] = grant;
    }
  }
  return table;
}

/**
 * The validation function, plain ES5 for CouchDB's JavaScript engine (SpiderMonkey or QuickJS):
 * no arrow functions, no let/const, no template strings. `__TABLE__` is replaced by the role table.
 * Organisations: a CouchDB user carries them as roles `org:<id>` (see the decision record).
 */
const source = `function (newDoc, oldDoc, userCtx, secObj) {
  var T = __TABLE__;
  var user = userCtx || {};
  var roles = user.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var i;
  function own(o, k) { return o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k); }
  function has(list, v) {
    for (var j = 0; list && j < list.length; j++) if (list[j] === v) return true;
    return false;
  }
  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function no(en, zh) { throw { forbidden: en + ' / ' + zh }; }
  if (has(roles, '_admin') || has(admins.names, user.name)) return;
  for (i = 0; i < roles.length; i++) if (has(admins.roles, roles[i])) return;
  var id = String(newDoc._id);
  if (id.indexOf('_local/') === 0) return;
  if (id.indexOf('_design/') === 0) no('Only administrators may change design documents.', '只有管理员可以修改设计文档。');
  var live = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var doc = newDoc._deleted ? live || newDoc : newDoc;
  if (newDoc._deleted && !live && doc.e === undefined) return;
  if (live && !newDoc._deleted && (live.e !== newDoc.e || (live.pk || id) !== (newDoc.pk || id)))
    no('The entity (e) and key (pk) of a record cannot change.', '记录的实体（e）和主键（pk）不能修改。');
  if (typeof doc.e !== 'string' || !isObj(doc.d) || typeof doc.d.id !== 'string' || id !== doc.e + '|' + doc.d.id ||
      (doc.pk !== undefined && doc.pk !== id) || (doc.t !== 0 && doc.t !== 1))
    no('Document ' + id + ' is not a Kehu record (entity|id, e, t, d); only administrators may write it.',
      '文档 ' + id + ' 不是 Kehu 记录（entity|id、e、t、d），只有管理员可以写入。');
  if (doc.e === 'kehu-conflict') {
    // Conflicts the server found (decision 0007): the users they name resolve them; nothing else.
    var k, settle = { status: 1, choices: 1, resolvedAt: 1, updatedAt: 1 };
    if (!live || newDoc._deleted || !isObj(live.d) || !has(live.d.readers, user.name))
      no('Only the sync server adds or removes sync conflicts; the users a conflict names may resolve it.',
        '同步冲突只能由同步服务器添加或删除；冲突列出的用户可以解决它。');
    for (k in newDoc.d) if (own(newDoc.d, k) && !own(settle, k) && !same(newDoc.d[k], live.d[k]))
      no('Only the status, choices and time of a sync conflict may change (' + k + ').', '同步冲突只能修改状态、选择和时间（' + k + '）。');
    for (k in live.d) if (own(live.d, k) && !own(newDoc.d, k) && !own(settle, k))
      no('Only the status, choices and time of a sync conflict may change (' + k + ').', '同步冲突只能修改状态、选择和时间（' + k + '）。');
    return;
  }
  var E = own(T.e, doc.e) ? T.e[doc.e] : null;
  if (!E) no('There is no entity "' + doc.e + '".', '没有实体「' + doc.e + '」。');
  var label = E.l.split('|');
  if (typeof user.name !== 'string' || !user.name) no('Sign in to change ' + label[0] + ' records.', '请登录后再修改' + label[1] + '。');
  var who = user.name + ' (roles: ' + (roles.join(', ') || '-') + ')';
  var grants = [], orgs = [];
  for (i = 0; i < roles.length; i++) {
    if (own(T.r, roles[i]) && own(T.r[roles[i]], doc.e)) grants.push(T.r[roles[i]][doc.e]);
    if (roles[i].indexOf('org:') === 0 && roles[i].length > 4) orgs.push(roles[i].slice(4));
  }
  var verbs = { create: ['add', '新增'], update: ['change', '修改'], 'delete': ['delete or restore', '删除或恢复'] };
  function need(action) {
    for (var j = 0; j < grants.length; j++) if (has(grants[j].a, action)) return;
    no(who + ' may not ' + verbs[action][0] + ' ' + label[0] + ' records. Nothing was saved.',
      who + ' 没有' + verbs[action][1] + label[1] + '的权限。本次未保存。');
  }
  function inScope(d) {
    for (var j = 0; j < grants.length; j++) {
      var s = grants[j].s;
      if (s === 'all') return true;
      if (s === 'organisation' && has(orgs, d[E.g])) return true;
      if ((s === 'own' || s === 'assigned') && d[E.o] === user.name) return true;
      if (s === 'assigned' && E.a && d[E.a] === user.name) return true;
    }
    return false;
  }
  function scope(d) {
    if (!inScope(d)) no('This ' + label[0] + ' record is outside the rows ' + who + ' may write (owner or organisation). Nothing was saved.',
      '该' + label[1] + '记录不在 ' + who + ' 可写的数据范围（负责人或组织）内。本次未保存。');
  }
  if (newDoc._deleted) {
    need('delete');
    scope(doc.d);
    return;
  }
  var system = { id: 1, createdAt: 1, updatedAt: 1, _v: 1 };
  var changes = [];
  function isRows(v) {
    if (!Array.isArray(v) || !v.length) return false;
    for (var j = 0; j < v.length; j++) if (!isObj(v[j])) return false;
    return true;
  }
  function diff(a, b, prefix, creating) {
    var keys = {}, k;
    for (k in a) if (own(a, k)) keys[k] = 1;
    for (k in b) if (own(b, k)) keys[k] = 1;
    for (k in keys) {
      if (!prefix && own(system, k)) continue;
      var p = prefix ? prefix + '.' + k : k, x = a ? a[k] : undefined, y = b ? b[k] : undefined;
      if ((isObj(x) || x === undefined) && (isObj(y) || y === undefined)) diff(x, y, p, creating || x === undefined);
      else if (isRows(x) || isRows(y)) rows(x, y, p, creating);
      else if (!same(x, y)) changes.push([p, creating, y]);
    }
  }
  function rows(x, y, p, creating) {
    var olds = [], byId = {}, ids = 0, used = {}, j, m;
    if (Array.isArray(x)) for (j = 0; j < x.length; j++) if (isObj(x[j])) olds.push(x[j]);
    for (j = 0; j < olds.length; j++) if (typeof olds[j].id === 'string') { byId['#' + olds[j].id] = j; ids++; }
    var news = Array.isArray(y) ? y : [];
    for (j = 0; j < news.length; j++) {
      if (!isObj(news[j])) { changes.push([p, creating, y]); continue; }
      m = typeof news[j].id === 'string' ? byId['#' + news[j].id] : ids ? undefined : j < olds.length ? j : undefined;
      if (m === undefined) diff(undefined, news[j], p, true);
      else { used[m] = 1; diff(olds[m], news[j], p, creating); }
    }
    for (j = 0; j < olds.length; j++) if (!used[j]) changes.push([p, false, y]);
  }
  function access(g, p) {
    if (own(g.f, p)) return g.f[p];
    if (E.k.indexOf(' ' + p + ' ') >= 0) return 'write';
    var dot = p.lastIndexOf('.');
    return dot < 0 ? 'none' : access(g, p.slice(0, dot));
  }
  function allowed(p, creating, v) {
    for (var j = 0; j < grants.length; j++) if (grants[j].w && access(grants[j], p) === 'write') return true;
    if (!creating) return false;
    if (own(E.v, p) && same(E.v[p], v)) return true;
    return (p === E.o && v === user.name) || (p === E.g && has(orgs, v));
  }
  diff(live ? live.d : undefined, newDoc.d, '', !live);
  if (!live) need('create');
  else {
    if (live.t !== newDoc.t) need('delete');
    if (changes.length || live.t === newDoc.t) need('update');
    scope(live.d);
  }
  scope(newDoc.d);
  for (i = 0; i < changes.length; i++) {
    if (allowed(changes[i][0], changes[i][1], changes[i][2])) continue;
    var name = (own(E.n, changes[i][0]) ? E.n[changes[i][0]] : changes[i][0] + '|' + changes[i][0]).split('|');
    no(name[0] + ' (' + changes[i][0] + ') of ' + label[0] + ' may not be set or changed by ' + who + '. Nothing was saved.',
      '「' + name[1] + '」（' + changes[i][0] + '）不能由 ' + who + ' 填写或修改（' + label[1] + '）。本次未保存。');
  }
}`;

/** JSON as a JavaScript literal: U+2028/U+2029 are legal in JSON strings but end lines in ES5. */
const literal = (value: unknown) =>
  JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The `validate_doc_update` source for these entities and roles. */
export function couchValidateDocUpdate(entities: Entity[], config: PermissionConfig): string {
  return source.replace('__TABLE__', () => literal(compileRoleTable(entities, config)));
}

/**
 * The design document to install (as a database admin) in every CouchDB database Kehu records sync
 * to: it refuses writes the user's roles do not allow, with the same rules as the store. Pass the
 * store's entities, the built-in `kehu-view` included, and the same role configuration.
 */
export function couchDesignDocument(entities: Entity[], config: PermissionConfig): KehuDesignDocument {
  return {
    _id: '_design/kehu',
    language: 'javascript',
    validate_doc_update: couchValidateDocUpdate(entities, config),
    kehu: { roles: Object.keys(config.roles), entities: entities.map((e) => e.name) },
  };
}
