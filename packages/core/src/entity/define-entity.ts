import { KehuSchemaError } from '../errors/errors.js';
import { createValidator } from '../validation/validator.js';
import type { LocalizedText } from '../i18n/locale.js';
import { checkEntitySchema, maxIndexedFields } from './check.js';
import { fieldModels, findField } from './field-model.js';
import { polymorphicIssues } from './polymorphic-reference.js';
import { entityNameFrom, entityNamePattern, humanize, toText } from './names.js';
import type { Entity, FieldModel, FormSection, JsonSchema, KehuEntityHints, SortSpec } from './types.js';

/** Fields the store adds to every record; entities need not (and usually do not) declare them. */
export const systemProperties: Record<string, JsonSchema> = {
  id: { type: 'string', minLength: 1, maxLength: 64, title: 'ID' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  _v: { type: 'integer', minimum: 0 },
};

const systemLabels: Record<string, LocalizedText> = {
  id: { 'zh-CN': 'ID', en: 'ID' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  updatedAt: { 'zh-CN': '更新时间', en: 'Updated' },
  _v: { 'zh-CN': '版本', en: 'Version' },
};

const scalar = (field: FieldModel | undefined) =>
  !!field && ['string', 'number', 'integer', 'boolean'].includes(field.type);

function entityName(schema: JsonSchema, hints: KehuEntityHints, source: string): string {
  const candidates = [
    hints.entity,
    schema.$id && entityNameFrom(schema.$id),
    source !== 'runtime' && entityNameFrom(source),
    schema.title && entityNameFrom(schema.title),
  ];
  const name = candidates.find((c): c is string => typeof c === 'string' && entityNamePattern.test(c));
  if (!name) {
    throw new KehuSchemaError(source, [
      {
        pointer: '/x-kehu/entity',
        message: {
          en: 'cannot tell the entity name: set "x-kehu": { "entity": "my-entity" } (lowercase letters, digits, dashes) or a "$id"',
          'zh-CN': '无法确定实体名称：请设置 "x-kehu": { "entity": "my-entity" }（小写字母、数字、短横线）或 "$id"',
        },
      },
    ]);
  }
  return name;
}

function sectionsOf(hints: KehuEntityHints, fields: FieldModel[]): FormSection[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const placed = new Set<string>();
  const sections: FormSection[] = (hints.form?.sections ?? []).map((s) => {
    s.fields.forEach((k) => placed.add(k));
    return {
      id: s.id,
      label: toText(s.label, humanize(s.id)),
      fields: s.fields.map((k) => byKey.get(k)).filter((f): f is FieldModel => !!f),
    };
  });
  const rest = fields.filter((f) => !placed.has(f.key));
  if (rest.length) {
    const label = sections.length ? { 'zh-CN': '其他', en: 'Other' } : { 'zh-CN': '基本信息', en: 'Details' };
    sections.push({ id: sections.length ? 'other' : 'main', label, fields: rest });
  }
  return sections;
}

/**
 * Compiles an entity schema into everything the store and elements need. Throws a `KehuSchemaError`
 * naming `source`, the JSON pointer and the fix when the schema is not usable.
 */
export function defineEntity(schema: JsonSchema, source = 'runtime'): Entity {
  const problems = checkEntitySchema(schema);
  if (problems.length) throw new KehuSchemaError(source, problems);
  const hints = (schema['x-kehu'] ?? {}) as KehuEntityHints;
  const name = entityName(schema, hints, source);
  const fields = fieldModels(schema, schema);
  const field = (path: string | string[]) => findField(fields, typeof path === 'string' ? path.split('.') : path);
  const top = (key: string) => fields.find((f) => f.key === key);

  const titleField =
    hints.titleField ??
    ['name', 'title', 'code', 'number'].find((k) => top(k)?.type === 'string') ??
    fields.find((f) => f.type === 'string')?.key ??
    'id';
  const listColumns =
    hints.list?.columns ??
    [titleField, ...fields.filter((f) => scalar(f) && !f.hidden && f.key !== titleField).map((f) => f.key)].slice(0, 6);
  const defaultSort: SortSpec = hints.list?.sort ?? { field: 'updatedAt', direction: 'desc' };
  const unique = hints.unique ?? [];
  const wanted = [
    ...(hints.indexes ?? []),
    ...unique,
    hints.namingSeries?.field,
    defaultSort.field,
    titleField,
    ...fields.filter((f) => (f.ref || f.refs) && scalar(f)).map((f) => f.key),
    ...listColumns,
  ];
  const indexes = [...new Set(wanted)].filter((k): k is string => !!k && scalar(top(k))).slice(0, maxIndexedFields);
  const search = hints.search ?? listColumns.filter((k) => top(k)?.type === 'string' && !top(k)?.options);

  const labelOf = (path: (string | number)[]): LocalizedText => {
    const parts: LocalizedText[] = [];
    let list: FieldModel[] | undefined = fields;
    for (const step of path) {
      if (typeof step === 'number') {
        parts.push({ 'zh-CN': `第${step + 1}行`, en: `row ${step + 1}` });
        continue;
      }
      const f: FieldModel | undefined = list?.find((x) => x.key === step);
      parts.push(f?.label ?? systemLabels[step] ?? toText(undefined, humanize(step)));
      list = f?.children;
    }
    return { 'zh-CN': parts.map((p) => p['zh-CN']).join(' › '), en: parts.map((p) => p.en).join(' › ') };
  };
  // Only entities with a polymorphic field pay for the extra walk on every write.
  const polymorphic = (list: FieldModel[]): boolean =>
    list.some((f) => f.refs || f.item?.refs || polymorphic(f.children ?? []));
  const hasPolymorphic = polymorphic(fields);
  const validationSchema: JsonSchema = { ...schema, properties: { ...systemProperties, ...schema.properties } };
  let validate: (record: unknown) => ReturnType<Entity['validate']>;
  try {
    validate = createValidator(validationSchema, { labelOf });
  } catch (error) {
    throw new KehuSchemaError(source, [
      {
        pointer: '',
        message: {
          en: `JSON Schema does not compile: ${(error as Error).message}`,
          'zh-CN': `JSON Schema 无法编译：${(error as Error).message}`,
        },
      },
    ]);
  }

  return {
    name,
    label: toText(hints.label ?? schema.title, humanize(name)),
    pluralLabel: toText(hints.pluralLabel ?? hints.label ?? schema.title, humanize(name)),
    version: hints.version ?? 0,
    schema,
    source,
    titleField,
    subtitleFields: hints.subtitleFields ?? listColumns.filter((k) => k !== titleField).slice(0, 2),
    fields,
    sections: sectionsOf(
      hints,
      fields.filter((f) => !f.hidden),
    ),
    formLayout: hints.form?.layout ?? 'sections',
    listColumns,
    defaultSort,
    indexes,
    unique,
    search,
    namingSeries: hints.namingSeries,
    protectInUse: hints.protectInUse === true,
    field,
    validate: (record) => {
      const issues = validate(record);
      const wrongTargets = hasPolymorphic ? polymorphicIssues(fields, record, labelOf, issues) : [];
      return wrongTargets.length ? [...issues, ...wrongTargets] : issues;
    },
  };
}
