import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@kehu/core';
import './define.js';
import type { MergeEvent } from './duplicate-merge-event.js';
import { reviewStore } from './review-fixtures.js';

interface Args {
  locale: 'zh-CN' | 'en';
  threshold: number;
  entity: string;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-duplicate-review',
  component: 'kehu-duplicate-review',
  args: { locale: 'zh-CN', threshold: 0.8, entity: 'customer' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    threshold: { control: { type: 'range', min: 0.5, max: 1, step: 0.05 } },
    entity: { control: false },
  },
  loaders: [async () => ({ store: await reviewStore() })],
  render: (args, { loaded }) => {
    const { store } = loaded as { store: Store };
    const log = (event: MergeEvent) => console.info(event.type, event.detail);
    return html`<kehu-duplicate-review
      entity=${args.entity}
      locale=${args.locale}
      .threshold=${args.threshold}
      .store=${store}
      style="font-family: system-ui, sans-serif; max-width: 60rem;"
      @kehu-merge=${log}
      @kehu-merge-undo=${log}
    ></kehu-duplicate-review>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Two likely duplicate pairs (company written two ways, a name with two characters swapped). */
export const Chinese: Story = {};

/** The same in English. */
export const English: Story = { args: { locale: 'en' } };

/** A stricter threshold: only the exact match remains. */
export const Strict: Story = { args: { threshold: 0.95 } };

/** An entity without match rules explains why there is nothing to review. */
export const NoRules: Story = { args: { entity: 'vehicle', locale: 'en' } };
