import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type FilterGroup, type JsonSchema, type Store } from '@kehu/core';
import customerSchema from '../../../../schemas/customer.schema.json';
import customerClassSchema from '../../../../schemas/customer-class.schema.json';
import customerLevelSchema from '../../../../schemas/customer-level.schema.json';
import '../store-provider/define.js';
import './define.js';
import type { RecordActivateEvent } from './record-activate-event.js';

const entities = [customerSchema, customerClassSchema, customerLevelSchema] as JsonSchema[];

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const given = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];
const companies = [
  '华信汽车贸易有限公司',
  '东方物流股份有限公司',
  '新锐科技有限公司',
  '广源商贸有限公司',
  '恒达建设集团',
];
const types = ['consumer', 'consumer', 'consumer', 'b2b', 'channel', 'internal'];
const importance = ['normal', 'normal', 'normal', 'important', 'vip'];

/** Deterministic customers, so every screenshot of a story shows the same rows. */
function sampleCustomers(count: number, levels: string[]): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const person =
      surnames[(i * 7) % surnames.length] +
      given[(i * 13) % given.length] +
      (i % 3 ? given[(i * 5) % given.length] : '');
    return {
      name: type === 'consumer' ? person : `${surnames[i % surnames.length]}${companies[i % companies.length]}`,
      type,
      importance: importance[(i * 3) % importance.length],
      level: levels[i % levels.length],
      mobile: `13${String(800000000 + ((i * 7919) % 100000000)).padStart(9, '0')}`,
      creditLimit: (i % 8) * 50000,
      salesRep: ['赵敏', '钱伟', '孙丽'][i % 3],
    };
  });
}

/** A store in memory (nothing persists between stories), seeded with `count` customers. */
async function storyStore(count: number): Promise<Store> {
  const store = await createStore({
    entities,
    storage: getRxStorageMemory(),
    name: `story-record-list-${count}-${Math.random().toString(36).slice(2)}`,
  });
  const levels = await Promise.all(
    [
      { code: 'A', name: '金卡', rank: 1 },
      { code: 'B', name: '银卡', rank: 2 },
      { code: 'C', name: '普通', rank: 3 },
    ].map((level) => store.entity('customer-level').insert(level)),
  );
  await store.entity('customer').bulkInsert(
    sampleCustomers(
      count,
      levels.map((level) => level.id),
    ),
  );
  return store;
}

interface Args {
  entity: string;
  locale: 'zh-CN' | 'en';
  search: string;
  columns: string;
  records: number;
  selectable: boolean;
  editable: boolean;
  minimal: boolean;
  filter?: FilterGroup;
  maxScrollRows?: number;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-list',
  component: 'kehu-record-list',
  args: {
    entity: 'customer',
    locale: 'zh-CN',
    search: '',
    columns: '',
    records: 1000,
    selectable: false,
    editable: false,
    minimal: false,
  },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    records: { control: false, description: 'Customers in the store (set per story)' },
  },
  loaders: [async ({ args }) => ({ store: await storyStore((args as Args).records) })],
  render: (args, { loaded }) => html`
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-record-list
        entity=${args.entity}
        locale=${args.locale}
        .search=${args.search}
        ?selectable=${args.selectable}
        ?editable=${args.editable}
        ?minimal=${args.minimal}
        .filter=${args.filter}
        max-scroll-rows=${args.maxScrollRows ?? 500000}
        .columns=${args.columns ? args.columns.split(/[\s,]+/) : undefined}
        style="--kehu-record-list-height: 28rem; font-family: system-ui, sans-serif;"
        @kehu-record-activate=${(event: RecordActivateEvent) => console.info('kehu-record-activate', event.detail)}
      ></kehu-record-list>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** 1,000 customers from the shipped schema, in Chinese: sort by a header, search, open a row. */
export const Chinese: Story = {};

/** The same list in English. */
export const English: Story = { args: { locale: 'en' } };

/** Quick search over code, name and mobile; every word must match. */
export const Searching: Story = { args: { search: '王' } };

/** Columns chosen by the host instead of the schema's list columns. */
export const ChosenColumns: Story = { args: { locale: 'en', columns: 'name level creditLimit' } };

/** 20,000 customers: only the rows in view are in the DOM, pages load as the list scrolls. */
export const ManyRecords: Story = { args: { records: 20000 } };

/** A store without customers yet. */
export const Empty: Story = { args: { records: 0 } };

/** A misspelt entity: the element names the entities the store knows instead of throwing. */
export const UnknownEntity: Story = { args: { entity: 'costomer', records: 0 } };

/** The same message in English. */
export const UnknownEntityEnglish: Story = { args: { entity: 'costomer', records: 0, locale: 'en' } };

/** A filter set by the host (VIP customers with a credit limit of at least 100,000); open 筛选 to change it. */
export const Filtered: Story = {
  args: {
    filter: {
      match: 'all',
      conditions: [
        { field: 'importance', op: 'eq', value: 'vip' },
        { field: 'creditLimit', op: 'gte', value: 100000 },
      ],
    },
  },
};

/** Checkboxes and bulk actions: set a field, delete, export the selected records. */
export const Selectable: Story = { args: { selectable: true } };

/** Selectable in English. */
export const SelectableEnglish: Story = { args: { selectable: true, locale: 'en' } };

/** Cells edit in place: focus a row, → into its cells, F2 or Enter to edit, Enter to save. */
export const InlineEditing: Story = { args: { editable: true, locale: 'en' } };

/** Only search and count, for compact related lists. */
export const Minimal: Story = { args: { minimal: true, records: 30 } };

/** Rows shown in windows of 200 (as a million rows are, in windows of 500,000). */
export const RowWindows: Story = { args: { maxScrollRows: 200, locale: 'en' } };
