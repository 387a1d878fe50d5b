import type { Entity, FieldModel } from '../entity/types.js';
import type { Selector } from '../store/types.js';
import {
  fieldAccessLevels,
  type EntityGrant,
  type FieldAccess,
  type PermissionAction,
  type PermissionConfig,
  type RoleDefinition,
  type RowScope,
  type StoreUser,
} from './types.js';

const rank = (access: FieldAccess) => fieldAccessLevels.indexOf(access);
const weaker = (a: FieldAccess, b: FieldAccess) => (rank(a) <= rank(b) ? a : b);
const stronger = (a: FieldAccess, b: FieldAccess) => (rank(a) >= rank(b) ? a : b);
const systemFields = new Set(['id', 'createdAt', 'updatedAt', '_v']);

/** What one entity's grant from one role says, resolved against the entity's fields. */
interface RoleOnEntity {
  role: RoleDefinition;
  grant: EntityGrant;
  /** True when the grant is the role's `*` grant rather than one naming the entity. */
  wildcard: boolean;
}

/**
 * The permissions of one user on one entity, from every role the user has (roles add up: the
 * widest action set, field access and row scope win). Pure: no store, no DOM.
 */
export class EntityPolicy {
  readonly actions: ReadonlySet<PermissionAction>;
  private grants: RoleOnEntity[];
  private cache = new Map<string, FieldAccess>();

  constructor(
    readonly entity: Entity,
    config: PermissionConfig,
    readonly user: StoreUser,
  ) {
    this.grants = (user.roles ?? []).flatMap((name) => {
      const role = config.roles[name];
      if (!role) return [];
      const grant = role.entities[entity.name] ?? role.entities['*'];
      return grant ? [{ role, grant, wildcard: !role.entities[entity.name] }] : [];
    });
    this.actions = new Set(this.grants.flatMap((g) => g.grant.actions));
  }

  can(action: PermissionAction): boolean {
    return this.actions.has(action);
  }

  /** Access to a field by key chain (`['costPrice']`, `['contacts', 'mobile']`). */
  field(path: string | string[]): FieldAccess {
    const keys = typeof path === 'string' ? path.split('.') : path;
    const cacheKey = keys.join('.');
    let access = this.cache.get(cacheKey);
    if (access === undefined) {
      access = this.resolve(keys);
      this.cache.set(cacheKey, access);
    }
    return access;
  }

  private resolve(keys: string[]): FieldAccess {
    if (keys.length === 1 && systemFields.has(keys[0])) return this.can('query') ? 'read' : 'none';
    const chain: FieldModel[] = [];
    let fields = this.entity.fields;
    for (const key of keys) {
      const field = fields.find((f) => f.key === key);
      if (!field) return 'none';
      chain.push(field);
      fields = field.children ?? [];
    }
    let access: FieldAccess = 'none';
    for (const { role, grant } of this.grants) access = stronger(access, this.fromGrant(role, grant, chain));
    return access;
  }

  private fromGrant(role: RoleDefinition, grant: EntityGrant, chain: FieldModel[]): FieldAccess {
    const writes = grant.actions.includes('create') || grant.actions.includes('update');
    const ceiling: FieldAccess = writes ? 'write' : grant.actions.includes('query') ? 'read' : 'none';
    let access: FieldAccess = ceiling;
    chain.forEach((field, depth) => {
      const path = chain
        .slice(0, depth + 1)
        .map((f) => f.key)
        .join('.');
      const explicit = grant.fields?.[path];
      // A child never gets more than its parent row or object allows.
      if (explicit) access = weaker(explicit, depth === 0 ? ceiling : access);
      else if (field.access) access = weaker(access, role.groups?.[field.access] ?? 'none');
      else if (field.sensitive) access = weaker(access, role.sensitive ?? 'masked');
    });
    return access;
  }

  /** The row scope: the widest of the user's roles on this entity (`all` when none is declared). */
  get scope(): RowScope {
    const order: RowScope[] = ['own', 'assigned', 'organisation', 'all'];
    let widest: RowScope | undefined;
    for (const { grant } of this.grants) {
      const scope = this.effectiveScope(grant);
      if (!widest || order.indexOf(scope) > order.indexOf(widest)) widest = scope;
    }
    return widest ?? 'all';
  }

  /**
   * A `*` grant's scope applies to entities that declare the fields it needs; others (dictionaries,
   * products) are shared master data and stay whole. A grant naming the entity must fit it — the
   * configuration check refuses one that does not.
   */
  private effectiveScope(grant: EntityGrant): RowScope {
    const scope = grant.scope ?? 'all';
    return scopeFields(this.entity, scope) ? scope : 'all';
  }

  /** The selector that keeps a query inside the user's rows; `undefined` for `all`. */
  scopeSelector(): Selector | undefined {
    const parts: Selector[] = [];
    for (const { grant } of this.grants) {
      const scope = this.effectiveScope(grant);
      if (scope === 'all') return undefined;
      parts.push(...this.conditions(scope));
    }
    if (!parts.length) return undefined;
    return parts.length === 1 ? parts[0] : { $or: parts };
  }

  private conditions(scope: RowScope): Selector[] {
    const { owner, assignee, organisation } = this.entity.ownership;
    if (scope === 'organisation') return [{ [organisation!]: this.user.organisation ?? '\u0000' }];
    const own = [{ [owner!]: this.user.id }];
    return scope === 'assigned' && assignee ? [...own, { [assignee]: this.user.id }] : own;
  }

  /** Whether a record is inside the user's rows. */
  inScope(record: Record<string, unknown>): boolean {
    const selector = this.scopeSelector();
    if (!selector) return true;
    const parts = (selector.$or as Selector[] | undefined) ?? [selector];
    return parts.some((part) => Object.entries(part).every(([key, value]) => record[key] === value));
  }

  /** Owner and organisation a new record gets when the caller left them out. */
  stamp(record: Record<string, unknown>): Record<string, unknown> {
    const scope = this.scope;
    if (scope === 'all') return record;
    const { owner, organisation } = this.entity.ownership;
    const out = { ...record };
    if (owner && out[owner] === undefined && scope !== 'organisation') out[owner] = this.user.id;
    if (organisation && out[organisation] === undefined && this.user.organisation)
      out[organisation] = this.user.organisation;
    return out;
  }
}

/** Whether an entity declares the fields a scope needs. */
export function scopeFields(entity: Entity, scope: RowScope): boolean {
  const { owner, organisation } = entity.ownership;
  if (scope === 'all') return true;
  if (scope === 'organisation') return Boolean(organisation);
  return Boolean(owner);
}

/** The user's policies, one per entity, built on first use. */
export class Policy {
  private entities = new Map<string, EntityPolicy>();

  constructor(
    private config: PermissionConfig,
    readonly user: StoreUser,
  ) {}

  for(entity: Entity): EntityPolicy {
    let policy = this.entities.get(entity.name);
    if (!policy) {
      policy = new EntityPolicy(entity, this.config, this.user);
      this.entities.set(entity.name, policy);
    }
    return policy;
  }
}
