import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNodeTests } from './node-tests.mjs';

const root = new URL('..', import.meta.url).pathname;

/** Test files of every kind the runner meets, written to a folder of their own. */
const fixtures = {
  'passes.test.mjs': `import { it } from 'node:test';
it('one', () => {});
it('two', async () => { await new Promise((r) => setTimeout(r, 10)); });`,
  'fails.test.mjs': `import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
describe('a suite', () => { it('passes', () => {}); it('fails', () => assert.equal(1, 2)); });`,
  // A handle left open after its tests: the file still ends, with its verdicts.
  'leaks.test.mjs': `import { it } from 'node:test';
it('leaves a timer running', () => { setInterval(() => {}, 1000); });`,
  'broken.test.mjs': `import { it } from 'node:test';
import { missing } from './nowhere.mjs';
it('never runs', () => missing());`,
  // Stuck inside a test, with a handle keeping the process alive.
  'sticks.test.mjs': `import { it } from 'node:test';
it('passes first', () => {});
it('never ends', () => new Promise(() => setInterval(() => {}, 1000)));`,
  // Stuck on its first run only (it leaves a mark beside itself).
  'sticks-once.test.mjs': `import { it } from 'node:test';
import { existsSync, writeFileSync } from 'node:fs';
const mark = new URL('./stuck-once.mark', import.meta.url);
it('ends the second time', () => {
  if (existsSync(mark)) return;
  writeFileSync(mark, '');
  return new Promise(() => setInterval(() => {}, 1000));
});`,
};

describe('runNodeTests (scripts/node-tests.mjs)', () => {
  let dir;
  const file = (name) => join(dir, name);
  const quietly = async (run) => {
    const log = console.log;
    const lines = [];
    console.log = (line) => lines.push(String(line));
    try {
      return { totals: await run(), lines };
    } finally {
      console.log = log;
    }
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kehu-node-tests-'));
    for (const [name, text] of Object.entries(fixtures)) writeFileSync(file(name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sums the verdicts of every file, and a file that leaves a handle open still ends', async () => {
    const { totals, lines } = await quietly(() =>
      runNodeTests(root, [file('passes.test.mjs'), file('fails.test.mjs'), file('leaks.test.mjs')]),
    );
    assert.deepEqual(totals, { passed: 4, failed: 1 });
    assert.ok(
      lines.some((line) => /✖ .*fails\.test\.mjs: 1 passed, 1 failed/.test(line)),
      lines.join('\n'),
    );
    // The failing file's report is printed, with the failed test and why; a passing file's is not.
    const text = lines.join('\n');
    assert.match(text, /✖ fails/);
    assert.match(text, /Expected values to be strictly equal/);
    assert.doesNotMatch(text, /✔ one/);
  });

  it('counts a file that does not load as a failure and prints why', async () => {
    const { totals, lines } = await quietly(() => runNodeTests(root, [file('broken.test.mjs')]));
    assert.deepEqual(totals, { passed: 0, failed: 1 });
    assert.match(lines.join('\n'), /nowhere\.mjs/);
  });

  it('stops a file stuck past its limit, runs it once more, and fails it when it sticks again', async () => {
    const { totals, lines } = await quietly(() => runNodeTests(root, [file('sticks.test.mjs')], { fileLimitMs: 3000 }));
    assert.deepEqual(totals, { passed: 1, failed: 1 });
    const text = lines.join('\n');
    assert.match(text, /sticks\.test\.mjs got stuck: it runs once more/);
    assert.equal(text.match(/was stopped after 3 s/g)?.length, 2, text);
  });

  it('counts the second run of a file that stuck once, and shows both', async () => {
    const { totals, lines } = await quietly(() =>
      runNodeTests(root, [file('sticks-once.test.mjs')], { fileLimitMs: 3000 }),
    );
    assert.deepEqual(totals, { passed: 1, failed: 0 });
    const text = lines.join('\n');
    assert.match(text, /✖ .*sticks-once\.test\.mjs: 0 passed, 1 failed/);
    assert.match(text, /sticks-once\.test\.mjs got stuck: it runs once more/);
    assert.match(text, /✔ .*sticks-once\.test\.mjs: 1 passed, 0 failed/);
  });

  it('does not run a file with a failure of another kind again', async () => {
    const { lines } = await quietly(() => runNodeTests(root, [file('fails.test.mjs')]));
    assert.doesNotMatch(lines.join('\n'), /runs once more/);
  });
});
