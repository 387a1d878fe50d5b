import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './define.js';

const text = {
  'zh-CN': {
    heading: '客户档案',
    body: '<kehu-store-provider> 本身不显示任何内容（display: contents），它把 store 交给其中的每个 Kehu 元素。',
    hint: "宿主页面：document.querySelector('kehu-store-provider').store = await createStore({ entities })",
  },
  en: {
    heading: 'Customer archive',
    body: '<kehu-store-provider> shows nothing of its own (display: contents); it hands its store to every Kehu element inside it.',
    hint: "Host page: document.querySelector('kehu-store-provider').store = await createStore({ entities })",
  },
};

const meta: Meta = {
  title: 'Elements/kehu-store-provider',
  component: 'kehu-store-provider',
};

export default meta;

/** Wraps a host page's section; the section lays out exactly as it would without the provider. */
export const WrappingContent: StoryObj = {
  render: (_args, { globals }) => {
    const t = globals.locale === 'en' ? text.en : text['zh-CN'];
    return html`
      <kehu-store-provider>
        <section style="font-family: system-ui, sans-serif; max-width: 40rem; padding: 1rem; border: 1px dashed #999;">
          <h3 style="margin-top: 0;">${t.heading}</h3>
          <p>${t.body}</p>
          <code>${t.hint}</code>
        </section>
      </kehu-store-provider>
    `;
  },
};
