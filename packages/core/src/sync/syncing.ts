// What a store loads, in one `import()`, once it syncs (`store-hook.ts`): one module rather than
// two, so bundlers do not cut the code it shares with the store into one more up-front chunk each.
export { CouchSync } from './replication.js';
export { ServerCodes } from './code-blocks.js';
// Code blocks reserved on the server and the watch for records keyed in twice on two clients
// matter only to a store that syncs.
export { SeriesBlocks } from '../store/naming-blocks.js';
export { watchDuplicates } from './duplicates.js';
