// What a store loads, in one `import()`, once it syncs (`store-hook.ts`): one module rather than
// two, so bundlers do not cut the code it shares with the store into one more up-front chunk each.
export { CouchSync } from './replication.js';
export { ServerCodes } from './code-blocks.js';
