import type { RxCollection } from 'rxdb';
import { changeLogOf, type ChangeDoc } from '../audit/change-log.js';
import { KehuError } from '../errors/errors.js';
import type { FileDoc } from '../store/attachments-schema.js';
import type { PhysicalRecord } from '../store/physical.js';
import type { MetaDoc } from '../store/series-counter.js';
import type { Store } from '../store/types.js';

/** The stored collections a backup reads and a restore writes. */
export interface StoreCollections {
  records: RxCollection<PhysicalRecord>;
  changes: RxCollection<ChangeDoc>;
  meta: RxCollection<MetaDoc>;
  files: RxCollection<FileDoc>;
}

/** The collections under a store made by `createStore`; backups of other `Store`s are refused. */
export async function storeCollections(store: Store): Promise<StoreCollections> {
  const log = changeLogOf(store);
  if (!log)
    throw new KehuError(
      'backup-unsupported',
      {
        en: 'Only stores opened with createStore can be backed up or restored.',
        'zh-CN': '只能备份或恢复由 createStore 打开的存储。',
      },
      store.locale,
    );
  // The files collection opens on first use; asking for a file that cannot exist opens it.
  await store.attachments.get('~');
  const collections = log.changes.database.collections as Record<string, RxCollection>;
  return {
    records: log.records,
    changes: log.changes,
    meta: collections.meta as unknown as RxCollection<MetaDoc>,
    files: collections.files as unknown as RxCollection<FileDoc>,
  };
}

/**
 * A full backup reads and a restore writes everything, so under permissions the user needs, for
 * every entity, `export` (backup) or `create` and `update` (restore), all rows and every field.
 */
export function assertFullAccess(store: Store, entities: Iterable<string>, mode: 'backup' | 'restore'): void {
  const permissions = store.permissions;
  if (!permissions?.enforced) return;
  for (const name of entities) {
    if (!store.has(name)) continue;
    if (mode === 'backup') permissions.assert(name, 'export');
    else {
      permissions.assert(name, 'create');
      permissions.assert(name, 'update');
    }
    const entity = store.entities.get(name)!;
    const hidden = entity.fields.find((f) => permissions.field(name, f.key) === 'none');
    if (permissions.scope(name) !== 'all' || hidden)
      throw new KehuError(
        'forbidden',
        {
          en: `A ${mode} needs every ${entity.label.en.toLowerCase()} record and field${hidden ? ` (you may not see "${hidden.label.en}")` : ''}; your role sees only part of them.`,
          'zh-CN': `${mode === 'backup' ? '备份' : '恢复'}需要全部${entity.label['zh-CN']}记录和字段${hidden ? `（您无权查看「${hidden.label['zh-CN']}」）` : ''}，您的角色只能访问其中一部分。`,
        },
        store.locale,
      );
  }
}
