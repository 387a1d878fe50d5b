import type { Entity } from '../entity/types.js';
import { maxIndexedFields } from '../entity/check.js';
import { invertKey, slotMaxLength, sortKey } from './keys.js';
import type { KehuRecord } from './types.js';

/**
 * Every entity lives in one RxDB collection, `records`, with metadata-driven index slots
 * (the way Salesforce keeps custom objects in a few generic tables): RxDB's free build opens at
 * most 13 collections per process, and Kehu must not cap the number of entities. See
 * docs/decisions/0002-generic-record-collection.md.
 */
export interface PhysicalRecord {
  /** `entity|id`: record ids are unique per entity, not across entities. */
  pk: string;
  /** Entity name. */
  e: string;
  /** 0 live, 1 removed (soft delete). */
  t: number;
  /** The record as callers see it. */
  d: KehuRecord;
  /** Lowercased text of the search fields, for quick search. */
  s: string;
  /** updatedAt ascending and inverted. */
  u: string;
  ru: string;
  [slot: `k${number}` | `r${number}`]: string;
}

export const slotNames = Array.from({ length: maxIndexedFields }, (_, i) => i);
const slot = { type: 'string', maxLength: slotMaxLength };
const slotProperties = Object.fromEntries(
  slotNames.flatMap((i) => [
    [`k${i}`, slot],
    [`r${i}`, slot],
  ]),
);

/** The RxDB schema of the one generic collection. Bump `version` only with a storage migration. */
export const recordsSchema = {
  version: 0,
  primaryKey: 'pk',
  type: 'object',
  properties: {
    pk: { type: 'string', maxLength: 140 },
    e: { type: 'string', maxLength: 64 },
    t: { type: 'number', minimum: 0, maximum: 1, multipleOf: 1 },
    d: { type: 'object' },
    s: { type: 'string' },
    u: slot,
    ru: slot,
    ...slotProperties,
  },
  required: ['pk', 'e', 't', 'd', 's', 'u', 'ru', ...slotNames.flatMap((i) => [`k${i}`, `r${i}`])],
  indexes: [
    ['e', 't', 'u'],
    ['e', 't', 'ru'],
    ...slotNames.flatMap((i) => [
      ['e', 't', `k${i}`],
      ['e', 't', `r${i}`],
    ]),
  ],
} as const;

/** Store-wide state: entity versions, index layouts, naming-series counters. */
export const metaSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    value: { type: 'object' },
  },
  required: ['id', 'value'],
} as const;

export const primaryKey = (entity: string, id: string) => `${entity}|${id}`;

/** Separates the quick-search text of ordinary fields from that of sensitive ones. */
export const sensitiveSearchMark = '\u0003';

/**
 * The lowercased haystack for quick search: the ordinary search fields, then — after
 * `sensitiveSearchMark` — the sensitive ones, so a user who may not read them in full can be kept
 * to whole-value matches on that part (query.ts). An encrypted store leaves the sensitive values
 * out (`withSensitive` false) and puts keyed-hash tokens there instead (encryption/storage.ts).
 */
export function searchText(entity: Entity, record: Record<string, unknown>, withSensitive = true): string {
  const values = (keys: string[]) =>
    keys
      .map((k) => record[k])
      .filter((v) => v !== undefined && v !== null)
      .join('\u0001')
      .toLowerCase();
  const sensitive = (k: string) => entity.field(k)?.sensitive === true;
  const plain = values(entity.search.filter((k) => !sensitive(k)));
  const secret = withSensitive ? values(entity.search.filter(sensitive)) : '';
  return secret ? `${plain}${sensitiveSearchMark}${secret}` : plain;
}

/** Lays a record out in the generic collection: slot i holds the i-th indexed field's keys. */
export function toPhysical(entity: Entity, record: KehuRecord, removed = false): PhysicalRecord {
  const doc = {
    pk: primaryKey(entity.name, record.id),
    e: entity.name,
    t: removed ? 1 : 0,
    d: record,
    s: searchText(entity, record),
    u: sortKey(record.updatedAt),
    ru: invertKey(sortKey(record.updatedAt)),
  } as PhysicalRecord;
  for (const i of slotNames) {
    const key = sortKey(
      entity.indexes[i] === undefined ? undefined : (record as Record<string, unknown>)[entity.indexes[i]],
    );
    doc[`k${i}`] = key;
    doc[`r${i}`] = invertKey(key);
  }
  return doc;
}
