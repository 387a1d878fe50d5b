import type { Entity } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import { actionForbidden } from './forbidden.js';
import { EntityPolicy } from './policy.js';
import type { FieldAccess, PermissionAction, PermissionConfig, RowScope, StoreUser } from './types.js';

/**
 * What the store's user may do, for elements to reflect (hide a column, disable an action) and for
 * features outside the repositories (export, backup) to check. Without a role configuration
 * everything is allowed and `enforced` is false.
 */
export interface Permissions {
  readonly enforced: boolean;
  can(entity: string, action: PermissionAction): boolean;
  /** Access to a field by key chain or dotted path (`contacts.mobile`). */
  field(entity: string, path: string | string[]): FieldAccess;
  scope(entity: string): RowScope;
  /** Throws the localised `forbidden` error when the action is not allowed. */
  assert(entity: string, action: PermissionAction): void;
}

export function storePermissions(
  entities: ReadonlyMap<string, Entity>,
  locale: Locale,
  config?: PermissionConfig,
  user?: StoreUser,
): Permissions & { policy(entity: Entity): EntityPolicy | undefined } {
  const policies = new Map<string, EntityPolicy>();
  const policy = (entity: Entity) => {
    if (!config) return undefined;
    let found = policies.get(entity.name);
    if (!found) {
      found = new EntityPolicy(entity, config, user ?? { id: 'anonymous' });
      policies.set(entity.name, found);
    }
    return found;
  };
  const of = (name: string) => {
    const entity = entities.get(name);
    return entity ? policy(entity) : undefined;
  };
  return {
    enforced: Boolean(config),
    policy,
    can: (entity, action) => (config ? (of(entity)?.can(action) ?? false) : true),
    field: (entity, path) => (config ? (of(entity)?.field(path) ?? 'none') : 'write'),
    scope: (entity) => of(entity)?.scope ?? 'all',
    assert(entity, action) {
      const found = of(entity);
      if (found && !found.can(action)) throw actionForbidden(found, action, locale);
    },
  };
}
