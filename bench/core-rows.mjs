// Rows 9 and 10 of issue 8: the validator (ready time and throughput against bare ajv, in headless
// Chromium) and the bundle (Kehu's own code on top of its libraries, gzip, measured with esbuild).
import { formatTable, row } from './report.mjs';
import { openBrowser, startServer } from './session.mjs';
import { measureBundles } from './bundle.mjs';

const median = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/**
 * Row 9: `ready` trials of schema → first answer for Kehu (its default: interpreted for the first
 * records, compiled after, where the page allows code generation; precompiled, what the demo ships under its CSP; interpreted) and for bare
 * ajv, sides alternating; then `trials` passes over `records` seeded customers with each.
 */
export async function measureValidator({ smoke = false, progress = console.log } = {}) {
  const records = smoke ? 500 : 20_000;
  const readyTrials = smoke ? 3 : 15;
  const trials = smoke ? 1 : 5;
  const server = await startServer();
  const browser = await openBrowser(server.url.replace(/list-100k\.html$/, 'validator.html'));
  const s = {
    ready: { kehu: [], ajv: [], precompiled: [], interpreted: [] },
    pass: { kehu: [], ajv: [], precompiled: [] },
  };
  const valid = {};
  try {
    await browser.load();
    await browser.call('prepare', records);
    for (let trial = 1; trial <= readyTrials; trial++) {
      const sides =
        trial % 2 ? ['kehu', 'ajv', 'precompiled', 'interpreted'] : ['interpreted', 'precompiled', 'ajv', 'kehu'];
      for (const side of sides) {
        const [who, mode] = side === 'ajv' ? ['ajv'] : ['kehu', side === 'kehu' ? 'auto' : side];
        const { ms, valid: ok } = await browser.call('ready', who, mode);
        if (!ok) throw new Error(`${side}: the first seeded customer was refused`);
        s.ready[side].push(ms);
      }
    }
    for (let trial = 1; trial <= trials; trial++) {
      const sides = trial % 2 ? ['kehu', 'ajv', 'precompiled'] : ['precompiled', 'ajv', 'kehu'];
      for (const side of sides) {
        const [who, mode] = side === 'ajv' ? ['ajv'] : ['kehu', side === 'kehu' ? 'auto' : side];
        const pass = await browser.call('throughput', who, mode);
        s.pass[side].push(pass.ms);
        valid[side] = pass.valid;
      }
    }
    if (new Set(Object.values(valid)).size !== 1)
      throw new Error(`Kehu and ajv disagree on the seeded customers: ${JSON.stringify(valid)} valid`);
    progress(
      `validator: ready Kehu ${fixed(median(s.ready.kehu))} ms (precompiled ${fixed(median(s.ready.precompiled))}, interpreted ${fixed(median(s.ready.interpreted))}), ajv compile ${fixed(median(s.ready.ajv))} ms; ${records.toLocaleString('en')} customers in ${fixed(median(s.pass.kehu), 0)} ms vs ajv ${fixed(median(s.pass.ajv), 0)} ms`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
  const n = records.toLocaleString('en');
  const rows = [
    row(median, {
      id: 'validator-ready',
      label: 'validator ready, customer schema',
      kehu: s.ready.kehu,
      baseline: s.ready.ajv,
      baselineLabel: 'bare ajv compile, same schema',
      note: 'defineEntity (schema checks, field model, validator) to the first answer; target ≤ 5 ms',
    }),
    row(median, {
      id: 'validator-ready-precompiled',
      label: '  ready, precompiled (the demo under CSP)',
      kehu: s.ready.precompiled,
      baseline: s.ready.ajv,
      baselineLabel: 'bare ajv compile, same schema',
    }),
    row(median, {
      id: 'validator-ready-interpreted',
      label: '  ready, interpreted (run-time schemas under CSP)',
      kehu: s.ready.interpreted,
      baseline: s.ready.ajv,
      baselineLabel: 'bare ajv compile, same schema',
    }),
    row(median, {
      id: 'validator-throughput',
      label: `validate ${n} customers`,
      kehu: s.pass.kehu,
      baseline: s.pass.ajv,
      baselineLabel: 'bare ajv validate',
      note: 'time ratio; throughput is its inverse (target ≥ 0.8×, i.e. ratio ≤ 1.25)',
    }),
    row(median, {
      id: 'validator-throughput-precompiled',
      label: `  validate ${n}, precompiled`,
      kehu: s.pass.precompiled,
      baseline: s.pass.ajv,
      baselineLabel: 'bare ajv validate',
    }),
  ];
  return { rows, context: { records, readyTrials, trials, valid: valid.kehu } };
}

/** Row 10 as table rows in KB (gzip): `kehuMs`/`baselineMs` carry kilobytes, `unit` says so. */
export async function measureBundleRows({ progress = console.log } = {}) {
  const kb = (bytes) => bytes / 1024;
  const rows = [];
  for (const r of await measureBundles()) {
    const what = r.host === 'all' ? 'every element' : 'provider + list + form';
    progress(
      `bundle (${what}): Kehu's own code ${fixed(kb(r.own.gzip))} KB gzip; with its libraries ${fixed(kb(r.full.gzip))} KB; libraries bare ${fixed(kb(r.bare.gzip))} KB; loaded on first use ${fixed(kb(r.full.lazyGzip))} KB`,
    );
    rows.push({
      ...row(median, {
        id: `bundle-${r.host}`,
        label: `bundle, ${what}: with libraries`,
        kehu: [kb(r.full.gzip)],
        baseline: [kb(r.bare.gzip)],
        baselineLabel: 'the same libraries bundled bare',
        note: `on top: ${fixed(kb(r.full.gzip - r.bare.gzip))} KB gzip; Kehu's own code alone ${fixed(kb(r.own.gzip))} KB gzip; target ≤ 30 KB on top`,
      }),
      unit: 'KB',
      onTopKb: kb(r.full.gzip - r.bare.gzip),
      ownKb: kb(r.own.gzip),
    });
  }
  return { rows };
}

if (process.argv[1]?.endsWith('core-rows.mjs')) {
  const smoke = process.argv.includes('--smoke');
  const validator = await measureValidator({ smoke });
  const bundles = await measureBundleRows();
  console.log(`\n${formatTable([...validator.rows, ...bundles.rows], 'validator and bundle')}`);
}
