// Sensitive fields encrypted at rest, checked where it matters: the raw IndexedDB contents in Chromium.
import { createStore } from '../store/create-store.js';
import { ok, equal } from '../test-support/check.js';

const schema = async (name: string) =>
  (await fetch(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url))).json();

/** Every value of every object store of an IndexedDB database, as one string. */
async function rawContents(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const parts: string[] = [];
  for (const storeName of db.objectStoreNames) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    parts.push(JSON.stringify(values));
  }
  db.close();
  return parts.join('\n');
}

describe('encryption at rest in IndexedDB', () => {
  it('leaves no plaintext of sensitive fields in any IndexedDB database of the store', async () => {
    const name = `kehu-enc-${Date.now()}`;
    const store = await createStore({
      name,
      entities: [await schema('customer'), await schema('customer-level'), await schema('customer-class')],
      encryption: { password: 'a long test password' },
    });
    const saved = await store.entity('customer').insert({
      name: '杭州西湖汽车销售有限公司',
      type: 'b2b',
      mobile: '13812345678',
      residentId: '11010519491231002X',
      contacts: [{ name: '陈静', mobile: '13900001111' }],
    });
    await store.entity('customer').patch(saved.id, { mobile: '13700002222' });
    equal((await store.entity('customer').get(saved.id))?.mobile, '13700002222');
    await store.close();
    const databases = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.includes(name));
    ok(databases.length > 0, `RxDB's IndexedDB databases for ${name}: ${databases.join(', ')}`);
    const raw = (await Promise.all(databases.map(rawContents))).join('\n');
    ok(raw.includes('杭州西湖汽车销售有限公司'), 'the raw read sees the stored records');
    for (const secret of ['13812345678', '11010519491231002X', '13900001111', '13700002222'])
      ok(!raw.includes(secret), `${secret} must not be stored in clear`);
  });
});
