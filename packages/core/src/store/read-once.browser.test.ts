// One-shot reads against live queries in Chromium, on real IndexedDB through Kehu's Dexie storage.
import { getKehuDexieStorage } from './dexie-storage.js';
import { readOnceContract } from './read-once.contract.js';

const fixture = async (name: string) =>
  (await fetch(new URL(`../test-fixtures/${name}.schema.json`, import.meta.url))).json();
const fixtures = { order: await fixture('maintenance-order'), contact: await fixture('plain-contact') };

readOnceContract('kehu dexie on IndexedDB', () => getKehuDexieStorage(), fixtures, describe, it);
