// The element measures (6–8 in bench/README.md), driven from Node: scrolling the list over every
// customer, and keystroke → painted frame in a 150-field form and in a document of 1,000 lines.
// Each trial loads a fresh page per side; sides alternate who goes first. Rows 7 and 8 also run the
// peers (rjsf, JSON Forms; bench/peers/), whose rows go under the table as "× faster" (peer ÷ Kehu).
import { buildPeers } from './peers/build.mjs';

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

/** The peers of rows 7 and 8, as `bench/peers/peer-forms.ts` names them. */
export const PEERS = [
  { id: 'rjsf', label: 'rjsf 6 + ajv8, React 19' },
  { id: 'jsonforms', label: 'JSON Forms 3.8, vanilla' },
];
const FORM_SIDES = ['kehu', 'baseline', ...PEERS.map((p) => p.id)];
/** Rows 7 and 8: every side once per trial, each trial starting with the next side. */
const rotation = (trial) => FORM_SIDES.map((_, i) => FORM_SIDES[(trial - 1 + i) % FORM_SIDES.length]);
const bySide = () => Object.fromEntries(FORM_SIDES.map((side) => [side, []]));

/**
 * Kehu against each peer: p50 and p95 of every key pooled over the trials, as table rows whose
 * baseline is the peer (`ratio` = Kehu ÷ peer, like every row); `faster` is the other way round,
 * the peer's percentile over Kehu's (how many times faster Kehu is), printed in its own table.
 */
function peerRows({ id, label, kehu, samples, percentiles = [50, 95] }) {
  return PEERS.flatMap((peer) =>
    percentiles.map((p) => {
      const k = percentile(kehu, p);
      const other = percentile(samples[peer.id], p);
      return {
        id: `${id}-${peer.id}-p${p}`,
        label: `${label}, p${p}`,
        kehuMs: k,
        baselineMs: other,
        ratio: k / Math.max(other, 0.01),
        ratioOf: `p${p}s`,
        baselineLabel: peer.label,
        trials: kehu.length,
        samples: { kehu, baseline: samples[peer.id] },
        peer: peer.id,
        faster: other / Math.max(k, 0.01),
      };
    }),
  );
}

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
  progress(`peers bundled with esbuild in ${f(await buildPeers())} ms`);

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
  const form = { ...bySide(), work: bySide(), elements: bySide() };
  for (let trial = 1; trial <= trials; trial++) {
    for (const side of rotation(trial)) {
      await load();
      await call('openWideForm', side, lines);
      for (let i = 0; i < keystrokes; i++) {
        await press(TEXT[i % TEXT.length]);
        const timing = await call('lastKey');
        form[side].push(timing.frame);
        form.work[side].push(timing.work);
      }
      form.elements[side].push(await call('stageElements'));
      const last = form[side].slice(-keystrokes);
      progress(
        `form keys ${trial}/${trials} ${side}: median ${f(median(last))} ms, p95 ${f(percentile(last, 95))} ms to the painted frame`,
      );
    }
  }

  // 8. Editing the quantity of the middle line: a key starts the edit, more keys type, Enter commits.
  // The peers have no cell editor to commit: their quantity is an input whose every key updates the
  // form's data (and so the "key" rows compare that with a key in Kehu's editor); after the digits the
  // page focuses the middle line again with its text selected (not timed), instead of Enter and ArrowUp.
  const grid = { start: bySide(), keys: bySide(), commit: bySide(), elements: bySide() };
  const work = { keys: bySide(), commit: bySide() };
  for (let trial = 1; trial <= trials; trial++) {
    for (const side of rotation(trial)) {
      const peer = PEERS.some((p) => p.id === side);
      await load();
      await call('openLines', side, lines);
      grid.elements[side].push(await call('stageElements'));
      const focused = await call('focused');
      if (!peer && !focused.includes('[quantity]'))
        throw new Error(`${side}: expected the quantity cell focused, found ${focused}`);
      for (let edit = 0; edit < edits; edit++) {
        const digits = String(1000 + 7 * edit + trial);
        for (const [i, digit] of [...digits].entries()) {
          await press(digit);
          const timing = await call('lastKey');
          grid[i ? 'keys' : 'start'][side].push(timing.frame);
          if (i) work.keys[side].push(timing.work);
        }
        if (peer) {
          const shown = await call('refocusPeerLine');
          if (Number(shown) !== Number(digits)) throw new Error(`${side}: typed ${digits}, the line shows ${shown}`);
          continue;
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
        `line items ${trial}/${trials} ${side}: key median ${f(median(grid.keys[side]))} ms (work ${f(median(work.keys[side]))} ms)${peer ? '' : `, commit median ${f(median(grid.commit[side]))} ms`}, edit start median ${f(median(grid.start[side]))} ms, ${grid.elements[side].at(-1)} elements`,
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
  const everySide = (samples) => Object.fromEntries(FORM_SIDES.map((side) => [side, median(samples[side])]));
  rows.push(
    ...peerRows({ id: 'form-key', label: '150-field form vs peer, key → frame', kehu: form.kehu, samples: form }),
    ...peerRows({
      id: 'form-key-work',
      label: '  150-field form vs peer, key work',
      kehu: form.work.kehu,
      samples: form.work,
    }),
    ...peerRows({
      id: 'lines-key',
      label: `${lines.toLocaleString('en')} lines vs peer, key → frame`,
      kehu: grid.keys.kehu,
      samples: grid.keys,
    }),
    ...peerRows({
      id: 'lines-key-work',
      label: `  ${lines.toLocaleString('en')} lines vs peer, key work`,
      kehu: work.keys.kehu,
      samples: work.keys,
    }),
    ...peerRows({
      id: 'lines-start',
      label: `  ${lines.toLocaleString('en')} lines vs peer, first digit → frame`,
      kehu: grid.start.kehu,
      samples: grid.start,
      percentiles: [50],
    }),
  );
  const context = {
    lines,
    scrollMaxRows: scroll.maxRows,
    scrollLongFramesPerTrial: pair(scroll.long),
    linesEditStartMs: pair(grid.start),
    formElements: everySide(form.elements),
    linesElements: everySide(grid.elements),
    peers: PEERS,
  };
  return { rows, context };
}

/** The context lines printed under the table. */
export function describeElements({ rows = [], context }) {
  const f = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  const both = ({ kehu, baseline }) => `${f(kehu)} ms (baseline ${f(baseline)} ms)`;
  return [
    `list scroll: at most ${context.scrollMaxRows.kehu} row elements in the DOM (baseline ${context.scrollMaxRows.baseline}); frames over 25 ms per trial (median): ${context.scrollLongFramesPerTrial.kehu} (baseline ${context.scrollLongFramesPerTrial.baseline}).`,
    `line items: the key that starts an edit took ${both(context.linesEditStartMs)} to its painted frame (median).`,
    ...peerTable(
      rows.filter((r) => r.peer),
      context,
    ),
  ];
}

/** Kehu against each peer, "× faster" = the peer's time ÷ Kehu's (the other way round from the table above). */
function peerTable(rows, { formElements, linesElements, lines }) {
  if (!rows.length) return [];
  const ms = (value) => (!Number.isFinite(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
  const header = ['Kehu vs peers', '× faster', 'kehu ms', 'peer ms', 'n', 'peer'];
  const cells = rows.map((r) => [
    r.label,
    Number.isFinite(r.faster) ? `${r.faster.toFixed(r.faster >= 10 ? 0 : 2)}x` : 'n/a',
    ms(r.kehuMs),
    ms(r.baselineMs),
    String(r.trials),
    r.baselineLabel,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const align = (c) => c.map((x, i) => (i >= 1 && i <= 4 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ');
  const sizes = (counts) =>
    Object.entries(counts)
      .map(([side, n]) => `${side} ${n}`)
      .join(', ');
  return [
    '',
    align(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(align),
    `× faster = peer ÷ Kehu, of the percentiles of every key pooled over the trials. Peers' keys update their form data on every key; Kehu's line editor commits on Enter.`,
    `elements in the page (shadow roots included): 150-field form ${sizes(formElements)}; ${lines.toLocaleString('en')} lines ${sizes(linesElements)}.`,
  ];
}
