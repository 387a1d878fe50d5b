import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, csvText, type Store } from '@kehu/core';
import { shippedSchemas } from '../../../../.storybook/shipped-schemas.js';
import { generateSeed } from '../../../../examples/demo/seed/index.js';
import '../store-provider/define.js';
import './define.js';
import type { ImportDoneEvent } from './import-events.js';

/** A store in memory with a few seeded customers, so update and upsert by code have records to find. */
async function storyStore(customers: number): Promise<Store> {
  const store = await createStore({
    entities: shippedSchemas,
    storage: getRxStorageMemory(),
    name: `story-import-${Math.random().toString(36).slice(2)}`,
  });
  const seed = generateSeed({
    customers,
    products: 0,
    documents: 0,
    opportunities: 0,
    activities: 0,
    today: '2026-11-01',
  });
  if (customers) await store.entity('customer').bulkInsert(seed.customer.slice(0, customers));
  return store;
}

/** A sample file to download and drop back in: a title row, blank lines, mixed spellings and bad rows. */
const sample = csvText([
  ['客户名单（示例）'],
  [],
  ['客户编码', '客户名称', '客户类型', '手机', '信用额度', '备注'],
  ['C100001', '张三', '个人', '+86 138-0013-8000', '50,000', '<script>alert(1)</script>'],
  ['C100002', '广州华信贸易有限公司', '企业', '１３９１２３４５６７８', '1,200,000', ''],
  ['C100003', '', '个人', '13800138001', '', '缺少名称'],
  ['C100004', '李四', '外星人', '12345', '', '类型和手机都不对'],
]);

interface Args {
  entity: string;
  locale: 'zh-CN' | 'en';
  mode: 'insert' | 'update' | 'upsert';
  customers: number;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-import-wizard',
  component: 'kehu-import-wizard',
  args: { entity: 'customer', locale: 'zh-CN', mode: 'insert', customers: 20 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    mode: { control: 'inline-radio', options: ['insert', 'update', 'upsert'] },
    entity: { control: 'inline-radio', options: ['customer', 'vehicle', 'product'] },
    customers: { control: false },
  },
  loaders: [async ({ args }) => ({ store: await storyStore((args as Args).customers) })],
  render: (args, { loaded }) => html`
    <p style="font-family: system-ui, sans-serif">
      <a href=${URL.createObjectURL(new Blob([sample], { type: 'text/csv' }))} download="customers-sample.csv">
        ${args.locale === 'en' ? 'Download a sample file' : '下载示例文件'}
      </a>
    </p>
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-import-wizard
        entity=${args.entity}
        locale=${args.locale}
        mode=${args.mode}
        style="font-family: system-ui, sans-serif; max-width: 60rem;"
        @kehu-import-done=${(event: ImportDoneEvent) => console.info('kehu-import-done', event.detail)}
      ></kehu-import-wizard>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** Customers, in Chinese: choose or drop a CSV (UTF-8 or GBK) or XLSX file. */
export const Customers: Story = {};

/** The same in English. */
export const CustomersEnglish: Story = { args: { locale: 'en' } };

/** Update existing customers found by their code. */
export const UpdateByCode: Story = { args: { mode: 'update', locale: 'en' } };

/** Vehicles: the owner column takes customer codes, dates may be spelled any certain way. */
export const Vehicles: Story = { args: { entity: 'vehicle' } };
