/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

// Controls and docs take each element's attributes, properties, events, parts and CSS properties from
// the Custom Elements Manifest (`npm run manifest`, run before `storybook` and `build-storybook`). A glob
// rather than an import: without the file Storybook still starts, only without those descriptions.
const manifests = import.meta.glob<{ default: unknown }>('../packages/components/custom-elements.json', {
  eager: true,
});
for (const manifest of Object.values(manifests)) setCustomElementsManifest(manifest.default);

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
