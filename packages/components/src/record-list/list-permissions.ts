import type { Entity, FieldModel, SortSpec, Store } from '@kehu/core';
import { sortField } from './list-columns.js';

/** `none` | `masked` | `read` | `write`, as the store's permissions answer it. */
export type FieldAccess = ReturnType<Store['permissions']['field']>;
/** `query` | `create` | `update` | `delete` | `export`. */
export type PermissionAction = Parameters<Store['permissions']['can']>[1];

/**
 * What the store's user may do with one list's entity, so the list offers only that: hidden columns
 * are not shown or offered, masked ones are shown as stored but not sorted or filtered, actions the
 * role lacks are not shown. The store enforces the rules; this only keeps the list from offering
 * what the store would refuse. Without permissions (`enforced` false) everything is allowed.
 */
export interface ListAccess {
  can(action: PermissionAction, entity?: string): boolean;
  /** Access by store field name, dotted for nested fields (`address.city`). */
  of(name: string): FieldAccess;
  /** A column may be shown (masked values included). */
  shown(field: FieldModel): boolean;
  /** The store accepts sorting and filtering by it: its values are readable in full. */
  queryable(field: FieldModel | string): boolean;
  /** Cells of it may be edited. */
  writable(field: FieldModel): boolean;
}

const everything: ListAccess = {
  can: () => true,
  of: () => 'write',
  shown: () => true,
  queryable: () => true,
  writable: () => true,
};

export function listAccess(store: Store | undefined, entity: Entity): ListAccess {
  const permissions = store?.permissions;
  if (!permissions?.enforced) return everything;
  const of = (name: string) => permissions.field(entity.name, name);
  const name = (field: FieldModel | string) => (typeof field === 'string' ? field : sortField(field));
  return {
    can: (action, other = entity.name) => permissions.can(other, action),
    of,
    shown: (field) => of(name(field)) !== 'none',
    queryable: (field) => ['read', 'write'].includes(of(name(field))),
    writable: (field) => permissions.can(entity.name, 'update') && of(name(field)) === 'write',
  };
}

/** The sort the store accepts: `sort`, else the entity's default, else newest first (never a refused query). */
export function permittedSort(access: ListAccess, entity: Entity, sort: SortSpec): SortSpec {
  if (access.queryable(sort.field)) return sort;
  return access.queryable(entity.defaultSort.field) ? entity.defaultSort : { field: 'createdAt', direction: 'desc' };
}
