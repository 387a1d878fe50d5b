/**
 * The bench page: `bench/run.mjs` opens it in headless Chromium and calls `window.kehuBench`, one
 * measure at a time, reloading the page between trials so that each trial starts cold.
 */
import '@kehu/components/define.js';
import { ENTITY, RawDatabase, customerEntity, deleteDatabases, openStore, seed, type Seed } from './dataset.js';
import { firstRowsInList, firstRowsRaw } from './first-rows.js';
import { elementBench } from './elements.js';
import { insertRaw, insertThroughKehu, splitInsert } from './insert.js';
import { time, timed } from './measure.js';
import { queriesRaw, queriesThroughKehu, queriesThroughRxdb } from './queries.js';

let data: Seed | undefined;
const seeded = (): Seed => {
  if (!data) throw new Error('call generate(count) first');
  return data;
};

async function openRaw(name: string): Promise<RawDatabase> {
  const db = new RawDatabase(name);
  await db.open();
  return db;
}

const bench = {
  /** Generates `count` seeded customers in the page; returns milliseconds (not a measure). */
  generate: (count: number) => time(() => (data = seed(count))),
  deleteDatabases,
  insertThroughKehu: (name: string) => insertThroughKehu(name, seeded()),
  insertRaw: (name: string) => insertRaw(name, seeded()),
  splitInsert: (name: string, options?: { rxdb?: boolean }) => splitInsert(name, seeded(), options),

  /** Opens the store (timed, for context), then lists twice: cold, then warm with a fresh element. */
  async firstRowsInList(name: string) {
    const open = await timed(() => openStore(name));
    const cold = await firstRowsInList(open.value);
    const warm = await firstRowsInList(open.value);
    return {
      open: open.ms,
      cold: cold.ms,
      warm: warm.ms,
      coldDom: cold.domMs,
      warmDom: warm.domMs,
      coldMarks: cold.marks,
    };
  },
  async firstRowsRaw(name: string) {
    const entity = await customerEntity();
    const db = await openRaw(name);
    const cold = await firstRowsRaw(db, entity);
    const warm = await firstRowsRaw(db, entity);
    return { cold: cold.ms, warm: warm.ms, coldDom: cold.domMs, warmDom: warm.domMs };
  },

  async queriesThroughKehu(name: string) {
    return queriesThroughKehu(await openStore(name));
  },
  async queriesRaw(name: string) {
    return queriesRaw(await openRaw(name), await customerEntity());
  },
  async queriesThroughRxdb(name: string) {
    return queriesThroughRxdb(name, await customerEntity());
  },

  ...elementBench(seeded),

  /** Live customers in a Kehu store, to check a data set before measuring on it. */
  async count(name: string) {
    const store = await openStore(name);
    try {
      return await store.entity(ENTITY).count();
    } finally {
      await store.close();
    }
  },
};

export type KehuBench = typeof bench;

declare global {
  interface Window {
    kehuBench: KehuBench;
  }
}

window.kehuBench = bench;
