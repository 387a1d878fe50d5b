import { KehuError, type Entity, type FieldModel, type Store, type ValidationIssue } from '@kehu/core';
import type { FieldPath } from './form-state.js';

/** `none` | `masked` | `read` | `write`, as the store's permissions answer it. */
export type FieldAccess = ReturnType<Store['permissions']['field']>;

/** Key chain of a field path without its row indexes: `['contacts', 0, 'mobile']` → `['contacts', 'mobile']`. */
const keysOf = (path: FieldPath) => path.filter((step): step is string => typeof step === 'string');

/**
 * The form's view of the store's role permissions. The store enforces them (it redacts what it
 * returns and refuses forbidden writes); the form only reflects them so users are not offered
 * inputs the store would refuse: hidden fields are not drawn, masked and read-only ones are drawn
 * as text, and their validation issues (a masked `138****5678` is no valid mobile) never block Save.
 * Without a role configuration everything is writable and nothing changes.
 */
export class FormPermissions {
  private copies = new WeakMap<FieldModel, FieldModel>();

  constructor(
    private store: Store | undefined,
    private entity: Entity | undefined,
  ) {}

  get enforced(): boolean {
    return Boolean(this.store?.permissions.enforced && this.entity);
  }

  /** Access to the field at `path` (row indexes ignored). */
  access(path: FieldPath): FieldAccess {
    if (!this.enforced) return 'write';
    return this.store!.permissions.field(this.entity!.name, keysOf(path));
  }

  /** Whether the user's role allows the action on the form's entity. */
  can(action: 'create' | 'update'): boolean {
    return !this.enforced || this.store!.permissions.can(this.entity!.name, action);
  }

  /**
   * The field as this user sees it: descendants they may not see become hidden, those they may not
   * change read-only, so grids (line items) leave those columns out or alone. Same object when nothing
   * changes; one copy per field, so re-renders pass the same value.
   */
  field(field: FieldModel, path: FieldPath): FieldModel {
    if (!this.enforced || !field.children) return field;
    let copy = this.copies.get(field);
    if (!copy) {
      copy = this.restrict(field, keysOf(path));
      this.copies.set(field, copy);
    }
    return copy;
  }

  private restrict(field: FieldModel, keys: string[]): FieldModel {
    if (!field.children) return field;
    const children = field.children.map((child) => {
      const path = [...keys, child.key];
      const access = this.store!.permissions.field(this.entity!.name, path);
      const restricted = this.restrict(child, path);
      if (access === 'none') return { ...restricted, hidden: true };
      if (access !== 'write') return { ...restricted, readOnly: true };
      return restricted;
    });
    return children.every((c, i) => c === field.children![i]) ? field : { ...field, children };
  }

  /** Issues the user can act on: the record's own and those of fields they may change. */
  actionable(issues: ValidationIssue[]): ValidationIssue[] {
    if (!this.enforced) return issues;
    return issues.filter((issue) => !keysOf(issue.path).length || this.access(issue.path) === 'write');
  }

  /**
   * A new record as the user may send it: top-level values of fields they may not write are left
   * out (the store stamps owner and organisation itself), except schema defaults, which it accepts.
   */
  creatable(candidate: Record<string, unknown>): Record<string, unknown> {
    if (!this.enforced) return candidate;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(candidate)) {
      const field = this.entity!.fields.find((f) => f.key === key);
      const isDefault = field?.default !== undefined && JSON.stringify(field.default) === JSON.stringify(value);
      if (!field || isDefault || this.access([key]) === 'write') out[key] = value;
    }
    return out;
  }
}

/**
 * The action a form cannot offer in `mode` because the user's role lacks it (`create` for a new
 * record, `update` for an existing one); the form then shows the record read-only with a notice.
 */
export function deniedAction(
  permissions: FormPermissions,
  mode: 'create' | 'edit' | 'read',
): 'create' | 'update' | undefined {
  if (mode === 'create' && !permissions.can('create')) return 'create';
  if (mode === 'edit' && !permissions.can('update')) return 'update';
  return undefined;
}

/** Where a store's `forbidden` error belongs: the top-level field it names when the user may change it, else the top. */
export function forbiddenField(permissions: FormPermissions, error: unknown): string | undefined {
  if (!(error instanceof KehuError) || error.code !== 'forbidden') return undefined;
  const field = (error as KehuError & { field?: string }).field;
  const key = field?.split('.')[0];
  return key && permissions.access([key]) === 'write' ? key : undefined;
}
