// Turns the samples of a bench run into rows (medians and ratios), a text table and a JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/**
 * One table row: Kehu's median and the baseline's median from the same run. The ratio is the median
 * of per-trial ratios when both sides ran in every trial (each pair ran a few seconds apart, so a
 * burst of other work on the machine skews one pair, not the whole row); otherwise the ratio of the
 * medians. `baseline` is absent for absolute-only rows (quick search); `note` says what a row is about.
 */
export function row(median, { id, label, kehu, baseline, baselineLabel, note }) {
  const k = median(kehu);
  const b = baseline?.length ? median(baseline) : undefined;
  const floor = (value) => Math.max(value, 0.01);
  const paired = baseline?.length === kehu.length;
  const ratio =
    b === undefined ? undefined : paired ? median(kehu.map((value, i) => value / floor(baseline[i]))) : k / floor(b);
  return {
    id,
    label,
    kehuMs: k,
    baselineMs: b,
    ratio,
    ratioOf: b === undefined ? undefined : paired ? 'per-trial ratios (median)' : 'medians',
    baselineLabel,
    trials: kehu.length,
    samples: { kehu, baseline },
    note,
  };
}

const ms = (value) => (value === undefined ? '' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value) => (value === undefined ? 'n/a' : `${value.toFixed(value >= 10 ? 0 : 2)}x`);

/** The rows as a fixed-width table, ratio first because that is what the run is for. */
export function formatTable(rows, title) {
  const header = ['measure', 'ratio', 'kehu ms', 'base ms', 'n', 'baseline'];
  const lines = rows.map((r) => [
    r.label,
    ratio(r.ratio),
    ms(r.kehuMs),
    ms(r.baselineMs),
    String(r.trials),
    r.baselineLabel ?? '(absolute)',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const align = (cells) =>
    cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [title, align(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(align)].join('\n');
}

/** The same table as GitHub Markdown, for the README. */
export function formatMarkdown(rows) {
  const lines = ['| measure | ratio | Kehu ms | baseline ms | trials | baseline |', '|---|--:|--:|--:|--:|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${ratio(r.ratio)} | ${ms(r.kehuMs)} | ${ms(r.baselineMs)} | ${r.trials} | ${r.baselineLabel ?? '(absolute)'} |`,
    );
  }
  return lines.join('\n');
}

/** Writes `bench/results/<name>-<date>[-smoke].json` (`spine` by default); returns its path. */
export function writeResults(result, { smoke, name = 'spine' }) {
  mkdirSync(resultsDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = `${resultsDir}${name}-${date}${smoke ? '-smoke' : ''}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
