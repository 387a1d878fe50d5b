// The export API that `../index.ts` re-exports (see `../entity/index.ts` for why a folder barrel).
export { csvLines, csvText, neutralizeFormula } from './csv.js';
export { xlsxBlob, xlsxBytes, xlsxRow, xlsxSheet } from './xlsx.js';
export { exportFile, exportRecords, type ExportOptions, type FileExportOptions } from './export-records.js';
export { breathe, readPages, type PagedReadOptions, type ReadProgress } from './paged-read.js';
export { exportMimeTypes, tableFile, type ExportFormat, type TableFileOptions } from './table-file.js';
