import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@kehu/core';
import './define.js';
import type { RecordActivateEvent } from '../record-list/record-activate-event.js';
import { detailStore, seedCustomer } from './detail-fixtures.js';

interface Args {
  locale: 'zh-CN' | 'en';
  record: 'customer' | 'deleted' | 'missing' | 'markup';
}

interface Loaded {
  store: Store;
  id: string;
}

/** A customer with a level, two vehicles and an activity; or a deleted, missing or markup-named one. */
async function storyStore(record: Args['record']): Promise<Loaded> {
  const store = await detailStore();
  const ids = await seedCustomer(store, record === 'markup' ? '<script>alert(1)</script> 贸易' : undefined);
  await store.entity('customer').patch(ids.customer, { contacts: [{ name: '李四', title: '经理' }] });
  if (record === 'deleted') await store.entity('customer').remove(ids.customer);
  return { store, id: record === 'missing' ? 'no-such-id' : ids.customer };
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-detail',
  component: 'kehu-record-detail',
  args: { locale: 'zh-CN', record: 'customer' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    record: { control: false },
  },
  loaders: [async ({ args }) => storyStore((args as Args).record)],
  render: (args, { loaded }) => {
    const { store, id } = loaded as Loaded;
    return html`<kehu-record-detail
      entity="customer"
      record-id=${id}
      locale=${args.locale}
      .store=${store}
      style="font-family: system-ui, sans-serif; max-width: 56rem;"
      @kehu-record-activate=${(event: RecordActivateEvent) => console.info('kehu-record-activate', event.detail)}
    ></kehu-record-detail>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A customer by form section, with its vehicles and activities below. */
export const Chinese: Story = {};

/** The same in English. */
export const English: Story = { args: { locale: 'en' } };

/** A soft-deleted record. */
export const Deleted: Story = { args: { record: 'deleted' } };

/** An id that was never there. */
export const NotFound: Story = { args: { record: 'missing', locale: 'en' } };

/** Markup in a name is shown as text. */
export const MarkupInName: Story = { args: { record: 'markup' } };
