// Runs every suite — core in Node, elements in headless Chromium — and ends with one
// `N passed, N failed` line summing them all. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium.mjs';
import { tapCounts } from './tap-counts.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

function findTests(dir, pattern, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTests(path, pattern, out);
    else if (pattern.test(entry.name)) out.push(path);
  }
  return out;
}

const totals = { passed: 0, failed: 0 };

// A test file whose handles outlive its tests (a browser or socket a crash left behind) would hold
// CI forever: the Node run is stopped after this long and counted as failed. Not `--test-force-exit`,
// which with concurrent files drops verdicts a child had already written (nodejs/node#64833), so the
// totals came out short.
const nodeRunLimitMs = 15 * 60_000;
const only = process.argv[2]; // `node scripts/test.mjs node` or `… browser`

if (only !== 'browser') {
  const files = [
    ...findTests(join(root, 'packages/core/src'), /(?<!\.browser)\.test\.ts$/),
    ...findTests(join(root, 'scripts'), /\.test\.mjs$/),
    // The benchmarks' smoke runs (tiny sizes), so the harness cannot rot.
    ...findTests(join(root, 'bench'), /\.test\.mjs$/),
    ...findTests(join(root, 'examples'), /\.node\.test\.ts$/),
  ];
  const tap = join(tmp, 'node.tap');
  rmSync(tap, { force: true });
  console.log(`\n▶ core and scripts in Node (${files.length} files)\n`);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      // TAP goes to stderr, a pipe: writes to a pipe are synchronous on Linux, so a process that ends
      // cannot cut the stream short (a file destination lost the last few dozen results that way).
      '--test-reporter=tap',
      '--test-reporter-destination=stderr',
      ...files,
    ],
    {
      stdio: ['inherit', 'inherit', 'pipe'],
      cwd: root,
      maxBuffer: 256 * 2 ** 20,
      encoding: 'utf8',
      timeout: nodeRunLimitMs,
      killSignal: 'SIGKILL',
    },
  );
  if (run.signal)
    console.error(
      `the Node tests were stopped after ${nodeRunLimitMs / 60_000} min (${run.signal}): a test file kept a handle open after its tests (the spec output above shows which files finished)`,
    );
  writeFileSync(tap, run.stderr ?? '');
  if (run.error) console.error(`the Node test run could not be read: ${run.error.message}`);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const { passed, failed } = tapCounts(text);
  totals.passed += passed;
  totals.failed += failed || (run.status === 0 ? 0 : 1);
  // A failure outside any test (the runner itself) shows only on stderr, which holds the TAP now.
  if (run.status !== 0 && !failed) console.error((run.stderr ?? '').slice(-5000));
}

if (only !== 'node') {
  console.log('\n▶ elements in headless Chromium\n');
  let ok = true;
  try {
    process.env.CHROME_PATH = chromiumPath({ install: true });
  } catch (error) {
    console.error(String(error.message));
    totals.failed += 1;
    ok = false;
  }
  if (ok) {
    const summary = join(tmp, 'browser-summary.json');
    rmSync(summary, { force: true });
    const run = spawnSync(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js')], {
      stdio: 'inherit',
      cwd: root,
    });
    if (existsSync(summary)) {
      const s = JSON.parse(readFileSync(summary, 'utf8'));
      totals.passed += s.passed;
      totals.failed += s.failed || (run.status === 0 ? 0 : 1);
    } else totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
