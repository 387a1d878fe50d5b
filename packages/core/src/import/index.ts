export {
  byteChunks,
  decodeChunks,
  detectEncoding,
  EncodingMismatchError,
  firstBytes,
  type ByteSource,
  type DetectedEncoding,
  type ImportEncoding,
} from './decode.js';
export { csvRows, isBlankRow, type Cell, type CsvOptions, type SourceRow } from './csv-rows.js';
export { isXlsx, xlsxRows } from './xlsx-rows.js';
export { openTable, type OpenedTable, type ReadOptions } from './source.js';
export {
  cleanBoolean,
  cleanCell,
  cleanDate,
  cleanEnum,
  cleanMobile,
  cleanNumber,
  excelSerialDate,
  matchKey,
} from './clean.js';
export {
  autoMap,
  findHeaderRow,
  headerNames,
  importTargets,
  matchHeader,
  type ColumnMapping,
  type ImportTarget,
} from './mapping.js';
export { prepareFile, rowMapper, type PreparedFile, type PreparedRow, type PrepareOptions } from './prepare.js';
export { rowChecker } from './check-rows.js';
export { referenceCodeField, resolveReferences } from './references.js';
export {
  importRows,
  problemText,
  type ImportMode,
  type ImportProblem,
  type ImportProgress,
  type ImportResult,
  type ImportRunOptions,
  type RejectedRow,
} from './run-import.js';
export { importFile, type ImportFileOptions } from './import-file.js';
export { saveMapping, savedMapping } from './saved-mapping.js';
export { errorReportCsv } from './error-report.js';
export { fileFingerprint } from './fingerprint.js';
export {
  IMPORT_JOB_ENTITY,
  IMPORT_MAPPING_ENTITY,
  importEntities,
  type ImportJobRecord,
  type ImportMappingRecord,
} from './import-entities.js';
