// Rows 2 and 11 of the benchmarks, driven from Node (`node bench/run.mjs --only=import|dedupe`):
// a 100,000-row CSV import end to end against its parts timed alone, and the duplicate scan over
// 100,000 customers with planted duplicates. bench/README.md says what each row means.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { formatMarkdown, formatTable, row, writeResults } from './report.mjs';
import { openBrowser, startServer } from './session.mjs';

const median = (samples) => {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const perSecond = (rows, ms) => (ms > 0 ? Math.round((rows * 1000) / ms).toLocaleString('en') : 'n/a');
const percent = (value) => `${(value * 100).toFixed(1)}%`;

/**
 * Runs the import or the dedupe bench: `records` rows or customers (default 100,000; smoke 1,000
 * and 2,000), `trials` trials (default 3; smoke 1), each in a fresh Chromium profile for the import.
 * Prints progress and a table, writes `bench/results/<what>-<date>[-smoke].json`, returns the results.
 */
export async function runDataIn({ what, smoke = false, records, trials }) {
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const progress = (message) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const size = Number(records ?? (smoke ? (what === 'import' ? 1_000 : 2_000) : 100_000));
  const runs = Number(trials ?? (smoke ? 1 : 3));
  const n = size.toLocaleString('en');
  const server = await startServer();
  const url = server.url.replace(/list-100k\.html$/, 'data-in.html');
  const pageErrors = [];
  let version = '';
  let measured;
  try {
    const session = async (task) => {
      const browser = await openBrowser(url);
      version = browser.version;
      try {
        await browser.load();
        return await task(browser);
      } finally {
        pageErrors.push(...browser.pageErrors);
        await browser.close();
      }
    };
    progress(`${what}: ${n} ${what === 'import' ? 'rows' : 'customers'}, ${runs} trial(s)`);
    measured =
      what === 'import'
        ? await importBench(session, size, runs, smoke, progress)
        : await dedupeBench(session, size, runs, smoke, progress);
  } finally {
    await server.stop();
  }
  const date = new Date().toISOString();
  const machine = `${cpus()[0]?.model?.trim() ?? 'cpu'} x${availableParallelism()}`;
  const machineLoad = { start: loadAtStart, end: loadavg()[0] };
  console.log(
    `\n${formatTable(measured.rows, `Kehu ${what} bench: ${n}, ${date.slice(0, 10)}, ${version}, ${machine}`)}`,
  );
  for (const line of measured.lines) console.log(line);
  console.log(
    `machine load average (1 min): ${fixed(machineLoad.start, 1)} at the start, ${fixed(machineLoad.end, 1)} at the end, on ${availableParallelism()} cores.`,
  );
  const errors = [...new Set(pageErrors)];
  if (errors.length) console.log(`page errors:\n  ${errors.join('\n  ')}`);
  const results = {
    date,
    smoke,
    only: what,
    records: size,
    trials: runs,
    chromium: version,
    machine,
    machineLoad,
    rows: measured.rows,
    context: measured.context,
    pageErrors: errors,
    durationS: (performance.now() - started) / 1000,
    markdown: formatMarkdown(measured.rows),
  };
  progress(`wrote ${writeResults(results, { smoke, name: what })}`);
  return results;
}

/** Row 2: per trial a fresh profile; (a) and (b) in the page, then (c) and (d) alternating who goes first. */
async function importBench(session, size, runs, smoke, progress) {
  const s = {
    parseUtf8: [],
    parseGbk: [],
    validate: [],
    bulkPut: [],
    layout: [],
    importFile: [],
    worker: [],
    gbkImport: [],
  };
  const longTasks = { importFile: [], worker: [] };
  const sums = [];
  const wizardTrials = smoke ? runs : 1;
  let context = {};
  for (let trial = 1; trial <= runs; trial++) {
    await session(async ({ call }) => {
      const file = await call('generateCsv', size);
      progress(
        `import ${trial}/${runs}: fresh profile; wrote ${file.rows.toLocaleString('en')} rows as CSV in the page in ${fixed(file.ms / 1000, 1)} s (UTF-8 with BOM ${fixed(file.bytes.utf8 / 2 ** 20, 1)} MiB, GBK ${fixed(file.bytes.gbk / 2 ** 20, 1)} MiB)`,
      );
      context.bytes = file.bytes;
      const parts = await call('parseAndValidate');
      if (parts.rows !== size) throw new Error(`parsed ${parts.rows} data rows, expected ${size}`);
      if (parts.encodings.join() !== 'utf-8,gb18030') throw new Error(`detected ${parts.encodings.join(' and ')}`);
      if (parts.unmapped) throw new Error(`${parts.unmapped} columns were not matched to a field`);
      s.parseUtf8.push(parts.parseUtf8);
      s.parseGbk.push(parts.parseGbk);
      s.validate.push(parts.validate);
      context.invalid = parts.invalid;
      progress(
        `  (a) parse UTF-8 ${fixed(parts.parseUtf8)} ms, GBK ${fixed(parts.parseGbk)} ms; (b) clean + validate ${fixed(parts.validate)} ms (${parts.invalid} invalid)`,
      );
      // The wizard's path adds minutes per trial at 100,000 rows: the first trial only, unless smoke.
      const wizard = trial <= wizardTrials ? ['worker'] : [];
      const sides = trial % 2 ? ['raw', 'importFile', ...wizard] : [...wizard, 'importFile', 'raw'];
      for (const side of sides) {
        if (side === 'raw') {
          const raw = await call('bulkPutRaw', 'bench-import-raw');
          s.bulkPut.push(raw.ms);
          s.layout.push(raw.layout);
          progress(
            `  (c) raw Dexie bulkPut ${fixed(raw.ms)} ms (layout beforehand ${fixed(raw.layout)} ms, not timed)`,
          );
          continue;
        }
        const result = await call('importKehu', `bench-import-${side}`, side);
        if (result.inserted !== size)
          throw new Error(
            `${side}: inserted ${result.inserted} of ${size}; ${result.rejected} rejected: ${result.problems.join('; ')}`,
          );
        s[side].push(result.ms);
        longTasks[side].push(result.longTasks);
        progress(
          `  (d) Kehu ${side === 'worker' ? "wizard's path (worker parse + importRows)" : 'importFile'} ${fixed(result.ms)} ms; longest main-thread task ${fixed(result.longTasks.max)} ms, ${result.longTasks.count} over 50 ms`,
        );
      }
      sums.push(parts.parseUtf8 + parts.validate + s.bulkPut.at(-1));
      // Smoke: prove the GBK file imports end to end as well (the full run times GBK parsing only).
      if (smoke) {
        const gbk = await call('importKehu', 'bench-import-gbk', 'importFile', 'gbk');
        if (gbk.inserted !== size || gbk.encoding !== 'gb18030')
          throw new Error(`GBK import: inserted ${gbk.inserted} of ${size} as ${gbk.encoding}`);
        s.gbkImport.push(gbk.ms);
      }
    });
  }
  const n = size.toLocaleString('en');
  const rows = [
    row(median, {
      id: 'import-end-to-end',
      label: `CSV import ${n} rows, importFile`,
      kehu: s.importFile,
      baseline: sums,
      baselineLabel: 'parse + clean/validate + Dexie bulkPut, each alone (a+b+c)',
    }),
    row(median, {
      id: 'import-wizard-path',
      label: `CSV import ${n} rows, wizard's path`,
      kehu: s.worker,
      // Paired with the parts of the trials it ran in (the first, in a full run).
      baseline: sums.slice(0, s.worker.length),
      baselineLabel: 'same (a+b+c)',
      note: 'openRows parses and cleans in a Web Worker; importRows resolves, checks and writes on the page',
    }),
    row(median, { id: 'import-parse-utf8', label: '  (a) parse, UTF-8 with BOM', kehu: s.parseUtf8 }),
    row(median, { id: 'import-parse-gbk', label: '  (a) parse, GBK', kehu: s.parseGbk }),
    row(median, { id: 'import-validate', label: '  (b) clean + validate', kehu: s.validate }),
    row(median, { id: 'import-bulkput', label: '  (c) raw Dexie bulkPut, batches of 500', kehu: s.bulkPut }),
  ];
  if (smoke)
    rows.push(row(median, { id: 'import-gbk', label: `CSV import ${n} rows, GBK, importFile`, kehu: s.gbkImport }));
  const stages = [
    ['(a) parse, UTF-8 with BOM', s.parseUtf8],
    ['(a) parse, GBK', s.parseGbk],
    ['(b) clean + validate', s.validate],
    ['(c) raw Dexie bulkPut', s.bulkPut],
    ['(a+b+c) parts together', sums],
    ['(d) Kehu importFile', s.importFile],
    ["(d) Kehu wizard's path", s.worker],
  ];
  const longest = (list) => Math.max(0, ...list.map((t) => t.max));
  const lines = [
    '',
    'rows/s (medians):',
    ...stages.map(
      ([label, samples]) =>
        `  ${label.padEnd(26)} ${perSecond(size, median(samples)).padStart(10)} rows/s  (${fixed(median(samples))} ms)`,
    ),
    `longest main-thread task during the import (reported, not asserted): importFile ${fixed(longest(longTasks.importFile))} ms (${longTasks.importFile.map((t) => t.count).join('/')} tasks over 50 ms per trial), wizard's path ${fixed(longest(longTasks.worker))} ms (${longTasks.worker.map((t) => t.count).join('/')}).`,
    `record layout for the raw baseline (done before (c), not timed): ${fixed(median(s.layout))} ms; ${context.invalid} rows invalid in (b).`,
  ];
  context = { ...context, samples: s, sums, longTasks, layoutMs: median(s.layout) };
  return { rows, lines, context };
}

/** Row 11: the scan in a Web Worker (fresh per trial), then once on the page for contrast. */
async function dedupeBench(session, size, runs, smoke, progress) {
  // About 5% planted duplicates.
  const duplicates = Math.round(size * 0.05);
  const worker = [];
  let page;
  await session(async ({ call }) => {
    for (let trial = 1; trial <= runs; trial++) {
      const scan = await call('dedupeInWorker', size, duplicates);
      worker.push(scan);
      progress(
        `dedupe ${trial}/${runs} in a worker: scan ${fixed(scan.scanMs)} ms (generate ${fixed(scan.generateMs)} ms, round trip ${fixed(scan.roundTripMs)} ms), ${scan.pairs} pairs, recall ${percent(scan.recall)}, precision ${percent(scan.precision)}; page's longest task meanwhile ${fixed(scan.longTasks.max)} ms`,
      );
    }
    page = await call('dedupeInPage', size, duplicates);
    progress(
      `dedupe on the main thread: scan ${fixed(page.scanMs)} ms, recall ${percent(page.recall)}, precision ${percent(page.precision)}, longest task ${fixed(page.longTasks.max)} ms`,
    );
  });
  const n = size.toLocaleString('en');
  const rows = [
    row(median, {
      id: 'dedupe-worker',
      label: `duplicate scan ${n} customers, worker`,
      kehu: worker.map((s) => s.scanMs),
      note: `target ≤ 10 s in a worker, recall ≥ 95%; ${duplicates} planted duplicates`,
    }),
    row(median, {
      id: 'dedupe-page',
      label: `  same scan on the main thread`,
      kehu: [page.scanMs],
      note: 'as <kehu-duplicate-review> runs it today: one task',
    }),
  ];
  const first = worker[0];
  const lines = [
    '',
    `${first.planted} planted duplicate pairs among ${first.customers.toLocaleString('en')} customers (variants: full-width, spaces, 有限公司/公司, swapped characters, +86 phone, another phone).`,
    `recall ${worker.map((s) => percent(s.recall)).join(' / ')}, precision ${worker.map((s) => percent(s.precision)).join(' / ')} (per trial; deterministic data, so equal); ${first.pairs} pairs found.`,
    `in a worker the page's longest task stayed ${fixed(Math.max(...worker.map((s) => s.longTasks.max)))} ms (0 = none over 50 ms); on the main thread the scan is one task of ${fixed(page.longTasks.max)} ms.`,
    `generating the customers (not timed in the scan): ${fixed(median(worker.map((s) => s.generateMs)))} ms.`,
  ];
  if (!smoke && first.recall < 0.95) lines.push(`NOTE: recall ${percent(first.recall)} is below the 95% target.`);
  return { rows, lines, context: { duplicates, worker, page } };
}
