// Test and story fixtures: stores holding a sync conflict; not part of the package's API.
import { createStore, mergeEdits, type JsonSchema, type KehuRecord, type Locale, type Store } from '@kehu/core';
import { customerSchema, productSchema, roles, type RoleUser } from '../record-list/permission-fixtures.js';

export { customerSchema, productSchema, roles };

export const me: RoleUser = { id: 'u-sales', name: '小王', roles: ['sales'], organisation: 'sh' };
export const other: RoleUser = { id: 'u-li', name: '李经理', roles: ['admin'], organisation: 'sh' };
export const admin: RoleUser = { id: 'u-admin', name: 'Admin', roles: ['admin'], organisation: 'sh' };

type Data = Record<string, unknown>;
let count = 0;
let opened: Store[] = [];

/**
 * A store (as `user`, under `roles` unless `enforce` is false) on a database where `base` was
 * edited to `local` by `user` and, meanwhile, to `server` by `other`; the record holds the server's
 * values and the overlapping local ones are kept as a `kehu-conflict` record — what the sync's
 * conflict handler does, through the same three-way merge (`mergeEdits`). Returns the store and ids.
 */
export async function conflictStore(options: {
  base: Data;
  local: Data;
  server: Data;
  user?: RoleUser;
  locale?: Locale;
  enforce?: boolean;
  entities?: JsonSchema[];
  /** Found by the sync server between two users: the users who read the record (decision 0007). */
  readers?: string[];
}): Promise<{ store: Store; recordId: string; conflictId: string }> {
  // The product carries the `cost` permission group the roles name.
  const entities = options.entities ?? [customerSchema, productSchema];
  const user = options.user ?? me;
  const name = `kehu-conflict-test-${Date.now()}-${count++}`;
  // This client: the record, then the user's own edit (an audit entry by the user).
  const mine = await createStore({ entities, name, user });
  const base = await mine.entity<Data>('customer').insert(options.base);
  const local = await mine.entity<Data>('customer').patch(base.id as string, options.local);
  await mine.close();
  // The other user's edit arrives (the record now holds the server's values, with their audit entry).
  const theirs = await createStore({ entities, name, user: other });
  const server = await theirs.entity<Data>('customer').patch(base.id as string, options.server);
  await theirs.close();
  const keeping = await createStore({ entities, name, user });
  const merged = mergeEdits(
    { record: base as KehuRecord, removed: false },
    { record: local as KehuRecord, removed: false },
    { record: server as KehuRecord, removed: false },
  );
  const text = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  const now = new Date().toISOString();
  // Edits of different fields merge: nothing to keep.
  const conflict = !merged.conflicts.length
    ? { id: '' }
    : await keeping.entity<Data>('kehu-conflict').insert({
        entity: 'customer',
        recordId: base.id,
        kind: 'edit',
        status: 'open',
        detectedAt: now,
        ...(options.readers
          ? { readers: options.readers, reason: 'Two users changed these fields. / 两位用户修改了这些字段。' }
          : {}),
        fields: merged.conflicts.map((c) => ({
          field: c.field,
          ...(c.local !== undefined ? { local: text(c.local) } : {}),
          ...(c.server !== undefined ? { server: text(c.server) } : {}),
          ...(c.base !== undefined ? { base: text(c.base) } : {}),
        })),
      });
  await keeping.close();
  const store = await createStore({
    entities,
    name,
    user,
    locale: options.locale ?? 'en',
    ...(options.enforce === false ? {} : { permissions: roles }),
  });
  opened.push(store);
  return { store, recordId: base.id as string, conflictId: conflict.id as string };
}

export async function closeConflictStores(): Promise<void> {
  const stores = opened;
  opened = [];
  await Promise.all(stores.map((s) => s.close()));
}
