// The store API that `../index.ts` re-exports (see `../entity/index.ts` for why a folder barrel).
export { createStore, defaultStorage } from './create-store.js';
export { getKehuDexieStorage } from './dexie-storage.js';
export type { MigrationReport } from './migrate.js';
export type * from './attachments.types.js';
export { acceptsFile, defaultAttachmentTypes, fileType, formatBytes } from './attachments-content.js';
export { lockOf } from './locked.js';
