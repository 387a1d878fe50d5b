import { defineEntity } from '../entity/define-entity.js';
import type { JsonSchema, SortSpec } from '../entity/types.js';
import type { FilterGroup } from '../filter/filter.js';

/** Name of the built-in entity that holds saved list views. */
export const SAVED_VIEW_ENTITY = 'kehu-view';

/**
 * A list view a user saved: which entity, columns and their widths, sort, filter and search. Stored
 * as an ordinary record of the built-in `kehu-view` entity, so views are validated, audited and
 * synced like any other data, and a host can list or edit them with the usual elements.
 */
export interface SavedView {
  /** The entity the view lists. */
  entity: string;
  /** What the user called it, e.g. "北京 VIP 客户". */
  name: string;
  columns?: string[];
  /** Column widths in pixels by field key. */
  widths?: Record<string, number>;
  sort?: SortSpec;
  filter?: FilterGroup;
  search?: string;
  /** Who saved it (`store.user.id`); views without an owner are shared. */
  owner?: string;
}

const schema: JsonSchema = {
  $id: SAVED_VIEW_ENTITY,
  title: 'Saved list view',
  type: 'object',
  required: ['entity', 'name'],
  additionalProperties: false,
  'x-kehu': {
    label: { 'zh-CN': '列表视图', en: 'Saved view' },
    pluralLabel: { 'zh-CN': '列表视图', en: 'Saved views' },
    titleField: 'name',
    indexes: ['entity', 'name'],
    list: { columns: ['name', 'entity', 'owner'], sort: { field: 'name', direction: 'asc' } },
  },
  properties: {
    entity: { type: 'string', maxLength: 64, 'x-kehu': { label: { 'zh-CN': '实体', en: 'Entity' } } },
    name: { type: 'string', minLength: 1, maxLength: 80, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } },
    columns: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', maxLength: 128 },
      'x-kehu': { label: { 'zh-CN': '列', en: 'Columns' } },
    },
    widths: {
      type: 'object',
      additionalProperties: { type: 'number', minimum: 24, maximum: 2000 },
      'x-kehu': { label: { 'zh-CN': '列宽', en: 'Column widths' } },
    },
    sort: {
      type: 'object',
      required: ['field', 'direction'],
      properties: {
        field: { type: 'string', maxLength: 128 },
        direction: { type: 'string', enum: ['asc', 'desc'] },
      },
      'x-kehu': { label: { 'zh-CN': '排序', en: 'Sort' } },
    },
    filter: {
      type: 'object',
      required: ['match', 'conditions'],
      properties: {
        match: { type: 'string', enum: ['all', 'any'] },
        conditions: { type: 'array', maxItems: 50, items: { type: 'object' } },
      },
      'x-kehu': { label: { 'zh-CN': '筛选', en: 'Filter' } },
    },
    search: { type: 'string', maxLength: 200, 'x-kehu': { label: { 'zh-CN': '搜索', en: 'Search' } } },
    owner: { type: 'string', maxLength: 128, 'x-kehu': { label: { 'zh-CN': '所有者', en: 'Owner' } } },
  },
};

/** The compiled built-in entity; every store has it unless the caller defines `kehu-view` itself. */
export const savedViewEntity = defineEntity(schema, 'built-in:kehu-view');
