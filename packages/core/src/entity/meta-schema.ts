import type { JsonSchema } from './types.js';

const localized = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
      additionalProperties: false,
      minProperties: 1,
    },
  ],
};

const fieldName = { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' };

/**
 * Kehu's meta-schema for entity files: what `x-kehu` may say, on the root and on properties.
 * Editors can use it for completion; `kehu check` and `defineEntity` validate against it.
 */
export const kehuEntityMetaSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://kehu.dev/schemas/entity.meta.json',
  title: 'Kehu entity schema',
  type: 'object',
  required: ['properties'],
  properties: {
    type: { const: 'object' },
    properties: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/$defs/property' } },
    required: { type: 'array', items: { type: 'string' } },
    $defs: { type: 'object', additionalProperties: { $ref: '#/$defs/property' } },
    definitions: { type: 'object', additionalProperties: { $ref: '#/$defs/property' } },
    'x-kehu': { $ref: '#/$defs/entityHints' },
  },
  $defs: {
    localized,
    property: {
      type: ['object', 'boolean'],
      properties: {
        properties: { type: 'object', additionalProperties: { $ref: '#/$defs/property' } },
        items: { $ref: '#/$defs/property' },
        required: { type: 'array', items: { type: 'string' } },
        'x-kehu': { $ref: '#/$defs/fieldHints' },
      },
    },
    fieldHints: {
      type: 'object',
      additionalProperties: false,
      properties: {
        label: localized,
        help: localized,
        placeholder: localized,
        widget: { type: 'string', minLength: 1 },
        // One entity name, or a list of them for a polymorphic reference (the keywords each apply to one type).
        ref: {
          type: ['string', 'array'],
          pattern: '^[a-z][a-z0-9-]{0,62}$',
          items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
          minItems: 1,
          uniqueItems: true,
        },
        enumLabels: { type: 'object', additionalProperties: localized },
        sensitive: { type: 'boolean' },
        access: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
        hidden: { type: 'boolean' },
        formula: { type: 'string', minLength: 1, maxLength: 500 },
        visibleWhen: {
          type: 'object',
          additionalProperties: false,
          required: ['field'],
          minProperties: 2,
          properties: {
            field: fieldName,
            in: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 },
            notIn: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 },
            equals: { type: ['string', 'number', 'boolean'] },
          },
        },
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
        normalize: { enum: ['name', 'phone', 'address', 'id', 'code'] },
      },
    },
    entityHints: {
      type: 'object',
      additionalProperties: false,
      properties: {
        entity: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
        label: localized,
        pluralLabel: localized,
        version: { type: 'integer', minimum: 0 },
        titleField: fieldName,
        subtitleFields: { type: 'array', items: fieldName },
        list: {
          type: 'object',
          additionalProperties: false,
          properties: {
            columns: { type: 'array', items: fieldName, minItems: 1 },
            sort: {
              type: 'object',
              additionalProperties: false,
              required: ['field', 'direction'],
              properties: { field: fieldName, direction: { enum: ['asc', 'desc'] } },
            },
          },
        },
        form: {
          type: 'object',
          additionalProperties: false,
          properties: {
            layout: { enum: ['tabs', 'sections'] },
            sections: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'fields'],
                properties: { id: { type: 'string' }, label: localized, fields: { type: 'array', items: fieldName } },
              },
            },
          },
        },
        indexes: { type: 'array', items: fieldName },
        unique: { type: 'array', items: fieldName },
        search: { type: 'array', items: fieldName },
        protectInUse: { type: 'boolean' },
        match: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['fields'],
            properties: {
              fields: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$.]*$' } },
              weight: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
            },
          },
        },
        lockedWhen: {
          type: 'object',
          minProperties: 1,
          propertyNames: fieldName,
          additionalProperties: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 },
        },
        ranges: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'to'],
            properties: { from: fieldName, to: fieldName },
          },
        },
        ownership: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { owner: fieldName, assignee: fieldName, organisation: fieldName },
        },
        namingSeries: {
          type: 'object',
          additionalProperties: false,
          required: ['field', 'pattern'],
          properties: { field: fieldName, pattern: { type: 'string', pattern: '\\{#+\\}' } },
        },
      },
    },
  },
};
