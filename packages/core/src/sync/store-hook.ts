import type { RxCollection, RxDatabase } from 'rxdb';
import type { Entity } from '../entity/types.js';
import type { PhysicalRecord } from '../store/physical.js';
import type { MetaDoc, NamingSeries } from '../store/series-counter.js';
import { localDocument, type StoreMigrations } from '../migration/versions.js';
import type { Store } from '../store/types.js';
import { ConflictKeeper } from './conflict-handler.js';
import { SyncConflicts } from './conflicts.js';
import type { CouchSync } from './replication.js';
import { syncUrls } from './urls.js';
import type { ReplicationOptions } from './types.js';

/**
 * What `createStore` wires for sync: the `records` conflict handler (needed when the collection
 * is created, before any replication), then the conflict list and, with `replication`, the running
 * sync. Kept here so the store's own file only calls it.
 */
export function syncSetup(entities: ReadonlyMap<string, Entity>, migrations: StoreMigrations = {}) {
  const keeper = new ConflictKeeper(entities, migrations);
  return {
    conflictHandler: keeper.handler,
    async attach(
      store: Pick<Store, 'entity' | 'locale' | 'name' | 'permissions'>,
      database: RxDatabase,
      records: RxCollection<PhysicalRecord>,
      replication: ReplicationOptions | undefined,
      local: { series: NamingSeries; meta: RxCollection<MetaDoc> },
    ): Promise<{ conflicts: SyncConflicts; sync?: CouchSync }> {
      const conflicts = new SyncConflicts(records, store, keeper);
      if (!replication) return { conflicts };
      // Loaded only by stores that sync: the replication, its fetch, the code blocks, the duplicate
      // watch and RxDB's CouchDB and leader-election plugins stay out of the bundles of hosts that never sync.
      const { CouchSync, ServerCodes, SeriesBlocks, watchDuplicates } = await import('./syncing.js');
      const sync = new CouchSync(database, replication, keeper, store.name);
      // Records arrive as this client stores them: older versions upgraded, slots laid out here (decision 0013).
      sync.recordsPull = (doc) => localDocument(entities, migrations, doc);
      // Codes come from blocks reserved on the server; every start tops them up (decision 0012).
      const codes = new ServerCodes(
        syncUrls(replication.url).series,
        replication.username,
        replication.password,
        replication.codeBlock ?? 50,
        () => sync.online,
        replication.fetch,
      );
      const blocks = (local.series.blocks = new SeriesBlocks(local.meta, codes, store.locale));
      // A reservation in flight writes to `meta`: let it finish before the database closes.
      const close = sync.close.bind(sync);
      sync.close = async () => {
        await close();
        await blocks.settled();
      };
      // Only for what this user may create: a block reserved by an auditor would be codes nobody uses.
      sync.onStart = async () => {
        const creates = [...entities.values()].filter((entity) => store.permissions.can(entity.name, 'create'));
        await Promise.all(creates.map((entity) => local.series.topUp(entity)));
      };
      watchDuplicates(records, entities, (conflict) => keeper.onKept(conflict));
      await sync.init();
      if (replication.autoStart !== false) await sync.start();
      return { conflicts, sync };
    },
  };
}
