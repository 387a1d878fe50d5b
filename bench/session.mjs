// The browser side of a bench run: the dev server, headless Chromium, and the bench page's API.
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serve } from '../scripts/serve.mjs';
import { chromiumArgs as launchArgs, chromiumPath } from '../scripts/chromium.mjs';

/** Starts the dev server that serves the bench page from the TypeScript sources. */
export async function startServer() {
  const server = await serve({ port: 0, quiet: true });
  return { url: `http://localhost:${server.server.address().port}/bench/list-100k.html`, stop: () => server.stop() };
}

/**
 * Launches Chromium with a fresh profile (so IndexedDB starts empty, with no other database's
 * writes or deletions still settling) and returns `load()` to (re)open the bench page, `call()` to
 * run one `window.kehuBench` method in it, `press()` to send a key, and `traced()` to record a Chrome
 * trace around a step.
 */
export async function openBrowser(url, { trace = false } = {}) {
  // A 100,000-record insert is one long page.evaluate: give the protocol room.
  const browser = await puppeteer.launch({
    executablePath: chromiumPath({ install: true }),
    protocolTimeout: 900_000,
    args: launchArgs,
  });
  const page = await browser.newPage();
  // Tall enough that the list has more than 50 rows in view.
  await page.setViewport({ width: 1300, height: 2600 });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // A form left dirty by typed keys asks before the page unloads: reloading for the next trial leaves.
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  return {
    version: await browser.version(),
    pageErrors,
    async load() {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => 'kehuBench' in window, { timeout: 120_000 });
    },
    /** Runs `window.kehuBench[method](...params)`; errors come back as values, since some of RxDB's do not survive puppeteer's serialisation when thrown. */
    async call(method, ...params) {
      const answer = await page.evaluate(
        async (m, p) => {
          try {
            return { value: await window.kehuBench[m](...p) };
          } catch (error) {
            return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
          }
        },
        method,
        params,
      );
      if ('error' in answer) throw new Error(`kehuBench.${method} failed in the page:\n${answer.error}`);
      return answer.value;
    },
    /** Presses one key in the page as a user would (keydown, input, keyup through the DevTools protocol). */
    press: (key) => page.keyboard.press(key),
    /** Runs `task`, inside a Chrome trace saved as bench/results/trace-<name>.json when tracing is on. */
    async traced(name, task) {
      if (!trace) return task();
      await page.tracing.start({ path: fileURLToPath(new URL(`./results/trace-${name}.json`, import.meta.url)) });
      try {
        return await task();
      } finally {
        await page.tracing.stop();
      }
    },
    close: () => browser.close(),
  };
}
