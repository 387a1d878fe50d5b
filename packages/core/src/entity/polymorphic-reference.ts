import type { LocalizedText } from '../i18n/locale.js';
import type { FieldModel, ValidationIssue } from './types.js';

/**
 * Polymorphic references: a field that may point to a record of one of several entities
 * (`"x-kehu": { "ref": ["customer", "vehicle", "opportunity"] }`) stores one string `entity:id`,
 * e.g. `customer:01hx…`. One string stays plain JSON Schema, takes one index slot, and
 * "regarding this customer" is an exact match; "regarding any vehicle" is a range on the same index.
 * See docs/decisions/0005-polymorphic-references.md.
 */

/** Between the entity name and the id. Entity names (`^[a-z][a-z0-9-]*$`) never contain it. */
export const referenceSeparator = ':';

/** A polymorphic reference value, taken apart. */
export interface ReferenceValue {
  entity: string;
  id: string;
}

/** The stored value of a polymorphic reference to record `id` of `entity`. */
export function formatReference(entity: string, id: string): string {
  return `${entity}${referenceSeparator}${id}`;
}

/**
 * Takes a polymorphic value apart; undefined when it is not `entity:id` or, given `targets`, when
 * its entity is not one of them. Ids may contain `:` themselves: only the first one separates.
 */
export function parseReference(value: unknown, targets?: readonly string[]): ReferenceValue | undefined {
  if (typeof value !== 'string') return undefined;
  const at = value.indexOf(referenceSeparator);
  if (at <= 0 || at === value.length - 1) return undefined;
  const entity = value.slice(0, at);
  if (!/^[a-z][a-z0-9-]*$/.test(entity)) return undefined;
  if (targets && !targets.includes(entity)) return undefined;
  return { entity, id: value.slice(at + 1) };
}

/**
 * Selector condition for "points at any record of `entity`", e.g.
 * `{ regarding: referencesTo('vehicle') }`. A range rather than a regex, so it uses the field's
 * index (`;` is the character after `:`).
 */
export function referencesTo(entity: string): { $gte: string; $lt: string } {
  return { $gte: `${entity}${referenceSeparator}`, $lt: `${entity};` };
}

/** The entities a reference field may point to: its one `ref`, its `refs`, or none. */
export function referenceTargets(field: FieldModel): string[] {
  return field.refs ?? (field.ref ? [field.ref] : []);
}

/**
 * Issues for polymorphic values that are not `entity:id` with one of the field's targets, walking
 * nested objects and line items. Paths that already have an issue (a wrong type, say) are skipped,
 * so a field gets one message.
 */
export function polymorphicIssues(
  fields: readonly FieldModel[],
  record: unknown,
  labelOf: (path: (string | number)[]) => LocalizedText,
  already: readonly ValidationIssue[] = [],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const taken = new Set(already.map((issue) => issue.path.join('\u0000')));
  const check = (targets: string[], value: string, at: (string | number)[]) => {
    if (parseReference(value, targets) || taken.has(at.join('\u0000'))) return;
    const label = labelOf(at);
    issues.push({
      path: at,
      label,
      keyword: 'ref',
      params: { targets, value },
      message: {
        en: `${label.en}: must point to a record of ${targets.join(', ')}, written "entity:id" (e.g. "${targets[0]}:…").`,
        'zh-CN': `${label['zh-CN']}：必须指向 ${targets.join('、')} 之一的记录，格式为“实体:ID”（如“${targets[0]}:…”）。`,
      },
    });
  };
  const walk = (list: readonly FieldModel[], value: unknown, path: (string | number)[]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const field of list) {
      const own = (value as Record<string, unknown>)[field.key];
      const at = [...path, field.key];
      if (own === undefined || own === null) continue;
      if (field.refs && typeof own === 'string') check(field.refs, own, at);
      else if (field.item?.refs && Array.isArray(own)) {
        own.forEach((item, i) => typeof item === 'string' && check(field.item!.refs!, item, [...at, i]));
      } else if (field.children && field.type === 'array' && Array.isArray(own)) {
        own.forEach((item, i) => walk(field.children!, item, [...at, i]));
      } else if (field.children) {
        walk(field.children, own, at);
      }
    }
  };
  walk(fields, record, []);
  return issues;
}
