// The attachments contract again, in Chromium on real IndexedDB (Kehu's default Dexie storage).
import { getKehuDexieStorage } from './dexie-storage.js';
import { attachmentsContract } from './attachments.contract.js';

attachmentsContract('kehu dexie on IndexedDB', () => getKehuDexieStorage(), describe, it);
