// What `createStore` loads, in one `import()`, for a store with sensitive fields: one module rather
// than two, so bundlers do not cut the code it shares with the store into one more up-front chunk.
export { deriveKeys, searchToken } from './seal.js';
export { encryptedFieldsStorage } from './storage.js';
