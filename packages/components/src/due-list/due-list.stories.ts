import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type Store } from '@kehu/core';
import { shippedSchemas } from '../../../../.storybook/shipped-schemas.js';
import { generateSeed } from '../../../../examples/demo/seed/index.js';
import '../store-provider/define.js';
import './define.js';
import type { RecordActivateEvent } from '../record-list/record-activate-event.js';

/** The seed's "today": due dates are laid out around it. */
const TODAY = '2026-11-01';
const entities = shippedSchemas;

/** A store in memory with the demo's deterministic customers, their vehicles, documents and activities. */
async function storyStore(activities: number): Promise<Store> {
  const store = await createStore({
    entities,
    storage: getRxStorageMemory(),
    name: `story-due-list-${activities}-${Math.random().toString(36).slice(2)}`,
  });
  const seed = generateSeed({
    customers: 300,
    products: 80,
    documents: 200,
    opportunities: 100,
    activities,
    today: TODAY,
  });
  for (const name of ['customer', 'vehicle', 'product', 'document', 'opportunity', 'activity']) {
    if (seed[name].length) await store.entity(name).bulkInsert(seed[name], { batchSize: 1000 });
  }
  return store;
}

interface Args {
  entity: string;
  dateField: string;
  doneField: string;
  hideDone: boolean;
  view: 'agenda' | 'month';
  locale: 'zh-CN' | 'en';
  records: number;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-due-list',
  component: 'kehu-due-list',
  args: {
    entity: 'activity',
    dateField: 'dueDate',
    doneField: 'done',
    hideDone: false,
    view: 'agenda',
    locale: 'zh-CN',
    records: 600,
  },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    view: { control: 'inline-radio', options: ['agenda', 'month'] },
    records: { control: false, description: 'Activities in the store (set per story)' },
  },
  loaders: [async ({ args }) => ({ store: await storyStore((args as Args).records) })],
  render: (args, { loaded }) => html`
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-due-list
        entity=${args.entity}
        date-field=${args.dateField}
        done-field=${args.doneField}
        done-date-field=${args.doneField ? 'doneOn' : ''}
        ?hide-done=${args.hideDone}
        today=${TODAY}
        view=${args.view}
        locale=${args.locale}
        style="font-family: system-ui, sans-serif; max-width: 60rem;"
        @kehu-record-activate=${(event: RecordActivateEvent) => console.info('kehu-record-activate', event.detail)}
      ></kehu-due-list>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** Follow-ups and visits around the seed's today: overdue, today, this week, later; tick to mark done. */
export const Agenda: Story = {};

/** The agenda in English. */
export const AgendaEnglish: Story = { args: { locale: 'en' } };

/** The month calendar: arrow keys move between days, Page Up/Down between months. */
export const Month: Story = { args: { view: 'month' } };

/** The month calendar in English, done items hidden. */
export const MonthEnglish: Story = { args: { view: 'month', locale: 'en', hideDone: true } };

/** Another entity and date: business documents by due date (quote validity, delivery), no done field. */
export const DocumentsDue: Story = { args: { entity: 'document', dateField: 'dueDate', doneField: '' } };

/** Nothing scheduled. */
export const Empty: Story = { args: { records: 0, locale: 'en' } };
