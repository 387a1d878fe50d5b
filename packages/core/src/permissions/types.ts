import type { LocalizedText } from '../i18n/locale.js';

/** What a role may do with an entity's records (the wholesale package's 查询/新增/修改/删除/导出). */
export type PermissionAction = 'query' | 'create' | 'update' | 'delete' | 'export';

export const permissionActions: readonly PermissionAction[] = ['query', 'create', 'update', 'delete', 'export'];

/**
 * What a role may do with one field, weakest first: `none` (the field never leaves the store),
 * `masked` (strings shown as `138****1234`, other values withheld), `read`, `write`.
 */
export type FieldAccess = 'none' | 'masked' | 'read' | 'write';

export const fieldAccessLevels: readonly FieldAccess[] = ['none', 'masked', 'read', 'write'];

/**
 * Which records of an entity a role reaches: those it owns, owns or is assigned, those of its
 * organisation, or all. The fields that carry owner, assignee and organisation are declared once in
 * the entity schema (`x-kehu.ownership`).
 */
export type RowScope = 'own' | 'assigned' | 'organisation' | 'all';

export const rowScopes: readonly RowScope[] = ['own', 'assigned', 'organisation', 'all'];

/** A role's grant on one entity (or on every entity not named, under `*`). */
export interface EntityGrant {
  actions: PermissionAction[];
  /** Default `all`. */
  scope?: RowScope;
  /**
   * Per-field access, overriding the defaults: keys are field names, or `parent.child` for fields of
   * child rows (`contacts.mobile`). Never more than the actions allow: `write` needs create or update.
   */
  fields?: Record<string, FieldAccess>;
}

/** One role: its grants per entity, and its access to field groups and sensitive fields everywhere. */
export interface RoleDefinition {
  label?: LocalizedText | string;
  /** Grants by entity name; `*` applies to every entity not named. No grant: no access at all. */
  entities: Record<string, EntityGrant>;
  /**
   * Access to fields of a permission group (`x-kehu.access`, e.g. `cost` on cost price, purchase
   * price and margin). A group not listed here is `none` for this role.
   */
  groups?: Record<string, FieldAccess>;
  /** Access to fields marked `x-kehu.sensitive` (resident ID, mobile, bank account). Default `masked`. */
  sensitive?: FieldAccess;
}

/**
 * The role configuration a store enforces (`createStore({ permissions, user })`). The same object
 * compiles into the sync server's checks (`couchValidateDocUpdate`), so nothing is declared twice.
 */
export interface PermissionConfig {
  roles: Record<string, RoleDefinition>;
}

/** Who uses the store: stamped on audit entries, matched against owner/assignee/organisation fields. */
export interface StoreUser {
  id: string;
  name?: string;
  /** Role names from the permission configuration; several roles add up. */
  roles?: string[];
  /** The user's organisation (branch, dealer), for `organisation` row scopes. */
  organisation?: string;
}
