import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';

const coreSource = fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url));

const config: StorybookConfig = {
  stories: ['../packages/components/src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    // Stories run on the sources, as the tests do: no build step, and edits to core show up at once.
    return mergeConfig(viteConfig, {
      resolve: {
        alias: [{ find: /^@kehu\/core$/, replacement: coreSource }],
        // Replaces Vite's defaults rather than adding to them, so they are listed again after `source`.
        conditions: ['source', ...defaultClientConditions],
      },
      // Storybook's own manager and preview runtime is ~900 kB; the default 500 kB warning is about them, not us.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
