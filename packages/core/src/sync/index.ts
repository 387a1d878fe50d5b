export type * from './types.js';
export { CONFLICT_ENTITY, conflictEntity, type ConflictField, type ConflictRecord } from './conflict-entity.js';
export { mergeEdits, type FieldConflict, type EditMerge, type MergeSide } from './merge.js';
export { syncUrls } from './urls.js';
export { seriesDesignDocument } from './code-blocks.js';
export { changesDesignDocument, filesDesignDocument, serverDatabases, syncedEntities } from './server-documents.js';
