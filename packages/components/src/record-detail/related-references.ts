import { formatReference, type Entity, type FieldModel, type Selector } from '@kehu/core';

/** One way records of another entity point at a record: `vehicle.owner → customer`. */
export interface RelatedReference {
  /** The entity whose records point here. */
  entity: Entity;
  /** Its top-level reference field. */
  field: FieldModel;
  /** True when the field also accepts other targets (stored as `entity:id`). */
  polymorphic: boolean;
}

/**
 * Every top-level reference field of every entity that can point at `target`, in entity order:
 * the related sections of a detail view come from the schemas, with no code per entity.
 */
export function relatedReferences(entities: Iterable<Entity>, target: string): RelatedReference[] {
  const found: RelatedReference[] = [];
  for (const entity of entities) {
    for (const field of entity.fields) {
      if (field.kind !== 'reference' || field.hidden) continue;
      if (field.ref === target) found.push({ entity, field, polymorphic: false });
      else if (field.refs?.includes(target)) found.push({ entity, field, polymorphic: true });
    }
  }
  return found;
}

/** The selector for the records that point at `id` through `related`. */
export function relatedSelector(related: RelatedReference, target: string, id: string): Selector {
  return { [related.field.key]: related.polymorphic ? formatReference(target, id) : id };
}

/** The first visible date or date-time field of an entity, which places its records on a timeline. */
export function dateField(entity: Entity): FieldModel | undefined {
  return entity.fields.find((f) => (f.kind === 'date' || f.kind === 'datetime') && !f.hidden);
}
