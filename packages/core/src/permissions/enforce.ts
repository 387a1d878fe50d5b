// What `createStore` loads, in one `import()`, when permissions are configured: one module rather
// than four keeps bundlers (esbuild) from cutting the code shared with the store into one more
// up-front chunk per lazily loaded module.
export { permissionProblems } from './check-config.js';
export { storePermissions } from './store-permissions.js';
export { PermittedRepository } from './permitted-repository.js';
export { redactHistory } from './redact.js';
