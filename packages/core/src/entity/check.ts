import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { generatesCode } from '../validation/validator.js';
import { interpret, type ValidateFunctionLike } from '../validation/interpret.js';
import type { SchemaProblem } from '../errors/errors.js';
import type { JsonSchema, KehuEntityHints } from './types.js';
import { kehuEntityMetaSchema } from './meta-schema.js';
import { closest } from './names.js';
import { kehuFormats } from '../validation/formats.js';
import { jsonType, resolveRef } from './field-model.js';
import { formulaProblems } from '../formula/check-formulas.js';

/** How many fields of one entity can be indexed (the store's index slots). */
export const maxIndexedFields = 6;

const keywords = [
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$comment',
  '$vocabulary',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'required',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'minProperties',
  'maxProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'contains',
  'minContains',
  'maxContains',
  'minItems',
  'maxItems',
  'uniqueItems',
  'unevaluatedItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
];
const keywordSet = new Set(keywords);
const subschemaMaps = ['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas'];
const subschemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const subschemaSingles = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'additionalItems',
];

/** Formats ajv-formats and Kehu check; any other name would be ignored silently, so it is a problem. */
export const knownFormats = [
  ...Object.keys(kehuFormats),
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
];

let metaValidator: ValidateFunctionLike | undefined;

function problem(pointer: string, en: string, zh: string): SchemaProblem {
  return { pointer, message: { en, 'zh-CN': zh } };
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Keywords within two edits of a real one are typos (`maxLenght`); other unknown keys are the integrator's own. */
function typos(schema: unknown, pointer: string, out: SchemaProblem[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'format' && typeof value === 'string' && !knownFormats.includes(value)) {
      const guess = closest(value, knownFormats);
      out.push(
        problem(
          `${pointer}/format`,
          `unknown format "${value}"${guess ? `: did you mean "${guess}"?` : `; known formats: ${knownFormats.join(', ')}`}`,
          `未知格式「${value}」${guess ? `：是否应为「${guess}」？` : `；可用格式：${knownFormats.join('、')}`}`,
        ),
      );
    }
    if (!keywordSet.has(key) && !key.startsWith('x-')) {
      const guess = closest(key, keywords);
      if (guess) {
        out.push(
          problem(
            `${pointer}/${escape(key)}`,
            `unknown keyword "${key}": did you mean "${guess}"?`,
            `未知关键字「${key}」：是否应为「${guess}」？`,
          ),
        );
      }
    }
    if (subschemaMaps.includes(key) && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value)) typos(sub, `${pointer}/${key}/${escape(name)}`, out);
    } else if (subschemaLists.includes(key) && Array.isArray(value)) {
      value.forEach((sub, i) => typos(sub, `${pointer}/${key}/${i}`, out));
    } else if (subschemaSingles.includes(key)) {
      typos(value, `${pointer}/${key}`, out);
    }
  }
}

function metaProblems(errors: ErrorObject[]): SchemaProblem[] {
  return errors
    .filter((e) => !['anyOf', 'if'].includes(e.keyword))
    .map((e) => {
      if (e.keyword === 'additionalProperties') {
        const extra = String(e.params.additionalProperty);
        const allowed = Object.keys((e.parentSchema as JsonSchema)?.properties ?? {});
        const guess = closest(extra, allowed);
        return problem(
          `${e.instancePath}/${escape(extra)}`,
          `"${extra}" is not a Kehu hint here${guess ? `: did you mean "${guess}"?` : `; allowed: ${allowed.join(', ')}`}`,
          `此处不支持「${extra}」${guess ? `：是否应为「${guess}」？` : `；可用：${allowed.join('、')}`}`,
        );
      }
      return problem(e.instancePath, `${e.message ?? 'is invalid'}`, `不符合要求：${e.message ?? ''}`);
    });
}

/** Every problem with an entity schema, each with a JSON pointer and a fix; [] when usable. */
export function checkEntitySchema(schema: unknown): SchemaProblem[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    return [
      problem(
        '',
        'an entity schema must be a JSON object with "type": "object" and "properties"',
        '实体定义必须是 JSON 对象，包含 "type": "object" 和 "properties"',
      ),
    ];
  }
  // Interpreted where code generation is refused or unwanted (a page under a strict CSP).
  metaValidator ??= generatesCode()
    ? new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(kehuEntityMetaSchema)
    : interpret(kehuEntityMetaSchema as JsonSchema, { draft: '2020', formats: {} });
  const out: SchemaProblem[] = [];
  if (!metaValidator(schema)) out.push(...metaProblems(metaValidator.errors ?? []));
  typos(schema, '', out);
  if (out.length) return out;
  semantic(schema as JsonSchema, out);
  return out;
}

function semantic(root: JsonSchema, out: SchemaProblem[]): void {
  const properties = root.properties ?? {};
  const names = Object.keys(properties);
  const system = ['id', 'createdAt', 'updatedAt'];
  const known = [...names, ...system];
  (root.required ?? []).forEach((name, i) => {
    if (!properties[name]) {
      const guess = closest(name, names);
      out.push(
        problem(
          `/required/${i}`,
          `"${name}" is required but not a property${guess ? `: did you mean "${guess}"?` : ''}`,
          `「${name}」被列为必填，但没有这个属性${guess ? `：是否应为「${guess}」？` : ''}`,
        ),
      );
    }
  });
  const hints = (root['x-kehu'] ?? {}) as KehuEntityHints;
  const fieldRef = (pointer: string, name: string, scalar: boolean) => {
    const property = properties[name];
    if (!property && !system.includes(name)) {
      const guess = closest(name, known);
      out.push(
        problem(
          pointer,
          `"${name}" is not a property of this entity${guess ? `: did you mean "${guess}"?` : ''}`,
          `「${name}」不是该实体的属性${guess ? `：是否应为「${guess}」？` : ''}`,
        ),
      );
    } else if (
      property &&
      scalar &&
      !['string', 'number', 'integer', 'boolean'].includes(jsonType(resolveRef(property, root)))
    ) {
      out.push(
        problem(
          pointer,
          `"${name}" cannot be indexed, sorted or made unique: only string, number, integer and boolean fields can`,
          `「${name}」不能建索引、排序或设为唯一：只支持字符串、数字和布尔字段`,
        ),
      );
    }
  };
  hints.list?.columns?.forEach((name, i) => fieldRef(`/x-kehu/list/columns/${i}`, name, false));
  if (hints.list?.sort) fieldRef('/x-kehu/list/sort/field', hints.list.sort.field, true);
  hints.indexes?.forEach((name, i) => fieldRef(`/x-kehu/indexes/${i}`, name, true));
  hints.unique?.forEach((name, i) => fieldRef(`/x-kehu/unique/${i}`, name, true));
  hints.search?.forEach((name, i) => fieldRef(`/x-kehu/search/${i}`, name, false));
  hints.subtitleFields?.forEach((name, i) => fieldRef(`/x-kehu/subtitleFields/${i}`, name, false));
  if (hints.titleField) fieldRef('/x-kehu/titleField', hints.titleField, false);
  if (hints.namingSeries) fieldRef('/x-kehu/namingSeries/field', hints.namingSeries.field, true);
  for (const name of Object.keys(hints.lockedWhen ?? {})) fieldRef(`/x-kehu/lockedWhen/${name}`, name, true);
  for (const [role, name] of Object.entries(hints.ownership ?? {})) fieldRef(`/x-kehu/ownership/${role}`, name, true);
  hints.ranges?.forEach((range, i) => {
    fieldRef(`/x-kehu/ranges/${i}/from`, range.from, true);
    fieldRef(`/x-kehu/ranges/${i}/to`, range.to, true);
  });
  hints.form?.sections?.forEach((section, s) =>
    section.fields.forEach((name, i) => fieldRef(`/x-kehu/form/sections/${s}/fields/${i}`, name, false)),
  );
  out.push(...formulaProblems(root));
  const explicit = new Set([...(hints.indexes ?? []), ...(hints.unique ?? [])]);
  if (explicit.size > maxIndexedFields) {
    out.push(
      problem(
        '/x-kehu/indexes',
        `at most ${maxIndexedFields} fields can be indexed (indexes and unique together); remove ${explicit.size - maxIndexedFields}`,
        `最多只能为 ${maxIndexedFields} 个字段建索引（含唯一字段）；请删去 ${explicit.size - maxIndexedFields} 个`,
      ),
    );
  }
  for (const [name, property] of Object.entries(properties)) {
    const field = resolveRef(property, root);
    const ref = (field['x-kehu'] as { ref?: unknown } | undefined)?.ref;
    if (Array.isArray(ref) && jsonType(field) !== 'string') {
      out.push(
        problem(
          `/properties/${escape(name)}/type`,
          `"${name}" points to several entities, so its value is the text "entity:id": make it "type": "string"`,
          `「${name}」可指向多个实体，其值为文本“实体:ID”：请设为 "type": "string"`,
        ),
      );
    }
    const labels = (field['x-kehu'] as { enumLabels?: Record<string, unknown> } | undefined)?.enumLabels;
    if (labels) {
      const values = (field.enum ?? []).map(String);
      for (const key of Object.keys(labels)) {
        if (!values.includes(key)) {
          out.push(
            problem(
              `/properties/${escape(name)}/x-kehu/enumLabels/${escape(key)}`,
              `"${key}" is not one of the enum values (${values.join(', ')})`,
              `「${key}」不是枚举值之一（${values.join('、')}）`,
            ),
          );
        }
      }
    }
  }
}
