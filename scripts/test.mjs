// Runs every suite — core in Node, elements in headless Chromium — and ends with one
// `N passed, N failed` line summing them all. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium.mjs';
import { runNodeTests } from './node-tests.mjs';

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
const only = process.argv[2]; // `node scripts/test.mjs node` or `… browser`

if (only !== 'browser') {
  const files = [
    ...findTests(join(root, 'packages/core/src'), /(?<!\.browser)\.test\.ts$/),
    ...findTests(join(root, 'scripts'), /\.test\.mjs$/),
    // The benchmarks' smoke runs (tiny sizes), so the harness cannot rot.
    ...findTests(join(root, 'bench'), /\.test\.mjs$/),
    ...findTests(join(root, 'examples'), /\.node\.test\.ts$/),
  ].sort();
  console.log(`\n▶ core and scripts in Node (${files.length} files)\n`);
  const node = await runNodeTests(root, files);
  totals.passed += node.passed;
  totals.failed += node.failed;
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
