import { defineEntity } from '../entity/define-entity.js';
import type { JsonSchema } from '../entity/types.js';

/** Name of the built-in entity that keeps the edits a sync could not apply. */
export const CONFLICT_ENTITY = 'kehu-conflict';

/** One field of a conflict; values are JSON text (any field type fits, `undefined` is absent). */
export type ConflictField = {
  field: string;
  /** This client's value, which the record does not hold. */
  local?: string;
  /** The value the record holds (the server's). */
  server?: string;
  /** The value both sides started from. */
  base?: string;
};

/**
 * An edit of this client a sync could not apply: `edit` — another user changed the same fields
 * (the record keeps their values); `refused` — the server refused the write (`reason`);
 * `duplicate` — a record arrived whose unique value another record already holds (`fields` names the
 * field and the value, `reason` both records; decision 0012). Kept as a
 * record of the built-in `kehu-conflict` entity on this client only (never replicated), until the
 * user picks per field with `store.conflicts.resolve`. Conflicts the server found carry `readers`
 * and do replicate (see `readers`).
 */
export type ConflictRecord = {
  entity: string;
  recordId: string;
  kind: 'edit' | 'refused' | 'duplicate';
  status: 'open' | 'resolved';
  fields: ConflictField[];
  /** The server's refusal, `English / 中文`. */
  reason?: string;
  detectedAt: string;
  resolvedAt?: string;
  /** Per field, which value the user kept. */
  choices?: Record<string, 'local' | 'server'>;
  /**
   * Set on conflicts the sync server found (two users' databases brought the same field changed
   * two ways together, decision 0007): the users who can read the record. Such a conflict
   * replicates to each of them and is resolved once, by any of them; `local` is the value that lost
   * (not necessarily this user's), `server` the one the record kept.
   */
  readers?: string[];
};

const json = (en: string, zh: string) => ({
  type: 'string',
  maxLength: 100000,
  'x-kehu': { label: { 'zh-CN': zh, en } },
});

const schema: JsonSchema = {
  $id: CONFLICT_ENTITY,
  title: 'Sync conflict',
  type: 'object',
  required: ['entity', 'recordId', 'kind', 'status', 'fields', 'detectedAt'],
  additionalProperties: false,
  'x-kehu': {
    label: { 'zh-CN': '同步冲突', en: 'Sync conflict' },
    pluralLabel: { 'zh-CN': '同步冲突', en: 'Sync conflicts' },
    titleField: 'recordId',
    indexes: ['status', 'entity', 'recordId'],
    list: {
      columns: ['entity', 'recordId', 'kind', 'status', 'detectedAt'],
      sort: { field: 'detectedAt', direction: 'desc' },
    },
  },
  properties: {
    entity: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '实体', en: 'Entity' } } },
    recordId: { type: 'string', maxLength: 128, 'x-kehu': { label: { 'zh-CN': '记录', en: 'Record' } } },
    kind: {
      type: 'string',
      enum: ['edit', 'refused', 'duplicate'],
      'x-kehu': { label: { 'zh-CN': '类型', en: 'Kind' } },
    },
    status: {
      type: 'string',
      enum: ['open', 'resolved'],
      'x-kehu': { label: { 'zh-CN': '状态', en: 'Status' } },
    },
    fields: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', maxLength: 128, 'x-kehu': { label: { 'zh-CN': '字段', en: 'Field' } } },
          local: json('My value', '我的值'),
          server: json('Server value', '服务器的值'),
          base: json('Earlier value', '原值'),
        },
      },
      'x-kehu': { label: { 'zh-CN': '字段', en: 'Fields' } },
    },
    reason: { type: 'string', maxLength: 2000, 'x-kehu': { label: { 'zh-CN': '原因', en: 'Reason' } } },
    detectedAt: { type: 'string', format: 'date-time', 'x-kehu': { label: { 'zh-CN': '发现时间', en: 'Detected' } } },
    resolvedAt: { type: 'string', format: 'date-time', 'x-kehu': { label: { 'zh-CN': '解决时间', en: 'Resolved' } } },
    readers: {
      type: 'array',
      maxItems: 10000,
      items: { type: 'string', maxLength: 256 },
      'x-kehu': { label: { 'zh-CN': '可见用户', en: 'Seen by' } },
    },
    choices: {
      type: 'object',
      additionalProperties: { type: 'string', enum: ['local', 'server'] },
      'x-kehu': { label: { 'zh-CN': '选择', en: 'Choices' } },
    },
  },
};

/** The compiled built-in entity; every store has it unless the caller defines `kehu-conflict` itself. */
export const conflictEntity = defineEntity(schema, 'built-in:kehu-conflict');
