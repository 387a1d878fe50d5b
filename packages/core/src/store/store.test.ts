import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getKehuDexieStorage } from './dexie-storage.js';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { storeContract } from './store.contract.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test-fixtures/${name}.schema.json`, import.meta.url), 'utf8'));
const fixtures = { order: fixture('maintenance-order'), contact: fixture('plain-contact') };

storeContract('memory', () => getRxStorageMemory(), fixtures, describe, it);
storeContract('dexie on fake-indexeddb', () => getRxStorageDexie({ indexedDB, IDBKeyRange }), fixtures, describe, it);
storeContract(
  'kehu dexie on fake-indexeddb',
  () => getKehuDexieStorage({ indexedDB, IDBKeyRange }),
  fixtures,
  describe,
  it,
);
