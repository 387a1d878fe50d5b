import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import '../store-provider/define.js';
import './define.js';

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户', en: 'Customer' },
    titleField: 'name',
    subtitleFields: ['code', 'city'],
    search: ['name', 'code'],
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } },
    code: { type: 'string', maxLength: 20, 'x-kehu': { label: { 'zh-CN': '编码', en: 'Code' } } },
    city: { type: 'string', maxLength: 20, 'x-kehu': { label: { 'zh-CN': '城市', en: 'City' } } },
  },
};

let storeCount = 0;

async function storyStore(): Promise<{ store: Store; chosen: string }> {
  const store = await createStore({
    entities: [customerSchema],
    storage: getRxStorageMemory(),
    name: `story-reference-picker-${storeCount++}`,
  });
  const customers = store.entity<Record<string, unknown>>('customer');
  const first = await customers.insert({ name: '杭州阿克米汽配有限公司', code: 'KH001', city: '杭州' });
  await customers.insert({ name: '上海阿里巴巴物流', code: 'KH002', city: '上海' });
  await customers.insert({ name: '王建国', code: 'KH003' });
  return { store, chosen: first.id };
}

interface Args {
  entity: string;
  chosen: boolean;
  required: boolean;
  disabled: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-reference-picker',
  component: 'kehu-reference-picker',
  loaders: [async () => storyStore()],
  args: { entity: 'customer', chosen: false, required: false, disabled: false },
  render: (args, { loaded }) =>
    html`<kehu-store-provider .store=${loaded.store}>
      <label for="picker" style="display: block; font: 14px system-ui">客户 / Customer</label>
      <kehu-reference-picker
        id="picker"
        entity=${args.entity}
        label="客户 / Customer"
        .value=${args.chosen ? loaded.chosen : ''}
        ?required=${args.required}
        ?disabled=${args.disabled}
        style="max-width: 24rem"
      ></kehu-reference-picker>
    </kehu-store-provider>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Type "阿" or use the arrow keys; the toolbar's locale switches the texts. */
export const Empty: Story = {};

/** A value set from outside shows the record's name. */
export const WithValue: Story = { args: { chosen: true } };

export const Disabled: Story = { args: { chosen: true, disabled: true } };

/** A misspelt entity name: the picker explains instead of failing. */
export const UnknownEntity: Story = { args: { entity: 'custmer' } };
