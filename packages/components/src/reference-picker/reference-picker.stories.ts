import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@kehu/core';
import '../store-provider/define.js';
import './define.js';
import { RecentRecords } from './recent-records.js';
import { pickerStore } from './picker-fixtures.js';

interface Loaded {
  store: Store;
  ids: Record<string, string>;
}

/** Customers (one with markup in its name), vehicles, an opportunity, and 60 more customers for "type more". */
async function storyStore(): Promise<Loaded> {
  const store = await pickerStore();
  const customers = store.entity<Record<string, unknown>>('customer');
  const ids: Record<string, string> = {};
  for (const [name, code, city] of [
    ['杭州阿克米汽配有限公司', 'KH001', '杭州'],
    ['上海阿里巴巴物流', 'KH002', '上海'],
    ['王建国', 'KH003', undefined],
    ['<b>粗体</b> 贸易', 'KH004', '北京'],
  ]) {
    ids[name!] = (await customers.insert({ name, code, city })).id;
  }
  await customers.bulkInsert(
    Array.from({ length: 60 }, (_, i) => ({ name: `批量客户 ${i + 1}`, code: `KB${String(i).padStart(3, '0')}` })),
  );
  ids.vehicle = (await store.entity<Record<string, unknown>>('vehicle').insert({ plate: '浙A阿888' })).id;
  await store.entity<Record<string, unknown>>('opportunity').insert({ title: '阿尔法车队项目' });
  return { store, ids };
}

interface Args {
  entity: string;
  targets: string;
  value: 'none' | 'customer' | 'vehicle' | 'bad';
  recent: boolean;
  required: boolean;
  disabled: boolean;
  noCreate: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-reference-picker',
  component: 'kehu-reference-picker',
  loaders: [async () => storyStore()],
  args: {
    entity: 'customer',
    targets: '',
    value: 'none',
    recent: false,
    required: false,
    disabled: false,
    noCreate: false,
  },
  render: (args, { loaded }) => {
    const { store, ids } = loaded as Loaded;
    if (args.recent) {
      const recent = new RecentRecords(store.name);
      recent.remember('customer', ids['王建国']);
      recent.remember('customer', ids['杭州阿克米汽配有限公司']);
    }
    const value = {
      none: '',
      customer: args.targets ? `customer:${ids['杭州阿克米汽配有限公司']}` : ids['杭州阿克米汽配有限公司'],
      vehicle: `vehicle:${ids.vehicle}`,
      bad: 'product:123',
    }[args.value];
    return html`<kehu-store-provider .store=${store}>
      <label for="picker" style="display: block; font: 14px system-ui">客户 / Customer</label>
      <kehu-reference-picker
        id="picker"
        entity=${args.entity}
        targets=${args.targets || ''}
        label="客户 / Customer"
        .value=${value}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?no-create=${args.noCreate}
        style="max-width: 28rem"
      ></kehu-reference-picker>
    </kehu-store-provider>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Type "阿": matches with the typed text marked. Type "批量" for the "type more" note. The toolbar's locale switches the texts. */
export const Empty: Story = {};

/** Focus the empty input: the last picks come first. */
export const RecentPicks: Story = { args: { recent: true } };

/** Type a name nobody has, then choose "New customer '…'" to create it in a dialog. */
export const CreateInline: Story = {};

/** No inline creation: "no matches" only. */
export const NoCreate: Story = { args: { noCreate: true } };

/** A value set from outside shows the record's name. */
export const WithValue: Story = { args: { value: 'customer' } };

export const Required: Story = { args: { required: true } };

export const Disabled: Story = { args: { value: 'customer', disabled: true } };

/** Polymorphic: a customer, a vehicle or an opportunity; type "阿" for grouped matches, or choose a type. */
export const SeveralEntities: Story = { args: { targets: 'customer vehicle opportunity' } };

/** Polymorphic with a vehicle chosen: the value is `vehicle:<id>`. */
export const SeveralEntitiesWithValue: Story = { args: { targets: 'customer vehicle opportunity', value: 'vehicle' } };

/** A value that is not `entity:id` of a target: the picker says so (and warns in the console). */
export const BadValue: Story = { args: { targets: 'customer vehicle', value: 'bad' } };

/** A misspelt entity name: the picker explains instead of failing. */
export const UnknownEntity: Story = { args: { entity: 'custmer' } };
