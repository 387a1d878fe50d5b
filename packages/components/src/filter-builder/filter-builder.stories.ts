import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type FilterGroup, type JsonSchema, type Store } from '@kehu/core';
import customerSchema from '../../../../schemas/customer.schema.json';
import customerClassSchema from '../../../../schemas/customer-class.schema.json';
import customerLevelSchema from '../../../../schemas/customer-level.schema.json';
import './define.js';
import type { FilterChangeEvent } from './filter-change-event.js';

interface Args {
  entity: string;
  locale: 'zh-CN' | 'en';
  value?: FilterGroup;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-filter-builder',
  component: 'kehu-filter-builder',
  args: { entity: 'customer', locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  loaders: [
    async () => ({
      store: await createStore({
        entities: [customerSchema, customerClassSchema, customerLevelSchema] as JsonSchema[],
        storage: getRxStorageMemory(),
        name: `story-filter-${Math.random().toString(36).slice(2)}`,
      }),
    }),
  ],
  render: (args, { loaded }) =>
    html`<kehu-filter-builder
      entity=${args.entity}
      locale=${args.locale}
      .store=${loaded.store as Store}
      .value=${args.value}
      style="max-width: 48rem; font-family: system-ui, sans-serif;"
      @kehu-filter-change=${(event: FilterChangeEvent) => console.info('kehu-filter-change', event.detail.filter)}
    ></kehu-filter-builder>`,
};

export default meta;
type Story = StoryObj<Args>;

const sample: FilterGroup = {
  match: 'all',
  conditions: [
    { field: 'importance', op: 'in', value: ['vip', 'important'] },
    { field: 'creditLimit', op: 'between', value: [50000, 500000] },
    {
      match: 'any',
      conditions: [
        { field: 'name', op: 'contains', value: '汽车' },
        { field: 'type', op: 'eq', value: 'b2b' },
      ],
    },
  ],
};

/** No conditions yet. */
export const Empty: Story = {};

/** Conditions of every kind with a nested OR group, in Chinese. */
export const Chinese: Story = { args: { value: sample } };

/** The same filter in English. */
export const English: Story = { args: { value: sample, locale: 'en' } };

/** A misspelt entity: a message, not an exception. */
export const UnknownEntity: Story = { args: { entity: 'costomer' } };
