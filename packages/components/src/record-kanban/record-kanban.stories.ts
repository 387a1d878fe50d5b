import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type Selector, type Store } from '@kehu/core';
import { shippedSchemas } from '../../../../.storybook/shipped-schemas.js';
import { generateSeed } from '../../../../examples/demo/seed/index.js';
import '../store-provider/define.js';
import './define.js';
import type { RecordActivateEvent } from '../record-list/record-activate-event.js';
import type { RecordMoveEvent } from './record-move-event.js';

const entities = shippedSchemas;

/** A store in memory with the demo's deterministic customers, products and `count` opportunities. */
async function storyStore(count: number): Promise<Store> {
  const store = await createStore({
    entities,
    storage: getRxStorageMemory(),
    name: `story-record-kanban-${count}-${Math.random().toString(36).slice(2)}`,
  });
  const seed = generateSeed({ customers: 300, products: 80, documents: 0, opportunities: count, activities: 0 });
  for (const name of ['customer', 'product', 'opportunity']) {
    if (seed[name].length) await store.entity(name).bulkInsert(seed[name], { batchSize: 1000 });
  }
  return store;
}

interface Args {
  entity: string;
  groupBy: string;
  sumField: string;
  locale: 'zh-CN' | 'en';
  selector?: Selector;
  records: number;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-kanban',
  component: 'kehu-record-kanban',
  args: { entity: 'opportunity', groupBy: 'stage', sumField: 'amount', locale: 'zh-CN', records: 400 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    records: { control: false, description: 'Opportunities in the store (set per story)' },
  },
  loaders: [async ({ args }) => ({ store: await storyStore((args as Args).records) })],
  render: (args, { loaded }) => html`
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-record-kanban
        entity=${args.entity}
        group-by=${args.groupBy}
        sum-field=${args.sumField}
        locale=${args.locale}
        .selector=${args.selector}
        style="font-family: system-ui, sans-serif;"
        @kehu-record-activate=${(event: RecordActivateEvent) => console.info('kehu-record-activate', event.detail)}
        @kehu-record-move=${(event: RecordMoveEvent) => console.info('kehu-record-move', event.detail)}
      ></kehu-record-kanban>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** 400 opportunities by stage with amount sums; drag a card, or Space / ← → / Space with the keyboard. */
export const Chinese: Story = {};

/** The same board in English. */
export const English: Story = { args: { locale: 'en' } };

/** One sales rep's pipeline, through `selector`. */
export const OneOwner: Story = { args: { selector: { owner: '张伟' } } };

/** 20,000 opportunities: each column renders its first 50 cards, with "show more". */
export const ManyRecords: Story = { args: { records: 20000 } };

/** No opportunities yet: every column says so. */
export const Empty: Story = { args: { records: 0, locale: 'en' } };

/** `group-by` naming a field that is not an enum: a console warning and no columns, never an exception. */
export const BadGroupBy: Story = { args: { groupBy: 'name' } };
