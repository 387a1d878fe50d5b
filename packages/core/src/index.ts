export * from './i18n/locale.js';
export * from './entity/types.js';
export * from './store/types.js';
export * from './errors/errors.js';
export { defineEntity, systemProperties, type DefineEntityOptions } from './entity/define-entity.js';
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
export { csvLines, csvText, neutralizeFormula } from './export/csv.js';
export { xlsxBlob, xlsxBytes, xlsxRow, xlsxSheet } from './export/xlsx.js';
export * from './import/index.js';
export { SAVED_VIEW_ENTITY, savedViewEntity, type SavedView } from './views/saved-view.js';
export * from './analysis/index.js';
export * from './normalize/index.js';
export * from './dedupe/index.js';
export * from './backup/index.js';
// CRM functions part 2: parameters, levels, follow-ups, lost customers, segments, interactions.
export * from './crm/settings.js';
export { addDays, localToday } from './crm/settings-days.js';
export * from './crm/levels.js';
export * from './crm/follow-up.js';
export * from './crm/lost.js';
export * from './crm/segments.js';
export * from './crm/interactions.js';
export * from './crm/pricing.js';
export * from './crm/pricing-store.js';
export * from './crm/documents.js';
export * from './crm/insurance.js';
export * from './crm/claims.js';
export * from './crm/claims-query.js';
export { lockOf } from './store/locked.js';
export type * from './generated/entities.js';
export * from './permissions/index.js';
export * from './sync/index.js';
export { exportFile, exportRecords, type ExportOptions, type FileExportOptions } from './export/export-records.js';
export { breathe, readPages, type PagedReadOptions, type ReadProgress } from './export/paged-read.js';
export { exportMimeTypes, tableFile, type ExportFormat, type TableFileOptions } from './export/table-file.js';
