import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/** The locales Kehu ships; every story is checked in both. */
const locales = [
  { value: 'zh-CN', title: '简体中文 (zh-CN)', right: 'zh-CN' },
  { value: 'en', title: 'English (en)', right: 'en' },
];

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the Kehu elements (sets <html lang>, which elements read)',
      toolbar: { title: 'Locale', icon: 'globe', items: locales, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'zh-CN' },
  decorators: [
    (story, { globals }) => {
      const locale = typeof globals.locale === 'string' ? globals.locale : 'zh-CN';
      document.documentElement.lang = locale;
      // Elements read `lang` when they render; a new key rebuilds the story so all of them pick up the switch.
      return html`${keyed(locale, story())}`;
    },
  ],
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
