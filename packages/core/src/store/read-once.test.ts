import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getKehuDexieStorage } from './dexie-storage.js';
import { readOnceContract } from './read-once.contract.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test-fixtures/${name}.schema.json`, import.meta.url), 'utf8'));
const fixtures = { order: fixture('maintenance-order'), contact: fixture('plain-contact') };

readOnceContract('memory', () => getRxStorageMemory(), fixtures, describe, it);
readOnceContract(
  'kehu dexie on fake-indexeddb',
  () => getKehuDexieStorage({ indexedDB, IDBKeyRange }),
  fixtures,
  describe,
  it,
);
