import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@kehu/core';
import './define.js';
import { admin, conflictStore, me } from './conflict-fixtures.js';

interface Args {
  locale: 'zh-CN' | 'en';
  /** Whose store: an administrator picks every field; a sales adviser sees the mobile masked and may only keep the credit limit. */
  role: 'admin' | 'sales';
  /** No conflict at all: the empty state. */
  empty: boolean;
}

const base = {
  name: '上海申通汽车服务有限公司',
  mobile: '13812345678',
  creditLimit: 50000,
  salesRep: 'u-sales',
  organisation: 'sh',
  remark: '老客户',
};

/** A customer that this client and 李经理 edited at the same time (same fields: remark, credit limit, mobile). */
async function storyStore(args: Args): Promise<Store> {
  const { store } = await conflictStore({
    base,
    local: args.empty
      ? { name: '申通' }
      : { remark: '周五回访 <b>不是粗体</b>', creditLimit: 80000, mobile: '13900001111' },
    server: args.empty ? { remark: '改了备注' } : { remark: '已回访', creditLimit: 60000, mobile: '13700002222' },
    user: args.role === 'admin' ? admin : me,
    locale: args.locale,
  });
  return store;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-conflict-picker',
  component: 'kehu-conflict-picker',
  args: { locale: 'zh-CN', role: 'admin', empty: false },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    role: { control: 'inline-radio', options: ['admin', 'sales'] },
  },
  loaders: [async ({ args }) => ({ store: await storyStore(args as Args) })],
  render: (args, { loaded }) =>
    html`<kehu-conflict-picker
      entity="customer"
      locale=${args.locale}
      .store=${(loaded as { store: Store }).store}
      @kehu-conflict-resolve=${(e: CustomEvent) => console.info('kehu-conflict-resolve', e.detail)}
    ></kehu-conflict-picker>`,
};
export default meta;

type Story = StoryObj<Args>;

export const SameFieldsChanged: Story = {};
export const SameFieldsChangedEnglish: Story = { args: { locale: 'en' } };
export const SalesAdviserMaskedAndReadOnly: Story = { args: { role: 'sales' } };
export const SalesAdviserEnglish: Story = { args: { role: 'sales', locale: 'en' } };
export const NoConflicts: Story = { args: { empty: true } };
export const NoConflictsEnglish: Story = { args: { empty: true, locale: 'en' } };
