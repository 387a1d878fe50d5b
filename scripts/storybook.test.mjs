// The static Storybook (`npm run build-storybook`) as CI checks it: it builds, every story in it
// renders in headless Chromium without an error, and the elements' docs come from the Custom Elements
// Manifest. Built into .tmp/ so it never touches a storybook-static/ someone is looking at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serveFiles } from './host-apps.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.tmp/storybook-static');

/** `npm run manifest` then `storybook build`, as `npm run build-storybook` runs them; returns seconds taken. */
function buildStorybook() {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  for (const [args, cwd] of [
    [
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        '../../custom-elements-manifest.config.mjs',
        '--quiet',
      ],
      join(root, 'packages/components'),
    ],
    [[join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '--quiet', '--output-dir', out], root],
  ]) {
    const run = spawnSync(process.execPath, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
    });
    assert.equal(run.status, 0, `${args.slice(1, 2)} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return (performance.now() - started) / 1000;
}

const stories = () =>
  Object.values(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).entries).filter((e) => e.type === 'story');

describe('the static Storybook (npm run build-storybook)', () => {
  let browser;
  let page;
  let server;
  let base;
  let seconds;

  before(async () => {
    seconds = buildStorybook();
    ({ server, base } = await serveFiles(out));
    browser = await puppeteer.launch({ executablePath: chromiumPath({ install: true }), args: chromiumArgs });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('builds, with a story for every element folder that has stories', (t) => {
    t.diagnostic(`built in ${seconds.toFixed(1)} s`);
    const files = new Set(stories().map((s) => s.importPath));
    assert.ok(files.size >= 4, `only ${files.size} story files`);
    assert.ok(
      [...files].some((f) => f.endsWith('record-list.stories.ts')),
      [...files].join(', '),
    );
  });

  it('renders every story without an error', async () => {
    const failures = [];
    for (const story of stories()) {
      const errors = [];
      const onError = (error) => errors.push(String(error));
      page.on('pageerror', onError);
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
      // Storybook marks <body> once the story has rendered, or failed to.
      const shown = await page
        .waitForFunction(
          () => [...document.body.classList].find((c) => /^sb-show-(main|errordisplay|nopreview)$/.test(c)),
          { timeout: 30_000 },
        )
        .then((handle) => handle.jsonValue())
        .catch(() => 'timeout');
      page.off('pageerror', onError);
      const { rendered, message } = await page.evaluate(() => ({
        rendered: (document.getElementById('storybook-root')?.children.length ?? 0) > 0,
        message: document.getElementById('error-message')?.textContent?.trim() ?? '',
      }));
      if (shown !== 'sb-show-main' || !rendered || errors.length)
        failures.push(`${story.id}: ${shown}${rendered ? '' : ', nothing rendered'} ${message} ${errors.join(' / ')}`);
    }
    assert.deepEqual(failures, []);
  });

  it('describes the elements from the Custom Elements Manifest', async () => {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(stories()[0].id)}&viewMode=story`);
    const tags = await page.waitForFunction(() => {
      const manifest = window.__STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__;
      return manifest?.modules?.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    });
    const list = await tags.jsonValue();
    assert.ok(list.includes('kehu-record-list'), list.join(', '));
    assert.ok(list.includes('kehu-record-form'), list.join(', '));
  });
});
