import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BehaviorSubject } from 'rxjs';
import type { SyncStatus } from '@kehu/core';
import './define.js';

interface Args {
  locale: 'zh-CN' | 'en';
  state: SyncStatus['state'];
  pending: number;
  error: boolean;
}

const refused = {
  en: 'Credit limit (creditLimit) of Customer may not be set or changed by sales.chen. Nothing was saved.',
  'zh-CN': '「信用额度」（creditLimit）不能由 sales.chen 填写或修改（客户）。本次未保存。',
};

const meta: Meta<Args> = {
  title: 'Elements/Sync status',
  component: 'kehu-sync-status',
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    state: { control: 'inline-radio', options: ['offline', 'syncing', 'idle', 'error'] },
  },
  args: { locale: 'zh-CN', state: 'idle', pending: 0, error: false },
  render: ({ locale, state, pending, error }) => {
    const status: SyncStatus = {
      state,
      pending,
      lastSyncedAt: '2026-11-22T08:30:00.000Z',
      ...(error ? { lastError: refused } : {}),
    };
    const source = { status$: new BehaviorSubject(status).asObservable() };
    return html`<kehu-sync-status locale=${locale} .source=${source}></kehu-sync-status>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const InSync: Story = {};
export const OfflineWithPendingChanges: Story = { args: { state: 'offline', pending: 7, locale: 'en' } };
export const RefusedWrite: Story = { args: { state: 'idle', error: true } };
export const RefusedWriteEnglish: Story = { args: { state: 'idle', error: true, locale: 'en' } };
