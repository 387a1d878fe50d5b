import { localize } from '../i18n/locale.js';
import type { FindOptions, Store } from '../store/types.js';
import { csvText } from './csv.js';

export interface ExportOptions extends FindOptions {
  /** Fields to export, in order; default: the entity's list columns. */
  columns?: string[];
}

/**
 * Records of a query as CSV (UTF-8 with BOM, formula cells neutralised), for scripts and servers.
 * Obeys permissions: refused without the `export` action, and reads through the user's repository,
 * so rows outside the user's scope and fields the user may not see never leave (a hidden column is
 * dropped; a masked one exports masked).
 */
export async function exportRecords(store: Store, entity: string, options: ExportOptions = {}): Promise<string> {
  const repository = store.entity(entity);
  store.permissions.assert(entity, 'export');
  const columns = (options.columns ?? repository.entity.listColumns).filter(
    (field) => store.permissions.field(entity, field) !== 'none',
  );
  const records = await repository.find(options);
  const title = (field: string) => localize(repository.entity.field(field)?.label ?? field, store.locale);
  const cell = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
  return csvText([
    columns.map(title),
    ...records.map((r) => columns.map((f) => cell((r as Record<string, unknown>)[f]))),
  ]);
}
