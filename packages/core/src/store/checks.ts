import type { RxCollection } from 'rxdb';
import type { Entity, ValidationIssue } from '../entity/types.js';
import { KehuValidationError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { keyLength, sortKey } from './keys.js';
import { plainDataIssue } from './plain-data.js';
import { primaryKey, type PhysicalRecord } from './physical.js';
import type { KehuRecord } from './types.js';

type Issue = ValidationIssue & { row?: number };

/**
 * Validates records; throws one error listing every problem (with rows for bulk writes). A record
 * the schema accepts is also checked to be plain data (see `plainDataIssue`).
 */
export function assertValid(entity: Entity, records: KehuRecord[], locale: Locale, bulk: boolean): void {
  const issues: Issue[] = [];
  records.forEach((record, row) => {
    const found = entity.validate(record);
    const notPlain = found.length ? undefined : plainDataIssue(entity, record);
    for (const issue of notPlain ? [notPlain] : found) issues.push(bulk ? { ...issue, row } : issue);
  });
  if (issues.length) throw new KehuValidationError(entity.name, issues, locale, entity.label);
}

function uniqueIssue(entity: Entity, field: string, value: unknown, row: number | undefined): Issue {
  const label = entity.field(field)?.label ?? { 'zh-CN': field, en: field };
  const issue: Issue = {
    path: [field],
    label,
    keyword: 'unique',
    params: { value },
    message: {
      en: `${label.en}: "${value}" is already used by another ${entity.label.en.toLowerCase()}; enter a different value.`,
      'zh-CN': `${label['zh-CN']}：「${value}」已被其他${entity.label['zh-CN']}使用，请换一个。`,
    },
  };
  if (row !== undefined) issue.row = row;
  return issue;
}

/**
 * Checks the entity's unique fields among `records` and against live stored records (other than
 * the same ids). Uses the fields' index slots, so it costs one indexed query per 500 values.
 */
export async function assertUnique(
  entity: Entity,
  collection: RxCollection<PhysicalRecord>,
  records: KehuRecord[],
  locale: Locale,
  bulk: boolean,
): Promise<void> {
  const issues: Issue[] = [];
  for (const field of entity.unique) {
    const slot = entity.indexes.indexOf(field);
    const seen = new Map<unknown, number>();
    records.forEach((record, row) => {
      const value = (record as Record<string, unknown>)[field];
      if (value === undefined || value === null || value === '') return;
      if (seen.has(value)) issues.push(uniqueIssue(entity, field, value, bulk ? row : undefined));
      else seen.set(value, row);
    });
    const values = [...seen.keys()];
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      const condition =
        slot >= 0 && chunk.every((v) => typeof v !== 'string' || v.length <= keyLength)
          ? { [`k${slot}`]: { $in: chunk.map(sortKey) } }
          : { [`d.${field}`]: { $in: chunk } };
      const found = await collection.find({ selector: { e: entity.name, t: 0, ...condition } }).exec();
      for (const doc of found) {
        const value = (doc._data.d as Record<string, unknown>)[field];
        const row = seen.get(value);
        if (row === undefined) continue;
        if (doc.primary === primaryKey(entity.name, records[row].id)) continue;
        issues.push(uniqueIssue(entity, field, value, bulk ? row : undefined));
      }
    }
  }
  if (issues.length) throw new KehuValidationError(entity.name, issues, locale, entity.label);
}

/** Drops `undefined` values, so "cleared" optional fields are absent rather than invalid. */
export function withoutUndefined<T extends Record<string, unknown>>(data: T): T {
  const out = {} as T;
  for (const [key, value] of Object.entries(data))
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Top-level schema defaults for fields the caller left out. */
export function withDefaults(entity: Entity, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const field of entity.fields) {
    if (out[field.key] === undefined && field.default !== undefined) out[field.key] = structuredClone(field.default);
  }
  return out;
}
