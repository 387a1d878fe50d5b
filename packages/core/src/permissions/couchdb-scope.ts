import type { Entity } from '../entity/types.js';
import { EntityPolicy } from './policy.js';
import type { PermissionConfig } from './types.js';

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
   * master → user database filtered by `selector`, and user database → master unfiltered (every
   * document in it passed `validate_doc_update` when the user wrote it).
   */
  replications: { source: string; target: string; selector?: CouchSelector }[];
}

/** `kehu-u-` + hex: reversible, lowercase, and safe for any user name (Chinese, `@`, capitals). */
export function userDatabaseName(user: string, master = 'kehu'): string {
  const hex = [...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${master}-u-${hex}`;
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
  return parts.length === 1 ? parts[0] : { $or: parts };
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
          { source: master, target: name, selector },
          { source: name, target: master },
        ],
      },
    ];
  });
}
