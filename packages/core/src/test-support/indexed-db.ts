/**
 * A fresh native IndexedDB database called `name` (from `factory`: the browser's own, or
 * fake-indexeddb's in Node) of `size` entries `{ id: 'd000000', kind }` in a store `docs`, under a
 * compound index `[kind+id]` that ends with the primary key, as RxDB's indexes do. `kind` is 'a' for
 * every third entry and 'b' for the others, unless `allKind` says.
 */
export async function numberedDatabase(
  factory: IDBFactory,
  name: string,
  size: number,
  allKind?: string,
): Promise<IDBDatabase> {
  await new Promise((resolve) => (factory.deleteDatabase(name).onsuccess = resolve));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('docs', { keyPath: 'id' }).createIndex('[kind+id]', ['kind', 'id']);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = db.transaction('docs', 'readwrite').objectStore('docs');
  for (let i = 0; i < size; i++)
    store.put({ id: `d${String(i).padStart(6, '0')}`, kind: allKind ?? (i % 3 === 0 ? 'a' : 'b') });
  await new Promise((resolve) => (store.transaction.oncomplete = resolve));
  return db;
}
