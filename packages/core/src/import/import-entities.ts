import { defineEntity } from '../entity/define-entity.js';
import type { JsonSchema } from '../entity/types.js';

/** Name of the built-in entity that keeps each entity's last column mapping. */
export const IMPORT_MAPPING_ENTITY = 'kehu-import-mapping';
/** Name of the built-in entity that records import jobs and their checkpoints. */
export const IMPORT_JOB_ENTITY = 'kehu-import-job';

/** A saved column mapping: which header went to which field, for the next file of the same entity. */
export interface ImportMappingRecord {
  entity: string;
  columns: { header: string; field?: string }[];
}

/** An import job: what was imported how, and its checkpoint (`nextLine`) for resuming. */
export interface ImportJobRecord {
  entity: string;
  status: 'running' | 'cancelled' | 'failed' | 'done';
  mode: 'insert' | 'update' | 'upsert';
  key?: string;
  fileName?: string;
  fileSize?: number;
  /** SHA-256 (hex) of the file's first chunk: a re-selected file is the same one. */
  fileHash?: string;
  encoding?: string;
  headerLine: number;
  mapping: { header: string; field?: string }[];
  /** Rows before this file row are done; a resumed import starts here. */
  nextLine: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  finishedAt?: string;
}

const columns: JsonSchema = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    required: ['header'],
    additionalProperties: false,
    properties: { header: { type: 'string', maxLength: 500 }, field: { type: 'string', maxLength: 200 } },
  },
  'x-kehu': { label: { 'zh-CN': '列', en: 'Columns' } },
};
const count = (zh: string, en: string): JsonSchema => ({
  type: 'integer',
  minimum: 0,
  'x-kehu': { label: { 'zh-CN': zh, en } },
});

const mappingSchema: JsonSchema = {
  $id: IMPORT_MAPPING_ENTITY,
  type: 'object',
  required: ['entity', 'columns'],
  additionalProperties: false,
  'x-kehu': {
    label: { 'zh-CN': '导入列映射', en: 'Import mapping' },
    titleField: 'entity',
    indexes: ['entity'],
    list: { columns: ['entity'] },
  },
  properties: {
    entity: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '实体', en: 'Entity' } } },
    columns,
  },
};

const jobSchema: JsonSchema = {
  $id: IMPORT_JOB_ENTITY,
  type: 'object',
  required: ['entity', 'status', 'mode', 'headerLine', 'mapping', 'nextLine'],
  additionalProperties: false,
  'x-kehu': {
    label: { 'zh-CN': '导入任务', en: 'Import job' },
    titleField: 'fileName',
    indexes: ['entity', 'status'],
    list: { columns: ['fileName', 'entity', 'status', 'inserted', 'updated', 'rejected'] },
  },
  properties: {
    entity: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '实体', en: 'Entity' } } },
    status: {
      type: 'string',
      enum: ['running', 'cancelled', 'failed', 'done'],
      'x-kehu': {
        label: { 'zh-CN': '状态', en: 'Status' },
        enumLabels: {
          running: { 'zh-CN': '进行中', en: 'Running' },
          cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
          failed: { 'zh-CN': '失败', en: 'Failed' },
          done: { 'zh-CN': '完成', en: 'Done' },
        },
      },
    },
    mode: {
      type: 'string',
      enum: ['insert', 'update', 'upsert'],
      'x-kehu': { label: { 'zh-CN': '方式', en: 'Mode' } },
    },
    key: { type: 'string', maxLength: 200, 'x-kehu': { label: { 'zh-CN': '匹配字段', en: 'Key field' } } },
    fileName: { type: 'string', maxLength: 500, 'x-kehu': { label: { 'zh-CN': '文件', en: 'File' } } },
    fileSize: count('文件大小', 'File size'),
    fileHash: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '文件指纹', en: 'File hash' } } },
    encoding: { type: 'string', maxLength: 20, 'x-kehu': { label: { 'zh-CN': '编码', en: 'Encoding' } } },
    headerLine: count('表头行', 'Header row'),
    mapping: columns,
    nextLine: count('续导起始行', 'Next row'),
    inserted: count('新增', 'Inserted'),
    updated: count('更新', 'Updated'),
    unchanged: count('未变', 'Unchanged'),
    rejected: count('拒绝', 'Rejected'),
    finishedAt: {
      type: 'string',
      format: 'date-time',
      maxLength: 40,
      'x-kehu': { label: { 'zh-CN': '完成时间', en: 'Finished' } },
    },
  },
};

/** The built-in entities imports keep their state in; every store has them (see `createStore`). */
export const importEntities = [
  defineEntity(mappingSchema, `built-in:${IMPORT_MAPPING_ENTITY}`),
  defineEntity(jobSchema, `built-in:${IMPORT_JOB_ENTITY}`),
];
