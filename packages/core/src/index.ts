export * from './i18n/locale.js';
export * from './entity/types.js';
export * from './store/types.js';
export * from './errors/errors.js';
export { defineEntity, systemProperties } from './entity/define-entity.js';
export { checkEntitySchema, maxIndexedFields } from './entity/check.js';
export { kehuEntityMetaSchema } from './entity/meta-schema.js';
export {
  formatReference,
  parseReference,
  referencesTo,
  referenceTargets,
  referenceSeparator,
  type ReferenceValue,
} from './entity/polymorphic-reference.js';
export { createStore, defaultStorage } from './store/create-store.js';
export { getKehuDexieStorage } from './store/dexie-storage.js';
export type { MigrationReport } from './store/migrate.js';
export type * from './store/attachments.types.js';
export { acceptsFile, defaultAttachmentTypes, fileType, formatBytes } from './store/attachments-content.js';
export * from './audit/index.js';
export * from './validation/index.js';
export * from './formula/index.js';
export { conditionHolds, derivedConditions } from './entity/conditions.js';
export * from './filter/filter.js';
export { csvText, neutralizeFormula } from './export/csv.js';
export { SAVED_VIEW_ENTITY, savedViewEntity, type SavedView } from './views/saved-view.js';
export * from './analysis/index.js';
export type * from './generated/entities.js';
