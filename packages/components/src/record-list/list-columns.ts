import type { ComplexAttributeConverter } from 'lit';
import type { Entity, FieldModel, SortSpec } from '@kehu/core';

/** Fields a record carries besides its entity's own, which a list may sort by. */
const SYSTEM_SORT_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/** Kinds whose values order meaningfully in a store query. */
const SORTABLE_KINDS = new Set([
  'text',
  'email',
  'number',
  'integer',
  'money',
  'date',
  'datetime',
  'enum',
  'boolean',
  'reference',
]);

/** Columns when neither the element nor the schema names any. */
const FALLBACK_COLUMN_COUNT = 5;

/**
 * The fields a list shows: the element's `columns`, else the entity's `listColumns`, else its first
 * few scalar fields. Hidden fields are left out; unknown names are reported to `warn` and skipped.
 */
export function listFields(
  entity: Entity,
  columns: readonly string[] | undefined,
  warn: (column: string) => void,
): FieldModel[] {
  const names = columns?.length ? columns : entity.listColumns;
  if (!names.length) {
    return entity.fields.filter((f) => !f.hidden && SORTABLE_KINDS.has(f.kind)).slice(0, FALLBACK_COLUMN_COUNT);
  }
  const fields: FieldModel[] = [];
  for (const name of names) {
    const field = entity.field(name.split('.'));
    if (!field) warn(name);
    else if (!field.hidden) fields.push(field);
  }
  return fields;
}

/** The store field name of a column, dotted for nested fields (`address.city`). */
export function sortField(field: FieldModel): string {
  return (field.path.length ? field.path : [field.key]).join('.');
}

/** Fields the column chooser offers: visible top-level fields a cell can show. */
export function columnChoices(entity: Entity): FieldModel[] {
  return entity.fields.filter((f) => !f.hidden && SORTABLE_KINDS.has(f.kind));
}

/** Top-level scalar columns sort in the store; nested ones (`address.city`) have no index to sort by. */
export function isSortable(field: FieldModel): boolean {
  return SORTABLE_KINDS.has(field.kind) && field.path.length <= 1;
}

/** The sort in force: the element's when it names a field the entity has, else the entity's default. */
export function effectiveSort(entity: Entity, sort: SortSpec | undefined, warn: (field: string) => void): SortSpec {
  if (!sort?.field) return entity.defaultSort;
  if (!SYSTEM_SORT_FIELDS.has(sort.field) && !entity.field(sort.field.split('.'))) {
    warn(sort.field);
    return entity.defaultSort;
  }
  return { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' };
}

/** `columns="name mobile level"` or `columns="name,mobile,level"`. */
export const columnsConverter: ComplexAttributeConverter<string[] | undefined> = {
  fromAttribute: (value) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
};

/** `sort="name"`, `sort="createdAt desc"`. */
export const sortConverter: ComplexAttributeConverter<SortSpec | undefined> = {
  fromAttribute: (value) => {
    const [field, direction] = (value ?? '').trim().split(/\s+/);
    if (!field) return undefined;
    return { field, direction: direction?.toLowerCase() === 'desc' ? 'desc' : 'asc' };
  },
};

/**
 * Default column widths as grid tracks, in proportion to the characters a column usually shows
 * (a name or a code more than a flag), so common values fit without the host setting
 * `--kehu-record-list-columns`.
 */
export function defaultColumnTracks(
  fields: readonly FieldModel[],
  titleField: string,
  widths: Readonly<Record<string, number>> = {},
  selectable = false,
): string {
  const characters = (field: FieldModel): number => {
    if (field.key === titleField) return 18;
    switch (field.kind) {
      case 'boolean':
        return 4;
      case 'enum':
      case 'integer':
      case 'number':
        return 8;
      case 'reference':
        return 10;
      case 'money':
      case 'date':
        return 13;
      case 'datetime':
        return 20;
      default:
        return Math.min(18, Math.max(6, field.maxLength ?? 16));
    }
  };
  const tracks = fields.map((field) => {
    const width = widths[field.path.join('.')];
    return width ? `${width}px` : `minmax(0, ${characters(field)}fr)`;
  });
  return [...(selectable ? ['2.75rem'] : []), ...tracks].join(' ');
}
