/**
 * Measures 3–5: a descending sort, counts and quick search, each timed on its first run after the
 * store opens (RxDB caches a query's results until the next write, so a repeat measures the cache).
 */
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Entity, Store } from '@kehu/core';
import { metaSchema, recordsSchema, type PhysicalRecord } from '../packages/core/src/store/physical.js';
import { sortKey } from '../packages/core/src/store/keys.js';
import { ENTITY, RawDatabase, liveRange } from './dataset.js';
import { timed } from './measure.js';

export const LIMIT = 50;
/** The indexed field the filtered count uses, and the value it counts. */
export const FILTER = { field: 'importance', value: 'vip' };
export const SEARCH = '张';
/** A search nothing matches: without the search column, the storage reads every record for it. */
export const SEARCH_NONE = '无此人';
/** A record every data set has, read once before timing so that connections and code are warm. */
const WARM_UP_ID = 'cus-000001';

/** What each side answered, so the harness can check both did the same work. */
export interface QueryAnswers {
  /** First and last codes of the descending page. */
  desc: [unknown, unknown];
  countAll: number;
  countFiltered: number;
}

export type QueryTimes = Record<'sortDesc' | 'countAll' | 'countFiltered', number> &
  Partial<Record<'search' | 'searchCount' | 'searchNone' | 'searchNoneCount', number>>;

const ends = (codes: unknown[]): [unknown, unknown] => [codes[0], codes[codes.length - 1]];

export async function queriesThroughKehu(store: Store): Promise<{ times: QueryTimes; answers: QueryAnswers }> {
  const repository = store.entity(ENTITY);
  await repository.get(WARM_UP_ID);
  const desc = await timed(() => repository.find({ sort: { field: 'code', direction: 'desc' }, limit: LIMIT }));
  const countAll = await timed(() => repository.count());
  const countFiltered = await timed(() => repository.count({ selector: { [FILTER.field]: FILTER.value } }));
  // Quick search has no index to compare with. The store's first search builds its search column
  // (decision 0015; one pass over the records) and waits for it; the next ones test the column.
  const search = await timed(() => repository.find({ search: SEARCH, limit: LIMIT }));
  const searchCount = await timed(() => repository.count({ search: SEARCH }));
  const searchNone = await timed(() => repository.find({ search: SEARCH_NONE, limit: LIMIT }));
  const searchNoneCount = await timed(() => repository.count({ search: SEARCH_NONE }));
  if (search.value.length === 0) throw new Error(`quick search for ${SEARCH} found nothing`);
  return {
    times: {
      sortDesc: desc.ms,
      countAll: countAll.ms,
      countFiltered: countFiltered.ms,
      search: search.ms,
      searchCount: searchCount.ms,
      searchNone: searchNone.ms,
      searchNoneCount: searchNoneCount.ms,
    },
    answers: {
      desc: ends(desc.value.map((record) => record.code)),
      countAll: countAll.value,
      countFiltered: countFiltered.value,
    },
  };
}

export async function queriesRaw(
  db: RawDatabase,
  entity: Entity,
): Promise<{ times: QueryTimes; answers: QueryAnswers }> {
  const [from, to] = liveRange(entity.name);
  const slot = entity.indexes.indexOf(FILTER.field);
  if (slot < 0)
    throw new Error(`${entity.name}.${FILTER.field} is not indexed; pick an indexed field for the filtered count`);
  await db.records.get(`${entity.name}|${WARM_UP_ID}`);
  const desc = await timed(() => db.records.where('[e+t+k0]').between(from, to).reverse().limit(LIMIT).toArray());
  const countAll = await timed(() => db.records.where('[e+t+k0]').between(from, to).count());
  const countFiltered = await timed(() =>
    db.records
      .where(`[e+t+k${slot}]`)
      .equals([entity.name, 0, sortKey(FILTER.value)])
      .count(),
  );
  return {
    times: { sortDesc: desc.ms, countAll: countAll.ms, countFiltered: countFiltered.ms },
    answers: {
      desc: ends(desc.value.map((doc) => doc.d.code)),
      countAll: countAll.value,
      countFiltered: countFiltered.value,
    },
  };
}

/**
 * RxDB alone on the store's own data, for contrast: its descending sort on the ascending key `k0`
 * (what Kehu avoids with the inverted keys) and the filtered count with and without the condition
 * on the record field that Kehu adds next to the slot condition.
 */
export async function queriesThroughRxdb(name: string, entity: Entity) {
  const database = await createRxDatabase({
    name,
    storage: getRxStorageDexie(),
    multiInstance: false,
    allowSlowCount: true,
  });
  try {
    const collections = await database.addCollections({
      records: { schema: recordsSchema },
      meta: { schema: metaSchema },
    });
    const records = collections.records as unknown as RxCollection<PhysicalRecord>;
    const slot = `k${entity.indexes.indexOf(FILTER.field)}`;
    const live = { e: entity.name, t: 0 };
    await records.findOne(`${entity.name}|${WARM_UP_ID}`).exec();
    const desc = await timed(() => records.find({ selector: live, sort: [{ k0: 'desc' }], limit: LIMIT }).exec());
    const slotOnly = await timed(() => records.count({ selector: { ...live, [slot]: sortKey(FILTER.value) } }).exec());
    const withField = await timed(() =>
      records
        .count({ selector: { ...live, [`d.${FILTER.field}`]: FILTER.value, [slot]: sortKey(FILTER.value) } })
        .exec(),
    );
    return {
      times: { sortDescOnK0: desc.ms, countFilteredSlotOnly: slotOnly.ms, countFilteredWithField: withField.ms },
      answers: { desc: ends(desc.value.map((doc) => doc._data.d.code)), countFiltered: slotOnly.value },
    };
  } finally {
    await database.close();
  }
}
