// Kehu's stepped count in Chromium's own IndexedDB, whose backend serves one request at a time.
import { deepEqual } from '../test-support/check.js';
import { steppedCount } from './dexie-storage.js';
import { numberedDatabase } from '../test-support/indexed-db.js';

const ENTRIES = 60_000;

/** Which of a count of every entry and a read started just after it answers first. */
async function order(db: IDBDatabase, count: (index: IDBIndex) => Promise<number>): Promise<string[]> {
  const answered: string[] = [];
  const counting = count(db.transaction('docs', 'readonly').objectStore('docs').index('[kind+id]')).then((n) =>
    answered.push(`count ${n}`),
  );
  const read = db.transaction('docs', 'readonly').objectStore('docs').get('d030000');
  await new Promise((resolve) => (read.onsuccess = resolve));
  answered.push('read');
  await counting;
  return answered;
}

describe('steppedCount in Chromium', () => {
  it("lets another transaction's read through between its steps, where one count request holds it back", async () => {
    const db = await numberedDatabase(indexedDB, 'kehu-stepped-count', ENTRIES, 'a');
    try {
      const whole = (index: IDBIndex) =>
        new Promise<number>((resolve) => {
          const request = index.count();
          request.onsuccess = () => resolve(request.result);
        });
      // The premise: a single count request over every entry answers before a read made after it.
      deepEqual(await order(db, whole), [`count ${ENTRIES}`, 'read']);
      deepEqual(await order(db, (index) => steppedCount(index, null, IDBKeyRange)), ['read', `count ${ENTRIES}`]);
    } finally {
      db.close();
      indexedDB.deleteDatabase('kehu-stepped-count');
    }
  });
});
