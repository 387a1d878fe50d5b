// `node bench/run.mjs --smoke` — every part of `npm run bench` at tiny sizes, one trial — so the
// harness cannot rot: a change that breaks a bench page, the CSV import, the worker paths, the
// duplicate scan, a peer library's page or the bundle measure fails here. Times are not asserted
// (shared machines); that every row was measured, and what each run found, are.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('./run.mjs', import.meta.url));

/** Runs the smoke bench as `npm run bench -- --smoke` would; resolves with its JSON results. */
function smokeRun() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [run, '--smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const file = /wrote (\S+bench-[\d-]+-smoke\.json)/.exec(output)?.[1];
      if (code !== 0 || !file)
        return reject(new Error(`bench/run.mjs --smoke exited ${code}:\n${output.slice(-4000)}`));
      resolve(JSON.parse(readFileSync(file, 'utf8')));
    });
  });
}

describe('bench smoke: npm run bench at tiny sizes', () => {
  let results;
  const row = (id) => results.rows.find((r) => r.id === id);
  before(async () => {
    results = await smokeRun();
  });

  it("measures every row of issue 8's table", () => {
    assert.deepEqual(
      results.summary.map((line) => line.n),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
    for (const line of results.summary) assert.notEqual(line.measured, 'not run', `row ${line.n} (${line.what})`);
    assert.deepEqual(results.pageErrors, []);
  });

  it('imports every row of the UTF-8 and GBK files by both paths and times each part', () => {
    for (const id of ['import-end-to-end', 'import-wizard-path', 'import-parse-utf8', 'import-parse-gbk', 'import-gbk'])
      assert.ok(row(id)?.kehuMs > 0, `${id} has a time`);
    assert.ok(row('import-end-to-end').ratio > 0, 'the end-to-end row is a ratio against the parts');
    assert.equal(results.context.import.invalid, 0, 'every generated row is valid');
  });

  it('scans planted duplicates in a worker and on the page with full recall', () => {
    const { worker, page, duplicates } = results.context.dedupe;
    assert.equal(worker[0].where, 'worker');
    assert.equal(page.where, 'page');
    assert.equal(worker[0].planted, duplicates);
    assert.ok(worker[0].recall >= 0.95, `recall ${worker[0].recall}`);
    assert.ok(worker[0].precision >= 0.95, `precision ${worker[0].precision}`);
  });

  it('checks the same customers valid with Kehu and bare ajv, and sizes both bundles', () => {
    assert.ok(results.context.validator.valid > 0);
    for (const id of ['bundle-all', 'bundle-minimal']) {
      assert.ok(row(id).ownKb > 5, `${id}: Kehu's own code measured`);
      assert.ok(row(id).baselineMs > 5, `${id}: the bare libraries measured`);
    }
  });
});
