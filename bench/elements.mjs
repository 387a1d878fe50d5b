// The element measures (6–8 in bench/README.md), driven from Node: scrolling the list over every
// customer, and keystroke → painted frame in a 150-field form and in a document of 1,000 lines.
// Each trial loads a fresh page per side; sides alternate who goes first.

/** The `p`th percentile (0–100), nearest rank. */
export function percentile(samples, p) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Two rows, p50 and p95 of every sample pooled over the trials (frames or keys, not trials: a
 * per-trial ratio would hide the slow frames a p95 is for); the ratio is Kehu's over the baseline's.
 */
function percentileRows({ id, label, kehu, baseline, baselineLabel, note, percentiles = [50, 95] }) {
  return percentiles.map((p) => {
    const k = percentile(kehu, p);
    const b = percentile(baseline, p);
    return {
      id: `${id}-p${p}`,
      label: `${label}, p${p}`,
      kehuMs: k,
      baselineMs: b,
      ratio: k / Math.max(b, 0.01),
      ratioOf: `p${p}s`,
      baselineLabel,
      trials: kehu.length,
      samples: { kehu, baseline },
      note,
    };
  });
}

const median = (samples) => percentile(samples, 50);
const order = (trial) => (trial % 2 ? ['kehu', 'baseline'] : ['baseline', 'kehu']);

/** Typed into the form's middle text field: plain ASCII, so every character is a real key event. */
const TEXT = 'Call back on Friday about the renewal quote ';

/**
 * Runs measures 6–8 on an open session whose profile holds `records` customers in the Kehu store
 * `kehuStore`; returns table rows and context numbers.
 */
export async function measureElements({ session, kehuStore, records, smoke, trials, progress }) {
  const { call, load, press } = session;
  const lines = smoke ? 100 : 1_000;
  const steps = smoke ? 10 : 60;
  const keystrokes = smoke ? 6 : 40;
  const edits = smoke ? 2 : 8;
  const f = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');

  // 6. Scrolling: frame times over the whole run, the most rows in the DOM, the jumps' load times.
  const scroll = {
    kehu: [],
    baseline: [],
    maxRows: { kehu: 0, baseline: 0 },
    fills: { kehu: [], baseline: [] },
    // Frames that took two intervals or more (a dropped frame at 60 Hz), per trial.
    long: { kehu: [], baseline: [] },
  };
  for (let trial = 1; trial <= trials; trial++) {
    for (const side of order(trial)) {
      await load();
      if (side === 'baseline') await call('generate', records);
      const result = await call(
        side === 'kehu' ? 'scrollKehu' : 'scrollBaseline',
        ...(side === 'kehu' ? [kehuStore, steps] : [steps]),
      );
      scroll[side].push(...result.deltas);
      scroll.maxRows[side] = Math.max(scroll.maxRows[side], result.maxRows);
      scroll.fills[side].push(...result.fills);
      scroll.long[side].push(result.deltas.filter((ms) => ms > 25).length);
      progress(
        `scroll ${trial}/${trials} ${side}: ${result.deltas.length} frames over ${result.rows} rows, p50 ${f(percentile(result.deltas, 50))} ms, p95 ${f(percentile(result.deltas, 95))} ms, max ${result.maxRows} rows in the DOM, jumps filled in ${result.fills.map((ms) => f(ms)).join(', ')} ms, landed at ${result.landed.map((x) => `${Math.round(x * 100)}%`).join(', ')}`,
      );
    }
  }

  // 7. Keystrokes in the 150-field form.
  const form = { kehu: [], baseline: [], work: { kehu: [], baseline: [] } };
  for (let trial = 1; trial <= trials; trial++) {
    for (const side of order(trial)) {
      await load();
      await call('openWideForm', side, lines);
      for (let i = 0; i < keystrokes; i++) {
        await press(TEXT[i % TEXT.length]);
        const timing = await call('lastKey');
        form[side].push(timing.frame);
        form.work[side].push(timing.work);
      }
      const last = form[side].slice(-keystrokes);
      progress(
        `form keys ${trial}/${trials} ${side}: median ${f(median(last))} ms, p95 ${f(percentile(last, 95))} ms to the painted frame`,
      );
    }
  }

  // 8. Editing the quantity of the middle line: a key starts the edit, more keys type, Enter commits.
  const grid = {
    start: { kehu: [], baseline: [] },
    keys: { kehu: [], baseline: [] },
    commit: { kehu: [], baseline: [] },
  };
  const work = { keys: { kehu: [], baseline: [] }, commit: { kehu: [], baseline: [] } };
  for (let trial = 1; trial <= trials; trial++) {
    for (const side of order(trial)) {
      await load();
      await call('openLines', side, lines);
      const focused = await call('focused');
      if (!focused.includes('[quantity]'))
        throw new Error(`${side}: expected the quantity cell focused, found ${focused}`);
      for (let edit = 0; edit < edits; edit++) {
        const digits = String(1000 + 7 * edit + trial);
        for (const [i, digit] of [...digits].entries()) {
          await press(digit);
          const timing = await call('lastKey');
          grid[i ? 'keys' : 'start'][side].push(timing.frame);
          if (i) work.keys[side].push(timing.work);
        }
        await press('Enter');
        const commit = await call('lastKey');
        grid.commit[side].push(commit.frame);
        work.commit[side].push(commit.work);
        // Back to the middle line (Enter moved down one), not measured.
        await press('ArrowUp');
        await call('lastKey');
      }
      progress(
        `line items ${trial}/${trials} ${side}: key median ${f(median(grid.keys[side]))} ms, commit median ${f(median(grid.commit[side]))} ms, edit start median ${f(median(grid.start[side]))} ms`,
      );
    }
  }

  const n = records.toLocaleString('en');
  const workRows = (id, label, samples) =>
    percentileRows({
      id,
      label,
      kehu: samples.kehu,
      baseline: samples.baseline,
      baselineLabel: 'same, work alone',
      note: 'from the key event to the end of its handlers and updates, style and layout forced: no wait for the frame',
    });
  const rows = [
    ...percentileRows({
      id: 'scroll-frame',
      label: `list scroll over ${n}, frame time`,
      kehu: scroll.kehu,
      baseline: scroll.baseline,
      baselineLabel: 'bare lit-virtualizer, same rows, in memory',
      percentiles: [50, 95, 99],
    }),
    ...percentileRows({
      id: 'scroll-jump',
      label: '  list jump → rows in view filled',
      kehu: scroll.fills.kehu,
      baseline: scroll.fills.baseline,
      baselineLabel: 'same (two frames at least)',
      note: 'from setting scrollTop to 25/50/75/100% to the rows in view showing records, not placeholders',
    }),
    ...percentileRows({
      id: 'form-key',
      label: '150-field form, key → painted frame',
      kehu: form.kehu,
      baseline: form.baseline,
      baselineLabel: 'lit-html, 150 plain controls',
    }),
    ...workRows('form-key-work', '  150-field form, key work', form.work),
    ...percentileRows({
      id: 'lines-key',
      label: `${lines.toLocaleString('en')} lines, key in cell → frame`,
      kehu: grid.keys.kehu,
      baseline: grid.keys.baseline,
      baselineLabel: 'bare lit-virtualizer, same rows',
    }),
    ...workRows('lines-key-work', `  ${lines.toLocaleString('en')} lines, key work`, work.keys),
    ...percentileRows({
      id: 'lines-commit',
      label: `${lines.toLocaleString('en')} lines, Enter commit → frame`,
      kehu: grid.commit.kehu,
      baseline: grid.commit.baseline,
      baselineLabel: 'bare lit-virtualizer, same rows',
    }),
    ...workRows('lines-commit-work', `  ${lines.toLocaleString('en')} lines, commit work`, work.commit),
  ];
  const pair = (samples) => ({ kehu: median(samples.kehu), baseline: median(samples.baseline) });
  const context = {
    lines,
    scrollMaxRows: scroll.maxRows,
    scrollLongFramesPerTrial: pair(scroll.long),
    linesEditStartMs: pair(grid.start),
  };
  return { rows, context };
}

/** The context lines printed under the table. */
export function describeElements({ context }) {
  const f = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  const both = ({ kehu, baseline }) => `${f(kehu)} ms (baseline ${f(baseline)} ms)`;
  return [
    `list scroll: at most ${context.scrollMaxRows.kehu} row elements in the DOM (baseline ${context.scrollMaxRows.baseline}); frames over 25 ms per trial (median): ${context.scrollLongFramesPerTrial.kehu} (baseline ${context.scrollLongFramesPerTrial.baseline}).`,
    `line items: the key that starts an edit took ${both(context.linesEditStartMs)} to its painted frame (median).`,
  ];
}
