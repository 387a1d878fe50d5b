import type { Entity } from '../entity/types.js';
import { EntityPolicy } from './policy.js';
import type { PermissionConfig } from './types.js';
import { userDatabaseName } from '../sync/urls.js';

export { userDatabaseName };

/** A CouchDB user as `_users` holds it: Kehu role names plus `org:<id>` roles for organisations. */
export interface CouchUser {
  /** The CouchDB user name; it is the Kehu user id that owner and assignee fields hold. */
  name: string;
  roles: string[];
}

/** A Mango selector over the master database's documents. */
export type CouchSelector = Record<string, unknown>;

/** One database a user syncs with, and how the server keeps it filled. */
export interface ScopeDatabase {
  /** Database name: `<master>-u-<hex of the UTF-8 user name>` (CouchDB names allow only `[a-z0-9_$()+/-]`). */
  name: string;
  user: string;
  /**
   * The `_security` object: the user is a member, never an admin (database admins bypass
   * `validate_doc_update` and may replace the design document).
   */
  security: { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } };
  /** What the user reads: the master's documents this selector matches. `null`: nothing, no database. */
  selector: CouchSelector | null;
  /**
   * Server-side replications to keep running (as `_replicator` documents, with admin credentials):
   * master → user database filtered by `selector`, and user database → master for every Kehu
   * record (each passed `validate_doc_update` when the user wrote it; bare tombstones stay behind).
   */
  replications: { source: string; target: string; selector?: CouchSelector }[];
}

/** The Mango selector for the records one user may read (`query`), row scopes applied. */
export function readSelector(entities: Entity[], config: PermissionConfig, user: CouchUser): CouchSelector | null {
  const orgs = user.roles.filter((r) => r.startsWith('org:') && r.length > 4).map((r) => r.slice(4));
  const everything: string[] = [];
  const scoped: CouchSelector[] = [];
  for (const entity of entities) {
    const rows: CouchSelector[] = [];
    let all = false;
    for (const role of user.roles) {
      if (!Object.prototype.hasOwnProperty.call(config.roles, role)) continue;
      const policy = new EntityPolicy(entity, config, { id: user.name, roles: [role] });
      if (!policy.can('query')) continue;
      const scope = policy.scope;
      const { owner, assignee, organisation } = entity.ownership;
      if (scope === 'all') all = true;
      else if (scope === 'organisation') {
        if (orgs.length) rows.push({ [`d.${organisation}`]: { $in: orgs } });
      } else {
        rows.push({ [`d.${owner}`]: user.name });
        if (scope === 'assigned' && assignee) rows.push({ [`d.${assignee}`]: user.name });
      }
    }
    if (all) everything.push(entity.name);
    else if (rows.length) scoped.push({ e: entity.name, ...(rows.length === 1 ? rows[0] : { $or: rows }) });
  }
  const parts = [...(everything.length ? [{ e: { $in: everything } }] : []), ...scoped];
  if (!parts.length) return null;
  // Conflicts the server found name the users who can read their record (sync/scope-agent.ts).
  parts.push({ e: 'kehu-conflict', 'd.readers': { $all: [user.name] } });
  return parts.length === 1 ? parts[0] : { $or: parts };
}

/** A value at a dotted path (`d.salesRep`). */
function at(doc: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
}

/**
 * Whether a document matches a selector of the shapes `readSelector` makes (`$or`, `$in`, `$all`,
 * equality), as CouchDB's filtered replication would decide: the agent uses it to name who reads a record.
 */
export function matchesSelector(doc: unknown, selector: CouchSelector): boolean {
  return Object.entries(selector).every(([key, condition]) => {
    if (key === '$or') return (condition as CouchSelector[]).some((s) => matchesSelector(doc, s));
    const value = at(doc, key);
    if (condition && typeof condition === 'object') {
      const c = condition as { $in?: unknown[]; $all?: unknown[]; $exists?: boolean };
      if (c.$in) return c.$in.includes(value);
      if (c.$exists !== undefined) return (value !== undefined) === c.$exists;
      if (c.$all) return Array.isArray(value) && c.$all.every((v) => value.includes(v));
      return false;
    }
    return value === condition;
  });
}

/**
 * Read scope on the server. CouchDB cannot filter reads per document: whoever may read a database
 * reads all of it. So each user syncs with a database of their own holding exactly the records
 * they may read, filled from one master database (`kehu`, administrators only) by a filtered
 * server-side replication, and written back to the master unfiltered after `validate_doc_update`
 * (installed in every database) has checked each write. CouchDB `_admin` users sync with the master
 * directly. See docs/decisions/0007-permissions.md.
 */
export function scopeDatabases(
  entities: Entity[],
  config: PermissionConfig,
  users: CouchUser[],
  master = 'kehu',
): ScopeDatabase[] {
  return users.flatMap((user) => {
    if (user.roles.includes('_admin')) return [];
    const selector = readSelector(entities, config, user);
    if (!selector) return [];
    const name = userDatabaseName(user.name, master);
    return [
      {
        name,
        user: user.name,
        security: { admins: { names: [], roles: [] }, members: { names: [user.name], roles: [] } },
        selector,
        replications: [
          // The design document too: a new one installed in the master (a role or schema change,
          // decision 0013's roll-out) reaches every user's database by itself.
          { source: master, target: name, selector: { $or: [selector, { _id: '_design/kehu' }] } },
          // Kehu records only: the bare tombstones that take a record out of this database when it
          // leaves the user's rows (sync/scope-eviction.ts) must not delete it in the master.
          { source: name, target: master, selector: { e: { $exists: true } } },
        ],
      },
    ];
  });
}
