// Valid records of any entity whose every free-text field holds an XSS payload: fast-check's valid
// records (record-arbitrary) as the base, so required codes, dates, enums and formats stay valid,
// then each free-text value, at any depth (nested objects, child rows, lists of strings), overwritten.
import fc from 'fast-check';
import { conditionHolds, withComputed, type Entity, type FieldModel } from '@kehu/core';
import { recordArbitrary } from '../../../core/src/test-support/record-arbitrary.js';
import { fit, xssCorpus, type XssPayload } from './xss-corpus.js';

type Row = Record<string, unknown>;
/** Keys and row indexes from the record root, e.g. `['lines', 0, 'description']`. */
export type Path = (string | number)[];

/** One place in a record that holds a payload. */
export interface Slot {
  path: Path;
  /** The field at `path` (the item field for a list of strings). */
  field: FieldModel;
  payload: XssPayload;
  /** Inside a child row or a list of strings (a list cell shows only a count or a join of them). */
  inList: boolean;
}

export interface HostileRecord {
  record: Row;
  slots: Slot[];
}

/**
 * Free text: a string without a format, pattern, option list, reference or formula — what a user
 * types in freely, so what an attacker would fill with markup.
 */
export function isFreeText(field: FieldModel): boolean {
  return (
    field.type === 'string' &&
    !field.format &&
    field.schema.pattern === undefined &&
    !field.options?.length &&
    !field.ref &&
    !field.refs?.length &&
    !field.formula
  );
}

/** The value at `path`, or undefined where the record has none. */
export function valueAt(record: unknown, path: Path): unknown {
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * A payload as `field` can hold it: cut to its `maxLength`; for a unique field (a code) `~n` is
 * appended, so records differ even where two payloads share a head.
 */
export function payloadValue(field: FieldModel, payload: XssPayload, n?: number): string {
  const max = field.maxLength ?? field.schema.maxLength;
  if (n === undefined) return fit(payload.text, max);
  return `${fit(payload.text, max === undefined ? undefined : max - 2)}~${n}`;
}

const isRow = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `count` valid records of `entity` with a payload in every free-text field; payloads are taken in
 * corpus order from `first` on (wrapping), so successive records and entities rotate through the corpus.
 * Throws when a built record does not validate, naming the problems.
 */
export function hostileRecords(entity: Entity, count: number, seed: number, first: number): HostileRecord[] {
  const samples = fc.sample(recordArbitrary(entity, { maxArrayLength: 2 }), { seed, numRuns: count * 8 });
  let next = first;
  const out: HostileRecord[] = [];
  for (let r = 0; r < count; r++) {
    const slots: Slot[] = [];
    const text = (field: FieldModel, path: Path, inList: boolean, unique: boolean) => {
      const payload = xssCorpus[next++ % xssCorpus.length];
      const value = payloadValue(field, payload, unique ? r : undefined);
      slots.push({ path, field, payload, inList });
      return value;
    };
    const fill = (fields: FieldModel[], row: Row, donors: Row[], at: Path, inList: boolean) => {
      for (const field of fields) {
        const key = field.key;
        const path = [...at, key];
        if (field.formula) continue;
        if (isFreeText(field)) {
          row[key] = text(field, path, inList, at.length === 0 && entity.unique.includes(key));
        } else if (field.type === 'object' && field.children) {
          // An optional object the base record lacks comes from another valid sample.
          if (!isRow(row[key])) row[key] = structuredClone(donors.map((d) => d[key]).find(isRow));
          if (isRow(row[key])) fill(field.children, row[key], donors.map((d) => d[key]).filter(isRow), path, inList);
          else delete row[key];
        } else if (field.type === 'array' && field.children) {
          const donorRows = donors.flatMap((d) => (Array.isArray(d[key]) ? (d[key] as unknown[]) : [])).filter(isRow);
          if (!Array.isArray(row[key]) || !(row[key] as unknown[]).length) {
            if (!donorRows.length) continue;
            row[key] = [structuredClone(donorRows[0])];
          }
          (row[key] as Row[]).forEach((child, i) => fill(field.children!, child, donorRows, [...path, i], true));
        } else if (field.type === 'array' && field.item && isFreeText(field.item)) {
          const n = Math.max(field.schema.minItems ?? 0, Math.min(2, field.schema.maxItems ?? 2));
          row[key] = Array.from({ length: n }, (_, i) => text(field.item!, [...path, i], true, false));
        }
      }
      // As forms save: a field whose condition no longer holds is left out.
      for (const field of fields) {
        if (field.visibleWhen && !conditionHolds(field.visibleWhen, row)) delete row[field.key];
      }
    };
    const record = structuredClone(samples[r % samples.length]);
    fill(entity.fields, record, samples, [], false);
    const computed = withComputed(entity, record) as Row;
    const problems = entity.validate(computed);
    if (problems.length) {
      throw new Error(`${entity.name} #${r}: ${problems.map((p) => `${p.path.join('.')} ${p.keyword}`).join(', ')}`);
    }
    out.push({ record: computed, slots: slots.filter((s) => typeof valueAt(computed, s.path) === 'string') });
  }
  return out;
}
