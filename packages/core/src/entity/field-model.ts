import type { FieldKind, FieldModel, JsonSchema, KehuFieldHints } from './types.js';
import { humanize, toText } from './names.js';
import { derivedConditions } from './conditions.js';

/** Resolves a local `$ref` (`#/$defs/x`, `#/definitions/x`) against the root; other refs stay as written. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 16; depth++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const defs = match ? (root[match[1]] as Record<string, JsonSchema> | undefined) : undefined;
    const target = match ? defs?.[decodeURIComponent(match[2])] : undefined;
    if (!target) break;
    const { $ref: _ref, ...rest } = current;
    current = { ...(target as JsonSchema), ...rest };
  }
  return current;
}

/** The single JSON type of a property: `["string", "null"]` counts as `string`. */
export function jsonType(schema: JsonSchema): string {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'null';
  if (schema.type) return schema.type;
  if (schema.enum?.length) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'unknown';
}

export function fieldHints(schema: JsonSchema): KehuFieldHints {
  return (schema['x-kehu'] ?? {}) as KehuFieldHints;
}

function kindOf(schema: JsonSchema, type: string, hints: KehuFieldHints): FieldKind {
  if (hints.ref) return 'reference';
  if (schema.enum) return 'enum';
  switch (type) {
    case 'string':
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'datetime';
      if (schema.format === 'email') return 'email';
      if (hints.widget === 'textarea' || (schema.maxLength ?? 0) > 500) return 'textarea';
      return 'text';
    case 'number':
      return hints.widget === 'money' ? 'money' : 'number';
    case 'integer':
      return hints.widget === 'money' ? 'money' : 'integer';
    case 'boolean':
    case 'object':
    case 'array':
      return type;
    default:
      return 'unknown';
  }
}

/** Builds the field model of one property, recursing into objects and arrays. */
export function fieldModel(
  key: string,
  raw: JsonSchema,
  root: JsonSchema,
  parentPath: string[],
  required: boolean,
): FieldModel {
  const schema = resolveRef(raw, root);
  const hints = fieldHints(schema);
  const type = jsonType(schema);
  const path = [...parentPath, key];
  const field: FieldModel = {
    key,
    path,
    label: toText(hints.label ?? schema.title, humanize(key)),
    kind: kindOf(schema, type, hints),
    type,
    required,
    readOnly: schema.readOnly === true,
    hidden: hints.hidden === true,
    sensitive: hints.sensitive === true,
    ...(hints.access ? { access: hints.access } : {}),
    schema,
  };
  if (hints.help ?? schema.description) field.help = toText(hints.help ?? schema.description, '');
  if (hints.placeholder) field.placeholder = toText(hints.placeholder, '');
  if (hints.widget) field.widget = hints.widget;
  if (schema.format) field.format = schema.format;
  if (typeof hints.ref === 'string') field.ref = hints.ref;
  else if (Array.isArray(hints.ref)) field.refs = [...hints.ref];
  if (hints.currency || field.kind === 'money') field.currency = hints.currency ?? 'CNY';
  if (schema.minimum !== undefined) field.minimum = schema.minimum;
  if (schema.maximum !== undefined) field.maximum = schema.maximum;
  if (schema.maxLength !== undefined) field.maxLength = schema.maxLength;
  if (schema.default !== undefined) field.default = schema.default;
  if (hints.formula) {
    field.formula = hints.formula;
    field.readOnly = true; // computed: the store overwrites whatever is typed
  }
  if (hints.visibleWhen) field.visibleWhen = hints.visibleWhen;
  if (schema.enum) {
    field.options = schema.enum
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map((value) => ({ value, label: toText(hints.enumLabels?.[String(value)], String(value)) }));
  }
  if (type === 'object' && schema.properties) {
    field.children = fieldModels(schema, root, path);
  } else if (type === 'array' && schema.items) {
    const items = resolveRef(schema.items, root);
    if (jsonType(items) === 'object' && items.properties) field.children = fieldModels(items, root, path);
    else field.item = fieldModel('item', items, root, path, true);
  }
  return field;
}

/** Field models of an object schema's properties, in declaration order. */
export function fieldModels(schema: JsonSchema, root: JsonSchema, parentPath: string[] = []): FieldModel[] {
  const required = new Set(schema.required ?? []);
  const derived = derivedConditions(schema);
  return Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const field = fieldModel(key, property, root, parentPath, required.has(key));
    if (!field.visibleWhen && derived.has(key)) field.visibleWhen = derived.get(key);
    return field;
  });
}

/** Finds a field by key chain; numeric steps (row indexes) are skipped. */
export function findField(fields: FieldModel[], path: (string | number)[]): FieldModel | undefined {
  let list: FieldModel[] | undefined = fields;
  let found: FieldModel | undefined;
  for (const step of path) {
    if (typeof step === 'number' || /^\d+$/.test(step)) continue;
    found = list?.find((f) => f.key === step);
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}
