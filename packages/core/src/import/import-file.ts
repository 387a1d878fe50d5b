import type { Store } from '../store/types.js';
import type { ByteSource } from './decode.js';
import { prepareFile, type PrepareOptions, type PreparedFile } from './prepare.js';
import { importRows, type ImportResult, type ImportRunOptions } from './run-import.js';

export interface ImportFileOptions
  extends PrepareOptions, Omit<ImportRunOptions, 'headers' | 'mapping' | 'headerLine' | 'fraction'> {}

/**
 * Reads a CSV or XLSX file and imports it into `entity` in one call (Node, workers with a store,
 * pages): detect encoding and header, map columns (or use `mapping`), clean, check, write in
 * atomic batches. With `dryRun` nothing is written and the result lists every problem.
 */
export async function importFile(
  store: Store,
  entity: string,
  source: ByteSource,
  options: ImportFileOptions = {},
): Promise<ImportResult & { file: Omit<PreparedFile, 'batches'> }> {
  let bytesRead = 0;
  const total = typeof Blob !== 'undefined' && source instanceof Blob ? source.size : undefined;
  const prepared = await prepareFile(source, store.entity(entity).entity, {
    ...options,
    locale: options.locale ?? store.locale,
    onBytes: (n) => {
      bytesRead = n;
      options.onBytes?.(n);
    },
  });
  const result = await importRows(store, entity, prepared.batches, {
    ...options,
    headers: prepared.headers,
    mapping: prepared.mapping,
    headerLine: prepared.headerLine,
    fraction: () => (total ? bytesRead / total : undefined),
    file: { encoding: prepared.encoding?.encoding, ...options.file },
  });
  const { batches: _batches, ...file } = prepared;
  return { ...result, file };
}
