/**
 * Measure 1: bulk insert of validated customers through `repository.bulkInsert`, against raw Dexie
 * `bulkPut` of the same physical documents in batches of the same size.
 */
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { metaSchema, recordsSchema } from '../packages/core/src/store/physical.js';
import {
  ENTITY,
  RawDatabase,
  customerEntity,
  insertDictionaries,
  openStore,
  physicalDocuments,
  type Seed,
} from './dataset.js';
import { time } from './measure.js';

export const BATCH_SIZE = 1000;

/** Kehu: stamp, validate, check unique codes and new ids, lay out and write, in batches. */
export async function insertThroughKehu(name: string, data: Seed): Promise<number> {
  const store = await openStore(name);
  try {
    await insertDictionaries(store, data);
    const repository = store.entity(ENTITY);
    return await time(() => repository.bulkInsert(data.customers, { batchSize: BATCH_SIZE }));
  } finally {
    await store.close();
  }
}

/** Baseline: the same documents, laid out beforehand (not timed), `bulkPut` batch by batch. */
export async function insertRaw(name: string, data: Seed): Promise<number> {
  const docs = physicalDocuments(await customerEntity(), data.customers);
  const db = new RawDatabase(name);
  await db.open();
  try {
    return await time(async () => {
      for (let i = 0; i < docs.length; i += BATCH_SIZE) await db.records.bulkPut(docs.slice(i, i + BATCH_SIZE));
    });
  } finally {
    db.close();
  }
}

/** Where Kehu's insert time goes, phase by phase (one run each; context, not a ratio). */
export interface InsertSplit {
  /** `entity.validate` over every record (Kehu compiles it with ajv). */
  validate: number;
  /** Laying records out as physical documents: sort keys, inverted keys, search text. */
  layout: number;
  /** RxDB's `bulkInsert` of the laid-out documents on its Dexie storage, same batches; when asked for. */
  rxdbInsert?: number;
}

export async function splitInsert(name: string, data: Seed, options: { rxdb?: boolean } = {}): Promise<InsertSplit> {
  const entity = await customerEntity();
  const validate = await time(() => {
    for (const record of data.customers) entity.validate({ ...record, _v: entity.version });
  });
  let docs: ReturnType<typeof physicalDocuments> = [];
  const layout = await time(() => (docs = physicalDocuments(entity, data.customers)));
  if (!options.rxdb) return { validate, layout };
  const database = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
  try {
    const { records } = await database.addCollections({
      records: { schema: recordsSchema },
      meta: { schema: metaSchema },
    });
    const rxdbInsert = await time(async () => {
      for (let i = 0; i < docs.length; i += BATCH_SIZE) await records.bulkInsert(docs.slice(i, i + BATCH_SIZE));
    });
    return { validate, layout, rxdbInsert };
  } finally {
    await database.close();
  }
}
