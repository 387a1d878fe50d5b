import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { Entity } from '../entity/types.js';
import { keyLength, sortKey } from '../store/keys.js';
import type { PhysicalRecord } from '../store/physical.js';
import type { KeptConflict } from './conflict-handler.js';

/**
 * The unique check on sync (decision 0012): a record that arrives from the server with a unique
 * value (a code typed by hand on two offline clients, say) that another live record of this client
 * already holds is not kept silently as a second one. Both records stay (neither edit is lost) and
 * a `kehu-conflict` of kind `duplicate` names the two, so the user gives one of them a new value.
 * Every client that holds both records sees it. The user changes one record's value through its
 * repository, then resolves the conflict with no choices (`resolve(id, {})`).
 */
export function watchDuplicates(
  records: RxCollection<PhysicalRecord>,
  entities: ReadonlyMap<string, Entity>,
  keep: (conflict: KeptConflict) => void,
): Subscription {
  return records.eventBulks$.subscribe((bulk) => {
    if (!String(bulk.context).startsWith('replication-')) return;
    const arrived = bulk.events
      .map((event) => event.documentData as PhysicalRecord | undefined)
      .filter((doc): doc is PhysicalRecord => !!doc && doc.t === 0 && !!entities.get(doc.e)?.unique.length);
    if (arrived.length) void check(records, entities, arrived, keep).catch(() => undefined); // a closed store
  });
}

/** One query per entity and unique field for a whole bulk of arrived records (a first sync brings thousands). */
async function check(
  records: RxCollection<PhysicalRecord>,
  entities: ReadonlyMap<string, Entity>,
  arrived: PhysicalRecord[],
  keep: (conflict: KeptConflict) => void,
): Promise<void> {
  const byEntity = new Map<string, PhysicalRecord[]>();
  for (const doc of arrived) byEntity.set(doc.e, [...(byEntity.get(doc.e) ?? []), doc]);
  for (const [name, docs] of byEntity) {
    const entity = entities.get(name)!;
    for (const field of entity.unique) {
      const valueOf = (d: PhysicalRecord) => (d.d as Record<string, unknown>)[field];
      const values = [...new Set(docs.map(valueOf).filter((v) => v !== undefined && v !== null && v !== ''))];
      if (!values.length) continue;
      const slot = entity.indexes.indexOf(field);
      const condition =
        slot >= 0 && values.every((v) => typeof v !== 'string' || v.length <= keyLength)
          ? { [`k${slot}`]: { $in: values.map(sortKey) } }
          : { [`d.${field}`]: { $in: values } };
      const found = await records.find({ selector: { e: name, t: 0, ...condition } }).exec();
      const holders = new Map<unknown, { id: string; pk: string }[]>();
      for (const other of found) {
        const value = valueOf(other._data);
        holders.set(value, [...(holders.get(value) ?? []), { id: other._data.d.id, pk: other.primary }]);
      }
      for (const doc of docs) {
        const value = valueOf(doc);
        for (const other of holders.get(value) ?? []) {
          if (other.pk === doc.pk) continue;
          // One conflict per pair and value, whichever of the two arrived last.
          const pair = [doc.d.id, other.id].sort();
          const label = entity.field(field)?.label ?? { en: field, 'zh-CN': field };
          const shown = JSON.stringify(value);
          keep({
            entity: entity.name,
            recordId: doc.d.id,
            kind: 'duplicate',
            fields: [{ field, server: shown }],
            reason:
              `${label.en} ${shown} is used by two ${entity.label.en.toLowerCase()} records (${pair.join(', ')}); give one of them a new ${label.en.toLowerCase()}.` +
              ` / ${label['zh-CN']} ${shown} 被两条${entity.label['zh-CN']}记录（${pair.join('、')}）同时使用，请为其中一条改用新的${label['zh-CN']}。`,
            key: `${entity.name}|${field}|${shown}|${pair.join('|')}|duplicate`,
          });
        }
      }
    }
  }
}
