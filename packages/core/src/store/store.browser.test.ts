// The store contract again, in Chromium on real IndexedDB: RxDB's Dexie storage as shipped, and
// Kehu's default (the same with fast deep pages).
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getKehuDexieStorage } from './dexie-storage.js';
import { storeContract } from './store.contract.js';

const fixture = async (name: string) =>
  (await fetch(new URL(`../test-fixtures/${name}.schema.json`, import.meta.url))).json();
const fixtures = { order: await fixture('maintenance-order'), contact: await fixture('plain-contact') };

storeContract('dexie on IndexedDB', () => getRxStorageDexie(), fixtures, describe, it);
storeContract('kehu dexie on IndexedDB', () => getKehuDexieStorage(), fixtures, describe, it);
