import type { Locale, LocalizedText } from '../i18n/locale.js';

/** A JSON Schema object as integrators write it; Kehu reads only what it needs. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  readOnly?: boolean;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  'x-kehu'?: KehuFieldHints | KehuEntityHints;
  [keyword: string]: unknown;
}

/** Kehu's hints on one property (`properties.x['x-kehu']`). All optional. */
export interface KehuFieldHints {
  /** Label per locale; falls back to the property's `title`, then to the key. */
  label?: LocalizedText | string;
  /** Help text per locale; falls back to `description`. */
  help?: LocalizedText | string;
  /** Widget name to force, e.g. `textarea`, `money`, `reference`; otherwise chosen by ranked testers. */
  widget?: string;
  /**
   * Entity this field's value (a record id) points to; or several, for a polymorphic reference
   * whose value is `entity:id` (docs/decisions/0005-polymorphic-references.md).
   */
  ref?: string | string[];
  /** Labels for the values of an `enum`. */
  enumLabels?: Record<string, LocalizedText | string>;
  /** Encrypt at rest, mask in lists for roles that may not see it. */
  sensitive?: boolean;
  /**
   * Permission group of a field, e.g. `cost` on cost price, purchase price and margin: hidden from
   * every role that is not granted the group (docs/decisions/0007-permissions.md).
   */
  access?: string;
  /** Hidden from forms and lists (still stored). */
  hidden?: boolean;
  /** Currency for money fields, default CNY. */
  currency?: string;
  /** Placeholder per locale. */
  placeholder?: LocalizedText | string;
  /**
   * Computed field: a formula over sibling fields, e.g. `quantity * unitPrice * (1 - discount / 100)`
   * or `sum(lines.amount)`. Read-only in forms; the store recomputes it on every write.
   */
  formula?: string;
  /** Shown in forms only while this holds, e.g. `{ field: 'type', in: ['b2b', 'channel'] }`. */
  visibleWhen?: FieldCondition;
  /**
   * How the store cleans the value on every write (`name`, `phone`, `address`, `id`, `code`):
   * full-width to half-width, spaces, separators, case. See `packages/core/src/normalize/`.
   */
  normalize?: 'name' | 'phone' | 'address' | 'id' | 'code';
}

/**
 * One duplicate-detection rule: records whose `fields` are alike (mean similarity) are candidate
 * duplicates, scored `weight` × that mean. Paths may reach into rows: `addresses.street`.
 */
export interface MatchRuleHint {
  fields: string[];
  /** 0–1, default 1. */
  weight?: number;
}

/**
 * A condition on a sibling field's value. `in`: one of these values; `equals`: exactly this value;
 * `notIn`: none of these (an absent value counts as none).
 */
export interface FieldCondition {
  field: string;
  in?: (string | number | boolean)[];
  equals?: string | number | boolean;
  notIn?: (string | number | boolean)[];
}

/** Kehu's hints on an entity (the schema root's `x-kehu`). All optional. */
export interface KehuEntityHints {
  /** Entity name used in the store and on elements; default: `$id` or the file name without `.schema.json`. */
  entity?: string;
  /** Entity label per locale; default: `title`. */
  label?: LocalizedText | string;
  /** Plural label per locale, for list headings. */
  pluralLabel?: LocalizedText | string;
  /** Schema version; bump it together with a migration to keep stored records. Default 0. */
  version?: number;
  /** Field that names a record in pickers and headings; default: `name`, `title`, `code` or the first string field. */
  titleField?: string;
  /** Fields shown in the picker's secondary line. */
  subtitleFields?: string[];
  /** List defaults. */
  list?: { columns?: string[]; sort?: SortSpec };
  /**
   * Form layout: sections of top-level fields; fields not named land in a last section. `layout`
   * draws them one under another (`sections`, default) or as tabs (`tabs`).
   */
  form?: { sections?: FormSectionHint[]; layout?: 'tabs' | 'sections' };
  /** Fields to index (queries and sorts on them hit an index); default: list columns, unique and reference fields. */
  indexes?: string[];
  /** Fields whose value must be unique within the entity. */
  unique?: string[];
  /** Fields searched by the quick search; default: the string list columns. */
  search?: string[];
  /** Automatic codes: `{ field: 'code', pattern: 'KH{YYYY}{#####}' }`. */
  namingSeries?: { field: string; pattern: string };
  /**
   * Refuse to delete a record while other records still reference it (dictionaries: a customer
   * level in use, an insurer on policies). Default false: a deleted customer may keep follow-ups.
   */
  protectInUse?: boolean;
  /**
   * Records are read-only while a field holds one of the listed values: `{ status: ['approved'] }`
   * makes approved documents immutable. The store refuses changes and deletion with a localised error.
   */
  lockedWhen?: Record<string, (string | number | boolean)[]>;
  /**
   * Fields that carry a record's owner (a user id), assignee and organisation, for row scopes
   * (`own`, `assigned`, `organisation`) in role permissions (docs/decisions/0007-permissions.md).
   */
  ownership?: Ownership;
  /** Duplicate-detection rules (`packages/core/src/dedupe/`); a pair's score is its best rule's. */
  match?: MatchRuleHint[];
  /** Pairs of fields where the second must not lie before the first: `[{ from: 'startDate', to: 'endDate' }]`. */
  ranges?: FieldRange[];
}

/** A range of two fields of one record: `to` must not lie before `from` (`x-kehu.ranges`). */
export interface FieldRange {
  from: string;
  to: string;
}

export interface Ownership {
  owner?: string;
  assignee?: string;
  organisation?: string;
}

export interface FormSectionHint {
  id: string;
  label?: LocalizedText | string;
  fields: string[];
}

export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  field: string;
  direction: SortDirection;
}

/** The widget-independent kind of a field, derived from type, format and hints. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'number'
  | 'integer'
  | 'money'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'boolean'
  | 'reference'
  | 'object'
  | 'array'
  | 'unknown';

/** What elements render from: one per property, nested for objects and arrays of objects. */
export interface FieldModel {
  /** Property name. */
  key: string;
  /** JSON pointer from the record root, e.g. `/contacts/items/mobile` is not used: `path` is the key chain `['contacts', 'mobile']` for item fields. */
  path: string[];
  label: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  kind: FieldKind;
  /** Widget forced by the schema, if any. */
  widget?: string;
  /** JSON type of the value (`string`, `number`, `integer`, `boolean`, `object`, `array`). */
  type: string;
  format?: string;
  required: boolean;
  readOnly: boolean;
  hidden: boolean;
  sensitive: boolean;
  /** Permission group (`x-kehu.access`), if any. */
  access?: string;
  /** For enums: the values with their labels, in schema order. */
  options?: { value: string | number; label: LocalizedText }[];
  /** For references: the target entity. */
  ref?: string;
  /** For polymorphic references (`ref` as a list): the entities the `entity:id` value may point to. */
  refs?: string[];
  currency?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
  /** For objects: the properties; for arrays of objects: the item's properties. */
  children?: FieldModel[];
  /** For arrays of scalars: the item field. */
  item?: FieldModel;
  /** Computed field: its formula (`x-kehu.formula`); read-only in forms. */
  formula?: string;
  /** Shown in forms only while this holds (`x-kehu.visibleWhen`, or derived from `if`/`then`). */
  visibleWhen?: FieldCondition;
  /** The property's schema as written (after `$ref` resolution). */
  schema: JsonSchema;
}

export interface FormSection {
  id: string;
  label: LocalizedText;
  fields: FieldModel[];
}

/** One validation problem, ready to show next to its field. */
export interface ValidationIssue {
  /** Key chain to the field, e.g. `['contacts', 0, 'mobile']`; empty for the record itself. */
  path: (string | number)[];
  /** The field's label chain in each locale, e.g. `联系人 › 第1行 › 手机`. */
  label: LocalizedText;
  /** The message in each locale, naming the field and what to do. */
  message: LocalizedText;
  /** ajv keyword (`required`, `format`, `maxLength`, …) or a Kehu rule (`unique`, `ref`). */
  keyword: string;
  params?: Record<string, unknown>;
}

/** A compiled entity: everything the store and the elements need, derived from one schema. */
export interface Entity {
  name: string;
  label: LocalizedText;
  pluralLabel: LocalizedText;
  version: number;
  /** The schema as given. */
  schema: JsonSchema;
  /** Where the schema came from (file path or `runtime`), for error messages. */
  source: string;
  titleField: string;
  subtitleFields: string[];
  fields: FieldModel[];
  sections: FormSection[];
  /** How forms draw the sections (`x-kehu.form.layout`); default `sections`. */
  formLayout?: 'tabs' | 'sections';
  listColumns: string[];
  defaultSort: SortSpec;
  /** Indexed fields in slot order. */
  indexes: string[];
  unique: string[];
  search: string[];
  namingSeries?: { field: string; pattern: string };
  /** Deleting a record still referenced by others is refused (`x-kehu.protectInUse`). */
  protectInUse: boolean;
  /** Field values that make a stored record read-only (`x-kehu.lockedWhen`); absent when none. */
  lockedWhen?: Record<string, (string | number | boolean)[]>;
  /** Owner, assignee and organisation fields for row scopes (`x-kehu.ownership`). */
  ownership: Ownership;
  /** Field ranges checked on every validation (`x-kehu.ranges`). */
  ranges: FieldRange[];
  /** Finds a top-level or nested field by key chain. */
  field(path: string | string[]): FieldModel | undefined;
  /** Validates a full record (system fields allowed); returns [] when valid. */
  validate(record: unknown): ValidationIssue[];
}

export type { Locale, LocalizedText };
