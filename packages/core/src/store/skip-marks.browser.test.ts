// Deep pages in Chromium when another tab writes: RxDB's multi-instance support (a BroadcastChannel)
// tells this tab's storage, which must forget where its earlier walks stood.
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { firstValueFrom } from 'rxjs';
import { deepEqual } from '../test-support/check.js';
import { getKehuDexieStorage } from './dexie-storage.js';
import { prepared } from './read-once.js';

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string', maxLength: 40 } },
  required: ['id', 'name'],
  indexes: ['name'],
} as const;

type Doc = { id: string; name: string };

/**
 * One tab's database `name`. RxDB refuses a second database of one name and storage name in a
 * page (outside its dev mode), so each tab's storage gets a name of its own: the IndexedDB
 * database and the channel tabs announce writes on are named after the Dexie storage and the
 * database, not after the storage object.
 */
async function tab(name: string, which: string): Promise<{ database: RxDatabase; docs: RxCollection<Doc> }> {
  const database = await createRxDatabase({
    name,
    storage: { ...getKehuDexieStorage(), name: `dexie-${which}` },
    multiInstance: true,
  });
  const { docs } = await database.addCollections({ docs: { schema } });
  return { database, docs: docs as RxCollection<Doc> };
}

/** The names on the page at `skip`, read from the storage as a list's page is. */
async function page(docs: RxCollection<Doc>, skip: number): Promise<string[]> {
  const query = prepared(
    docs.schema.jsonSchema as never,
    { selector: {}, sort: [{ name: 'asc' }], skip, limit: 3 },
    false,
  );
  const { documents } = await docs.storageInstance.query(query as never);
  return (documents as unknown as Doc[]).map((doc) => doc.name);
}

const named = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix}${String(i).padStart(5, '0')}` }));

describe('deep pages when another tab writes', () => {
  it('start from the top again once that tab says it wrote, instead of from a stale point', async () => {
    const name = `kehu-skip-marks-${Date.now()}`;
    const here = await tab(name, 'here');
    const there = await tab(name, 'there');
    try {
      await here.docs.bulkInsert(named('m', 3000));
      deepEqual(await page(here.docs, 2500), ['m02500', 'm02501', 'm02502']);
      // The other tab adds ten names before the page; this tab hears of it through RxDB's channel.
      const heard = firstValueFrom(here.docs.$);
      await there.docs.bulkInsert(named('a', 10));
      await heard;
      deepEqual(await page(here.docs, 2500), ['m02490', 'm02491', 'm02492']);
      deepEqual(await page(here.docs, 2510), ['m02500', 'm02501', 'm02502']);
    } finally {
      await there.database.close();
      await here.database.remove();
    }
  });
});
