export * from './i18n/locale.js';
export * from './entity/types.js';
export * from './store/types.js';
export * from './errors/errors.js';
export { defineEntity, systemProperties } from './entity/define-entity.js';
export { checkEntitySchema, maxIndexedFields } from './entity/check.js';
export { kehuEntityMetaSchema } from './entity/meta-schema.js';
export { createStore, defaultStorage } from './store/create-store.js';
export type { MigrationReport } from './store/migrate.js';
