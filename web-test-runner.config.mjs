import { devPlugins, nodeResolve } from './scripts/dev-plugins.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

/** Element tests run in real headless Chromium (Debian's), never a DOM imitation. */
export default {
  files: [
    'packages/components/src/**/*.test.ts',
    'packages/core/src/**/*.browser.test.ts',
    'examples/**/*.test.ts',
    '!**/*.node.test.ts',
  ],
  nodeResolve,
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  plugins: devPlugins(),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  concurrency: 1,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), summaryReporter('.tmp/browser-summary.json')],
};
