/**
 * Test support: a sync server process for one test file, and clients of it — Kehu stores on RxDB's
 * memory storage, each as one of the server's demo users (password `kehu-demo`), closed between
 * tests and at the end (RxDB's free build caps the collections open in one process).
 */
import { after, afterEach, before } from 'node:test';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { PermissionConfig, StoreUser } from '../permissions/types.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/types.js';
import type { Entity } from '../entity/types.js';
import { shippedEntities, shippedRoles } from '../test-support/permission-stores.js';
import { spawnSyncServer, type TestServer } from './test-server.js';
import type { ReplicationOptions } from './types.js';

/** The server's demo users as the store sees them (all in organisation `sh`). */
export const syncUsers: Record<string, StoreUser> = {
  'admin.wang': { id: 'admin.wang', roles: ['admin'], organisation: 'sh' },
  'manager.li': { id: 'manager.li', roles: ['sales-manager'], organisation: 'sh' },
  'sales.zhang': { id: 'sales.zhang', roles: ['sales'], organisation: 'sh' },
  'sales.chen': { id: 'sales.chen', roles: ['sales'], organisation: 'sh' },
  'auditor.zhao': { id: 'auditor.zhao', roles: ['auditor'], organisation: 'sh' },
};

export interface ClientOptions {
  /** The store's user (default: the demo user of that name). */
  user?: StoreUser;
  /** Roles the store enforces (default the shipped ones); `false`: none, to try what the server refuses. */
  permissions?: PermissionConfig | false;
  entities?: Entity[];
  /** Replication settings over the defaults (`retryTime` 300 ms). */
  replication?: Partial<ReplicationOptions>;
  /** Anything else `createStore` takes (storage, name, encryption, migrations…). */
  store?: Partial<Parameters<typeof createStore>[0]>;
}

export interface SyncTestBed {
  readonly server: TestServer;
  /** A client syncing as `username`, closed after the test. */
  client(username: string, options?: ClientOptions): Promise<Store>;
  /** Closes clients before the test ends (to reopen their storage, say). */
  close(...stores: Store[]): Promise<void>;
}

/** Starts a server before the file's tests and stops it after them; `prefix` names the clients' databases. */
export function syncTestBed(prefix: string): SyncTestBed {
  let server: TestServer | undefined;
  const open: Store[] = [];
  before(async () => {
    server = await spawnSyncServer();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  after(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('The sync server starts before the tests.');
    return server;
  };
  return {
    get server() {
      return running();
    },
    async client(username, options = {}) {
      const permissions = options.permissions === undefined ? shippedRoles : options.permissions;
      const store = await createStore({
        entities: options.entities ?? shippedEntities,
        storage: getRxStorageMemory(),
        name: `${prefix}-${username.replace(/\W/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
        locale: 'en',
        user: options.user ?? syncUsers[username],
        ...(permissions ? { permissions } : {}),
        ...options.store,
        replication: {
          url: running().db,
          username,
          password: 'kehu-demo',
          retryTime: 300,
          ...options.replication,
        },
      });
      open.push(store);
      return store;
    },
    async close(...stores) {
      for (const s of stores) {
        const at = open.indexOf(s);
        if (at >= 0) open.splice(at, 1);
        await s.close();
      }
    },
  };
}
