import type { Entity, ValidationIssue } from '../entity/types.js';
import { withComputed } from '../formula/computed.js';
import { normalizeRecord } from '../normalize/record.js';
import { withDefaults, withoutUndefined } from '../store/checks.js';
import { importTargets } from './mapping.js';
import type { ImportMode } from './run-import.js';

/** Keywords whose verdict can change once a stored record's other fields are merged in (update, upsert). */
const WHOLE_RECORD = new Set([
  'required',
  'dependentRequired',
  'dependencies',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'minProperties',
  'maxProperties',
]);

const STAMP = new Date(0).toISOString();

/**
 * A function giving the problems of a row's cleaned values that the store would certainly
 * report on write, checked as the store checks (normalised, defaults and computed fields filled,
 * system fields stamped), so the page can set bad rows aside without a store round trip. Pure, so
 * it runs in the import worker. It leaves out what only the page can decide: reference columns
 * (still codes until resolved against the store), the series code (assigned on write) and, when
 * rows update stored records (`update`, `upsert`), anything a stored record's other fields could
 * satisfy. The store still validates every record it writes.
 */
export function rowChecker(
  entity: Entity,
  mode: ImportMode = 'insert',
): (values: Record<string, unknown>) => ValidationIssue[] {
  const references = importTargets(entity)
    .filter((t) => t.field.kind === 'reference')
    .map((t) => t.path);
  const series = entity.namingSeries?.field;
  return (values) => {
    const record = {
      ...withoutUndefined(withComputed(entity, withDefaults(entity, normalizeRecord(entity, values)))),
      id: 'import-check',
      createdAt: STAMP,
      updatedAt: STAMP,
      _v: entity.version,
    };
    return entity.validate(record).filter((issue) => {
      const named = issue.path.filter((p): p is string => typeof p === 'string');
      const path = named.join('.');
      if (references.some((r) => path === r || path.startsWith(`${r}.`))) return false;
      const missing = issue.params?.missingProperty;
      if (series && (named[0] === series || (issue.keyword === 'required' && missing === series))) return false;
      if (mode === 'insert') return true;
      return named.length > 0 && named[0] in values && !WHOLE_RECORD.has(issue.keyword);
    });
  };
}
