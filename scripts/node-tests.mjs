// Runs Node test files one process each, two at a time, and counts their verdicts from TAP.
//
// One process per file, not `node --test` over all of them: with several files in one runner the
// TAP of every file after a stuck one is held back until it ends, so a stuck file hid which one it
// was and took every later verdict with it, and `--test-force-exit` with concurrent files dropped
// verdicts a child had already written (nodejs/node#64833). Here each file runs in-process with
// `--test-force-exit` (a socket or browser a test left open cannot hold CI), its own time limit,
// and its own output, printed in full when it fails.
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { tapCounts } from './tap-counts.mjs';

/**
 * By default two files at a time, and a file may run 6 min (the slowest, the bench smoke run, takes
 * under 3), past which its process is killed with its children and it runs once more, the second
 * run's verdict counting. Both reports are printed, so a file that sticks once is shown, not hidden,
 * and one that sticks twice fails. (No per-test limit: `--test-timeout` acts only under `--test`.)
 */
const defaults = { concurrency: 2, fileLimitMs: 6 * 60_000 };

const { NODE_TEST_CONTEXT, ...ownRun } = process.env;

/**
 * Runs one file: `{ passed, failed, ms, output, stopped }`, `output` being its spec report
 * and what it printed besides TAP, `stopped` true when it overran the file limit.
 */
function runFile(root, file, { fileLimitMs }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test-force-exit',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        '--test-reporter-destination=stderr',
        file,
      ],
      // Its own process group, so that a file overrunning its limit is stopped with its children.
      // Not a child of a test runner, even when this runs inside one: its reporters print.
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: ownRun },
    );
    let output = '';
    let tap = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (tap += chunk));
    let stopped = false;
    const timer = setTimeout(() => {
      stopped = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, fileLimitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const { passed, failed } = tapCounts(tap);
      // What is not TAP (an import error, a warning) belongs with the report.
      output += tap
        .split('\n')
        .filter((line) => line && !isTapLine(line))
        .join('\n');
      // A file that failed outside any test (it did not load, or was stopped) fails once more.
      const extra = stopped || (code !== 0 && failed === 0) ? 1 : 0;
      resolve({ passed, failed: failed + extra, ms: Date.now() - started, output, stopped });
    });
  });
}

/** node:test's TAP lines: the version, plan, test and comment lines and their indented YAML. */
function isTapLine(line) {
  return /^(TAP version|\s*1\.\.\d+|\s*(not )?ok \d+|\s*#|\s+)/.test(line);
}

/** Prints a file's line, and its whole report when it failed. */
function report(name, result, { fileLimitMs }) {
  const verdict = result.failed ? '✖' : '✔';
  console.log(
    `${verdict} ${name}: ${result.passed} passed, ${result.failed} failed (${(result.ms / 1000).toFixed(1)} s)`,
  );
  if (!result.failed) return;
  console.log(result.output.replace(/^/gm, '    '));
  if (result.stopped)
    console.log(`    ${name} was stopped after ${fileLimitMs / 1000} s: the report above shows where it was`);
}

/**
 * Runs `files` (absolute paths) `concurrency` at a time, printing a line per file as it ends
 * (and its whole report when it failed); resolves to the summed `{ passed, failed }`. `options`
 * overrides `defaults` (`concurrency`, `fileLimitMs`).
 */
export async function runNodeTests(root, files, options = {}) {
  const limits = { ...defaults, ...options };
  const totals = { passed: 0, failed: 0 };
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const name = relative(root, file);
      let result = await runFile(root, file, limits);
      if (result.stopped) {
        report(name, result, limits);
        console.log(`    ${name} got stuck: it runs once more`);
        result = await runFile(root, file, limits);
      }
      totals.passed += result.passed;
      totals.failed += result.failed;
      report(name, result, limits);
    }
  };
  await Promise.all(Array.from({ length: limits.concurrency }, worker));
  return totals;
}
