/**
 * Test support for permission tests: the shipped schemas and role configuration, and stores over
 * one shared memory storage, so an administrator can seed what a role's store then reads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { loadEntityFiles } from '../cli/entity-files.js';
import type { Entity } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import type { PermissionConfig, StoreUser } from '../permissions/types.js';

const schemas = fileURLToPath(new URL('../../../../schemas/', import.meta.url));

export const shippedEntities: Entity[] = loadEntityFiles([schemas]).map((file) => {
  assert.deepEqual(file.problems, [], `${file.path} has problems`);
  return file.entity!;
});

export const shippedRoles = JSON.parse(readFileSync(`${schemas}roles.json`, 'utf8')) as PermissionConfig;

/** One user per shipped role, all in organisation `sh`. */
export const roleUsers: Record<string, StoreUser> = Object.fromEntries(
  Object.keys(shippedRoles.roles).map((role) => [
    role,
    { id: `u-${role}`, name: role, roles: [role], organisation: 'sh' },
  ]),
);

/**
 * Opens stores of one database as different users; the previous one is closed first, the last one
 * when the test ends (RxDB's free build allows only 16 open collections per process).
 */
export function storeFactory(
  test: { after(fn: () => Promise<void>): void },
  name = `perm-${Date.now()}-${Math.random()}`,
) {
  const storage = getRxStorageMemory();
  let current: Store | undefined;
  test.after(async () => {
    await current?.close();
  });
  return async (user: StoreUser, locale: Locale = 'en', permissions = shippedRoles): Promise<Store> => {
    await current?.close();
    current = await createStore({ entities: shippedEntities, storage, name, locale, user, permissions });
    return current;
  };
}
