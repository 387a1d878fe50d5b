import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@kehu/core';
import './define.js';
import type { RecordActivateEvent } from '../record-list/record-activate-event.js';
import { detailStore, seedCustomer } from '../record-detail/detail-fixtures.js';

interface Args {
  locale: 'zh-CN' | 'en';
  limit: number;
  changes: number;
}

interface Loaded {
  store: Store;
  id: string;
}

/** A customer edited `changes` times (level, importance, contacts, credit limit), with an activity. */
async function storyStore(changes: number): Promise<Loaded> {
  const store = await detailStore();
  const ids = await seedCustomer(store);
  const customers = store.entity('customer');
  if (changes > 0) await customers.patch(ids.customer, { importance: 'vip', level: ids.gold });
  if (changes > 1) await customers.patch(ids.customer, { contacts: [{ name: '李四', title: '经理' }] });
  for (let i = 2; i < changes; i++) await customers.patch(ids.customer, { creditLimit: 50000 + i * 1000 });
  return { store, id: changes < 0 ? 'no-history' : ids.customer };
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-timeline',
  component: 'kehu-record-timeline',
  args: { locale: 'zh-CN', limit: 20, changes: 3 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    changes: { control: false },
  },
  loaders: [async ({ args }) => storyStore((args as Args).changes)],
  render: (args, { loaded }) => {
    const { store, id } = loaded as Loaded;
    return html`<kehu-record-timeline
      entity="customer"
      record-id=${id}
      locale=${args.locale}
      .limit=${args.limit}
      .store=${store}
      style="font-family: system-ui, sans-serif; max-width: 36rem;"
      @kehu-record-activate=${(event: RecordActivateEvent) => console.info('kehu-record-activate', event.detail)}
    ></kehu-record-timeline>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Changes by 张三 and a dated activity, grouped by day. */
export const Chinese: Story = {};

/** The same in English. */
export const English: Story = { args: { locale: 'en' } };

/** A long history, five events at a time with "show more". */
export const LongHistory: Story = { args: { changes: 30, limit: 5 } };

/** No events yet. */
export const Empty: Story = { args: { changes: -1, locale: 'en' } };
