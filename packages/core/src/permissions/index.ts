export * from './types.js';
export { EntityPolicy } from './policy.js';
export { permissionProblems } from './check-config.js';
export { KehuPermissionError } from './forbidden.js';
export { mask, redactRecord } from './redact.js';
export { couchDesignDocument, couchValidateDocUpdate, type KehuDesignDocument } from './couchdb.js';
export {
  matchesSelector,
  readSelector,
  scopeDatabases,
  userDatabaseName,
  type CouchUser,
  type ScopeDatabase,
} from './couchdb-scope.js';
export type { Permissions } from './store-permissions.js';
