// `npm run bench`: every row of issue 8 in one run, in headless Chromium — Kehu against raw Dexie,
// bare Lit, bare ajv and peer libraries (rjsf, JSON Forms), each as a ratio against a baseline
// measured side by side. Prints each part's table, then issue 8's table of targets, and writes
// bench/results/bench-<date>.json. bench/README.md says what each row means.
//
//   node bench/run.mjs            the full run: 100,000 customers, fewer trials than each part alone (about 15 min on 2 cores)
//   node bench/run.mjs --smoke    every part at small sizes, one trial (a couple of minutes; `npm test` runs it)
//   --only=spine                  rows 1, 3–5: insert, first rows, sort, counts, quick search (5 trials)
//   --only=elements               rows 6–8: list scrolling, form and line-item keys, peers (one Kehu insert first)
//   --only=import                 row 2: 100,000-row CSV import against its parts (3 trials, fresh profiles)
//   --only=dedupe                 row 11: duplicate scan of 100,000 customers, recall on planted duplicates
//   --only=validator | bundle     rows 9 and 10
//   --records=N --trials=N        sizes and trials of the spine and element parts
//   --split, --trace              RxDB's own bulkInsert too (+1–2 min); Chrome traces of the cold list and queries
//
// Exits non-zero only when something crashes: a slow number is a result, not a failure.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { runSpine } from './spine.mjs';
import { runDataIn } from './data-in.mjs';
import { measureBundleRows, measureValidator } from './core-rows.mjs';
import { formatTable, writeResults } from './report.mjs';
import { formatSummary, summarize } from './summary.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const smoke = args.includes('--smoke');
const only = option('only');
const parts = ['spine', 'elements', 'import', 'dedupe', 'validator', 'bundle'];
if (only && !parts.includes(only)) throw new Error(`--only=${only}: expected one of ${parts.join(', ')}`);

const started = performance.now();
const loadAtStart = loadavg()[0];
const progress = (message) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const spineOptions = {
  smoke,
  records: option('records'),
  split: args.includes('--split'),
  trace: args.includes('--trace'),
};

// One part alone: its own trials and its own results file, as before.
if (only === 'spine' || only === 'elements') await runSpine({ ...spineOptions, only, trials: option('trials') });
if (only === 'import' || only === 'dedupe')
  await runDataIn({ what: only, smoke, records: option('records'), trials: option('trials') });
if (only === 'validator' || only === 'bundle') {
  const { rows } =
    only === 'validator' ? await measureValidator({ smoke, progress }) : await measureBundleRows({ progress });
  console.log(`\n${formatTable(rows, `Kehu ${only} bench`)}`);
}
if (only) process.exit(0);

// The whole table in one run, within 15 minutes on 2 cores: fewer trials than each part alone
// (3 for reads and keys, 2 for inserts, 1 for the import, whose trial alone takes minutes).
const spine = await runSpine({ ...spineOptions, trials: option('trials') ?? (smoke ? 1 : 3), insertTrials: 2 });
progress('spine and elements done');
const importRun = await runDataIn({ what: 'import', smoke, trials: smoke ? 1 : 1 });
progress('import done');
const dedupe = await runDataIn({ what: 'dedupe', smoke, trials: smoke ? 1 : 2 });
progress('duplicate scan done');
const validator = await measureValidator({ smoke, progress });
const bundle = await measureBundleRows({ progress });
const rows = [...spine.rows, ...importRun.rows, ...dedupe.rows, ...validator.rows, ...bundle.rows];
const context = { elements: spine.context.elements, import: importRun.context, dedupe: dedupe.context };
const summary = summarize(rows, context);

console.log(`\n${formatTable([...validator.rows, ...bundle.rows], 'Kehu bench: validator and bundle')}`);
console.log(`\nIssue 8, one run (${smoke ? 'smoke sizes' : '100,000 customers'}):\n${formatSummary(summary)}`);
const machine = `${cpus()[0]?.model?.trim() ?? 'cpu'} x${availableParallelism()}`;
const durationS = (performance.now() - started) / 1000;
console.log(
  `machine: ${machine}; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end; ${Math.round(durationS)} s in all.`,
);
const file = writeResults(
  {
    date: new Date().toISOString(),
    smoke,
    machine,
    machineLoad: { start: loadAtStart, end: loadavg()[0] },
    durationS,
    summary,
    markdown: formatSummary(summary),
    rows,
    context: { ...context, validator: validator.context },
    pageErrors: [...spine.pageErrors, ...importRun.pageErrors, ...dedupe.pageErrors],
  },
  { smoke, name: 'bench' },
);
progress(`wrote ${file}`);
