import type { RxCollection, RxDatabase } from 'rxdb';
import type { Entity } from '../entity/types.js';
import type { PhysicalRecord } from '../store/physical.js';
import type { Store } from '../store/types.js';
import { ConflictKeeper } from './conflict-handler.js';
import { SyncConflicts } from './conflicts.js';
import { CouchSync } from './replication.js';
import type { ReplicationOptions } from './types.js';

/**
 * What `createStore` wires for sync: the `records` conflict handler (needed when the collection
 * is created, before any replication), then the conflict list and, with `replication`, the running
 * sync. Kept here so the store's own file only calls it.
 */
export function syncSetup(entities: ReadonlyMap<string, Entity>) {
  const keeper = new ConflictKeeper(entities);
  return {
    conflictHandler: keeper.handler,
    async attach(
      store: Pick<Store, 'entity' | 'locale' | 'name'>,
      database: RxDatabase,
      records: RxCollection<PhysicalRecord>,
      replication: ReplicationOptions | undefined,
    ): Promise<{ conflicts: SyncConflicts; sync?: CouchSync }> {
      const conflicts = new SyncConflicts(records, store, keeper);
      if (!replication) return { conflicts };
      const sync = new CouchSync(database, replication, keeper, store.name);
      await sync.init();
      if (replication.autoStart !== false) await sync.start();
      return { conflicts, sync };
    },
  };
}
