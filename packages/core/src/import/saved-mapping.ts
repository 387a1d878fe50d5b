import type { Store } from '../store/types.js';
import type { Cell } from './csv-rows.js';
import { IMPORT_MAPPING_ENTITY, type ImportMappingRecord } from './import-entities.js';
import { autoMap, importTargets, type ColumnMapping } from './mapping.js';
import { matchKey } from './clean.js';

/** Saves which header went to which field for `entity`, replacing the entity's previous mapping. */
export async function saveMapping(store: Store, entity: string, headers: readonly string[], mapping: ColumnMapping) {
  const mappings = store.entity<ImportMappingRecord>(IMPORT_MAPPING_ENTITY);
  const columns = headers.map((header, i) => (mapping[i] ? { header, field: mapping[i]! } : { header }));
  const [saved] = await mappings.find({ selector: { entity }, limit: 1 });
  return saved ? mappings.patch(saved.id, { columns }) : mappings.insert({ entity, columns });
}

/**
 * The mapping for a file's headers: the saved choice for each header seen before (a column the
 * user chose to skip stays skipped), the automatic match for the others.
 */
export async function savedMapping(store: Store, entity: string, headers: readonly Cell[]): Promise<ColumnMapping> {
  const targets = importTargets(store.entities.get(entity)!);
  const auto = autoMap(headers, targets);
  const [saved] = await store
    .entity<ImportMappingRecord>(IMPORT_MAPPING_ENTITY)
    .find({ selector: { entity }, limit: 1 });
  if (!saved) return auto;
  const known = new Set(targets.map((t) => t.path));
  const byHeader = new Map(saved.columns.map((c) => [matchKey(c.header), c.field]));
  const used = new Set<string>();
  const mapping = headers.map((header, i) => {
    const key = matchKey(String(header ?? ''));
    const choice = byHeader.has(key) ? byHeader.get(key) : auto[i];
    if (!choice || !known.has(choice) || used.has(choice)) return null;
    used.add(choice);
    return choice;
  });
  return mapping;
}
