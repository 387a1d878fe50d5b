import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import customerSchema from '../../../../schemas/customer.schema.json';
import customerClassSchema from '../../../../schemas/customer-class.schema.json';
import customerLevelSchema from '../../../../schemas/customer-level.schema.json';
import '../store-provider/define.js';
import './define.js';

const entities = [customerSchema, customerClassSchema, customerLevelSchema] as JsonSchema[];

const importance = ['normal', 'normal', 'normal', 'important', 'vip'];
const types = ['consumer', 'consumer', 'consumer', 'b2b', 'channel', 'internal'];

/** Deterministic customers spread over two years, so every screenshot shows the same chart. */
function sampleCustomers(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `客户${i + 1}`,
    type: types[i % types.length],
    importance: importance[(i * 3) % importance.length],
    creditLimit: (i % 8) * 50000 + 0.5,
    salesRep: ['赵敏', '钱伟', '孙丽', ''][i % 4] || undefined,
    createdAt: new Date(Date.UTC(2025, (i * 7) % 24, (i % 27) + 1)).toISOString(),
  }));
}

async function storyStore(count: number): Promise<Store> {
  const store = await createStore({
    entities,
    storage: getRxStorageMemory(),
    name: `story-record-chart-${count}-${Math.random().toString(36).slice(2)}`,
  });
  if (count) await store.entity('customer').bulkInsert(sampleCustomers(count));
  return store;
}

interface Args {
  entity: string;
  locale: 'zh-CN' | 'en';
  type: string;
  groupBy: string;
  period: string;
  measure: string;
  heading: string;
  tableVisible: boolean;
  records: number;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-chart',
  component: 'kehu-record-chart',
  args: {
    entity: 'customer',
    locale: 'zh-CN',
    type: 'bar',
    groupBy: 'importance',
    period: '',
    measure: 'count',
    heading: '',
    tableVisible: false,
    records: 600,
  },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    type: { control: 'inline-radio', options: ['bar', 'line', 'pie'] },
    records: { control: false, description: 'Customers in the store (set per story)' },
  },
  loaders: [async ({ args }) => ({ store: await storyStore((args as Args).records) })],
  render: (args, { loaded }) => html`
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-record-chart
        entity=${args.entity}
        locale=${args.locale}
        type=${args.type}
        group-by=${args.groupBy || undefined}
        period=${args.period || undefined}
        measure=${args.measure}
        heading=${args.heading || undefined}
        ?table-visible=${args.tableVisible}
        style="max-width: 48rem; font-family: system-ui, sans-serif;"
      ></kehu-record-chart>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** Customers per importance, in the schema's order, in Chinese. */
export const Chinese: Story = {};

/** The same chart in English. */
export const English: Story = { args: { locale: 'en' } };

/** A pie of customer types. */
export const Pie: Story = { args: { type: 'pie', groupBy: 'type' } };

/** New customers per month (the system `createdAt`, on the viewer's local day), empty months shown. */
export const PerMonth: Story = { args: { type: 'line', groupBy: '', period: 'month:createdAt', locale: 'en' } };

/** Total credit limit per quarter and importance: one line per group, money in yuan. */
export const SumPerQuarter: Story = {
  args: { type: 'line', period: 'quarter:createdAt', measure: 'sum:creditLimit', locale: 'en' },
};

/** The data table shown under the chart (it is always there for screen readers). */
export const WithTable: Story = { args: { tableVisible: true, groupBy: 'salesRep' } };

/** A store without customers yet: the empty state. */
export const Empty: Story = { args: { records: 0 } };

/** A measure that does not exist: a console warning and the empty state, never an exception. */
export const BadMeasure: Story = { args: { measure: 'sum:colour', locale: 'en' } };
