// Rows 1 and 3–8 of issue 8 (bulk insert, first rows, sort, counts, quick search; list scrolling,
// form and line-item keystrokes): Kehu against raw Dexie, bare Lit and peer libraries on 100,000
// seeded customers, in headless Chromium. `bench/run.mjs` calls `runSpine`; bench/README.md says
// what each row means.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { tsImport } from 'tsx/esm/api';
import { describeElements, measureElements } from './elements.mjs';
import { formatMarkdown, formatTable, row, writeResults } from './report.mjs';
import { openBrowser, startServer } from './session.mjs';

const { median } = await tsImport('./measure.ts', import.meta.url);

/**
 * Runs the spine measures (unless `only` is `elements`) and the element measures (unless `only` is
 * `spine`); prints progress and a table, writes `bench/results/spine|elements-<date>.json` and
 * returns the results. `trials` is the fast measures' count (inserts get at most `insertTrials`).
 */
export async function runSpine({
  smoke = false,
  only,
  records: size,
  trials,
  insertTrials = 3,
  split: splitToo = false,
  trace = false,
}) {
  // The spine measures (1–5) and the element measures (6–8); the latter only need Kehu's store.
  const spine = only !== 'elements';
  const elementsToo = only !== 'spine';
  const records = Number(size ?? (smoke ? 2_000 : 100_000));
  const fast = Number(trials ?? (smoke ? 1 : 5));
  // A 100,000-record insert takes about a minute per side on 2 cores: three trials keep the run short.
  const slow = Math.min(fast, insertTrials);
  // RxDB's in-memory descending sort reads every record: a couple of trials make the point.
  const contrast = Math.min(fast, 2);

  const KEHU = 'bench-kehu';
  const RAW = 'bench-raw';
  const SPLIT = 'bench-rxdb-split';

  const started = performance.now();
  // Other work on the machine skews every number: the load average goes into the results.
  const loadAtStart = loadavg()[0];
  const progress = (message) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  // A mark the run did not reach (the list no longer waits for its count) prints as n/a.
  const fixed = (value, digits = 0) => (typeof value === 'number' ? value.toFixed(digits) : 'n/a');
  const n = records.toLocaleString('en');

  const server = await startServer();
  const pageErrors = [];
  /** A fresh Chromium profile with the bench page open and the seed generated in it. */
  async function freshBrowser() {
    const browser = await openBrowser(server.url, { trace });
    try {
      await browser.load();
      const ms = await browser.call('generate', records);
      progress(`fresh Chromium profile; generated ${n} seeded customers in the page in ${fixed(ms / 1000, 1)} s`);
      return browser;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  let session;
  try {
    progress(`${n} customers, ${fast} trials (${slow} for inserts, ${contrast} for RxDB contrasts)`);

    // 1. Bulk insert, each trial in a fresh profile: IndexedDB still compacting or deleting an earlier
    // trial's 100,000 records made later trials up to twice as slow. The last trial's data serve the rest.
    const insert = { kehu: [], raw: [] };
    for (let trial = 1; trial <= (spine ? slow : 1); trial++) {
      if (session) pageErrors.push(...session.pageErrors);
      await session?.close();
      session = await freshBrowser();
      // Alternate who goes first, so neither always meets a backend still busy with the other's writes.
      for (const side of !spine ? ['kehu'] : trial % 2 ? ['kehu', 'raw'] : ['raw', 'kehu']) {
        const ms = await session.call(
          side === 'kehu' ? 'insertThroughKehu' : 'insertRaw',
          side === 'kehu' ? KEHU : RAW,
        );
        insert[side].push(ms);
        const what = side === 'kehu' ? 'Kehu bulkInsert' : 'raw Dexie bulkPut';
        progress(`insert ${trial}/${slow}: ${what} ${fixed(ms / 1000, 1)} s`);
      }
    }
    const { call, load, traced, version } = session;
    const split = spine ? await call('splitInsert', SPLIT) : {};
    if (spine && splitToo) {
      const alone = await freshBrowser();
      try {
        split.rxdbInsert = (await alone.call('splitInsert', SPLIT, { rxdb: true })).rxdbInsert;
      } finally {
        pageErrors.push(...alone.pageErrors);
        await alone.close();
      }
    }
    progress(
      `insert split: validate ${fixed(split.validate)} ms, layout ${fixed(split.layout)} ms${split.rxdbInsert === undefined ? '' : `, RxDB bulkInsert ${fixed(split.rxdbInsert)} ms`}`,
    );
    const stored = await call('count', KEHU);
    if (stored !== records) throw new Error(`the Kehu store holds ${stored} customers, expected ${records}`);

    // 2. First rows: a fresh page per side and trial; cold is the first list, warm a second fresh one.
    const list = {
      ...{ open: [], cold: [], warm: [], count: [], firstPage: [], rawCold: [], rawWarm: [] },
      ...{ warmDom: [], rawWarmDom: [] },
    };
    for (let trial = 1; spine && trial <= fast; trial++) {
      await load();
      const kehu = await traced(`list-cold-${trial}`, () => call('firstRowsInList', KEHU));
      await load();
      const raw = await call('firstRowsRaw', RAW);
      for (const [key, value] of Object.entries({
        open: kehu.open,
        cold: kehu.cold,
        warm: kehu.warm,
        count: kehu.coldMarks.count,
        firstPage: kehu.coldMarks.firstPage,
        rawCold: raw.cold,
        rawWarm: raw.warm,
        warmDom: kehu.warmDom,
        rawWarmDom: raw.warmDom,
      })) {
        list[key].push(value);
      }
      progress(
        `first rows ${trial}/${fast}: list cold ${fixed(kehu.cold)} ms (count$ ${fixed(kehu.coldMarks.count ?? NaN)}, page ${fixed(kehu.coldMarks.firstPage ?? NaN)}), warm ${fixed(kehu.warm)} ms (in the DOM ${fixed(kehu.warmDom)}); raw cold ${fixed(raw.cold, 1)} ms, warm ${fixed(raw.warm, 1)} ms (${fixed(raw.warmDom, 1)})`,
      );
    }

    // 3–5. Queries: a fresh page per side and trial, so RxDB's query cache never answers for the storage.
    const queries = { kehu: [], raw: [], rxdb: [] };
    const mismatches = [];
    let rawAnswers;
    for (let trial = 1; spine && trial <= fast; trial++) {
      await load();
      const kehu = await traced(`queries-${trial}`, () => call('queriesThroughKehu', KEHU));
      await load();
      const raw = await call('queriesRaw', RAW);
      queries.kehu.push(kehu.times);
      queries.raw.push(raw.times);
      rawAnswers = raw.answers;
      if (JSON.stringify(kehu.answers) !== JSON.stringify(raw.answers))
        mismatches.push({ kehu: kehu.answers, raw: raw.answers });
      const [k, r] = [kehu.times, raw.times];
      progress(
        `queries ${trial}/${fast}: desc ${fixed(k.sortDesc, 1)}, count ${fixed(k.countAll)}, count vip ${fixed(k.countFiltered)}, search ${fixed(k.search)}, search count ${fixed(k.searchCount)}, no match ${fixed(k.searchNone)} / count ${fixed(k.searchNoneCount)} ms; raw desc ${fixed(r.sortDesc, 1)}, count ${fixed(r.countAll)}, count vip ${fixed(r.countFiltered, 1)} ms`,
      );
    }
    for (let trial = 1; spine && trial <= contrast; trial++) {
      await load();
      const rxdb = await call('queriesThroughRxdb', KEHU);
      queries.rxdb.push(rxdb.times);
      if (
        JSON.stringify(rxdb.answers) !==
        JSON.stringify({ desc: rawAnswers.desc, countFiltered: rawAnswers.countFiltered })
      )
        mismatches.push({ rxdb: rxdb.answers, raw: rawAnswers });
      const t = rxdb.times;
      progress(
        `RxDB contrast ${trial}/${contrast}: desc on k0 ${fixed(t.sortDescOnK0)} ms, vip count on the slot only ${fixed(t.countFilteredSlotOnly, 1)} ms, with the field too ${fixed(t.countFilteredWithField, 1)} ms`,
      );
    }
    for (const mismatch of mismatches)
      console.warn('WARNING: Kehu and the baseline answered differently:', JSON.stringify(mismatch));

    const pick = (samples, key) => samples.map((s) => s[key]);
    const rawDesc = pick(queries.raw, 'sortDesc');
    const rawVip = pick(queries.raw, 'countFiltered');
    // 6–8. The elements: scrolling the list, keystrokes in a 150-field form and in 1,000 line items.
    const elements = elementsToo
      ? await measureElements({ session, kehuStore: KEHU, records, smoke, trials: fast, progress })
      : undefined;

    const spineRows = [
      row(median, {
        id: 'insert',
        label: `bulk insert ${n} (batches of 1000)`,
        kehu: insert.kehu,
        baseline: insert.raw,
        baselineLabel: 'Dexie bulkPut, same docs and indexes',
      }),
      row(median, {
        id: 'first-rows-cold',
        label: `first 50 rows of ${n} laid out, cold`,
        kehu: list.cold,
        baseline: list.rawCold,
        baselineLabel: 'Dexie limit(50) on [e+t+ru] + lit render + layout',
      }),
      row(median, {
        id: 'first-rows-warm',
        label: `first 50 rows of ${n} laid out, warm`,
        kehu: list.warm,
        baseline: list.rawWarm,
        baselineLabel: 'same, second run',
      }),
      row(median, {
        id: 'first-rows-warm-dom',
        label: '  contrast: the same, until in the DOM',
        kehu: list.warmDom,
        baseline: list.rawWarmDom,
        baselineLabel: 'same, until in the DOM',
        note: 'rows in the DOM, before their layout (the measure before 2026-11-23)',
      }),
      row(median, {
        id: 'sort-desc',
        label: `sort code desc, first 50 of ${n}`,
        kehu: pick(queries.kehu, 'sortDesc'),
        baseline: rawDesc,
        baselineLabel: 'Dexie reverse() on [e+t+k0]',
      }),
      row(median, {
        id: 'sort-desc-rxdb',
        label: '  contrast: RxDB sort k0 desc',
        kehu: pick(queries.rxdb, 'sortDescOnK0'),
        baseline: rawDesc,
        baselineLabel: 'Dexie reverse() on [e+t+k0]',
        note: 'RxDB itself sorting descending on the ascending key: what the inverted keys avoid',
      }),
      row(median, {
        id: 'count-all',
        label: `count of ${n}`,
        kehu: pick(queries.kehu, 'countAll'),
        baseline: pick(queries.raw, 'countAll'),
        baselineLabel: 'Dexie count() on [e+t+k0]',
      }),
      row(median, {
        id: 'count-filtered',
        label: 'count importance = vip',
        kehu: pick(queries.kehu, 'countFiltered'),
        baseline: rawVip,
        baselineLabel: 'Dexie count() on [e+t+k4] = vip',
      }),
      row(median, {
        id: 'count-filtered-slot-only',
        label: '  contrast: RxDB count, slot only',
        kehu: pick(queries.rxdb, 'countFilteredSlotOnly'),
        baseline: rawVip,
        baselineLabel: 'Dexie count() on [e+t+k4] = vip',
        note: 'RxDB itself with { e, t, k4 } only, a selector the index satisfies',
      }),
      row(median, {
        id: 'search',
        label: 'quick search 张, first 50',
        kehu: pick(queries.kehu, 'search'),
        note: "the store's first search: builds the search column (one pass), then walks updatedAt desc",
      }),
      row(median, {
        id: 'search-count',
        label: 'count of quick search 张',
        kehu: pick(queries.kehu, 'searchCount'),
        note: 'from the search column; the list shows it as its total',
      }),
      row(median, {
        id: 'search-none',
        label: 'quick search matching nothing, first 50',
        kehu: pick(queries.kehu, 'searchNone'),
        note: 'from the search column (the storage alone reads every record for it)',
      }),
      row(median, {
        id: 'search-none-count',
        label: 'count of quick search matching nothing',
        kehu: pick(queries.kehu, 'searchNoneCount'),
        note: 'from the search column',
      }),
    ];
    const rows = [...(spine ? spineRows : []), ...(elements?.rows ?? [])];
    const context = {
      storeOpenMs: median(list.open),
      listColdMarksMs: { count: median(list.count), firstPage: median(list.firstPage) },
      insertSplitMs: split,
      rxdbVipCountWithFieldMs: median(pick(queries.rxdb, 'countFilteredWithField')),
      elements: elements?.context,
    };

    const date = new Date().toISOString();
    const machine = `${cpus()[0]?.model?.trim() ?? 'cpu'} x${availableParallelism()}`;
    console.log(`\n${formatTable(rows, `Kehu bench: ${n} customers, ${date.slice(0, 10)}, ${version}, ${machine}`)}`);
    const machineLoad = { start: loadAtStart, end: loadavg()[0] };
    console.log(
      '\nratio = Kehu / baseline: the median of per-trial ratios (contrast rows: of the medians; element rows, p50/p95: of the percentiles of all frames or keys); 1.00x = as fast as the baseline.',
    );
    console.log(
      `machine load average (1 min): ${fixed(machineLoad.start, 1)} at the start, ${fixed(machineLoad.end, 1)} at the end, on ${availableParallelism()} cores.`,
    );
    if (spine)
      console.log(
        `store open ${fixed(context.storeOpenMs)} ms; cold list: count$ answered at ${fixed(context.listColdMarksMs.count)} ms, first page at ${fixed(context.listColdMarksMs.firstPage)} ms (medians).`,
      );
    if (spine)
      console.log(
        `insert split (one run): validate ${fixed(split.validate)} ms, layout ${fixed(split.layout)} ms${split.rxdbInsert === undefined ? ' (--split adds RxDB bulkInsert alone)' : `, RxDB bulkInsert of the laid-out documents ${fixed(split.rxdbInsert)} ms`}.`,
      );
    if (elements) for (const line of describeElements(elements)) console.log(line);
    pageErrors.push(...session.pageErrors);
    if (pageErrors.length) console.log(`page errors:\n  ${[...new Set(pageErrors)].join('\n  ')}`);
    const durationS = (performance.now() - started) / 1000;
    const results = {
      date,
      smoke,
      only,
      records,
      trials: { fast, slow, contrast },
      chromium: version,
      machine,
      machineLoad,
      rows,
      context,
      mismatches,
      pageErrors: [...new Set(pageErrors)],
      durationS,
      markdown: formatMarkdown(rows),
    };
    progress(`wrote ${writeResults(results, { smoke, name: spine ? 'spine' : 'elements' })}`);
    return results;
  } finally {
    await session?.close();
    await server.stop();
  }
}
