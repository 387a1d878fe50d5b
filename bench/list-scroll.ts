/**
 * Element measure: scrolling `<kehu-record-list>` over every seeded customer, against a bare
 * `<lit-virtualizer>` rendering the same row template (`listRow`, in a shadow root with the list's
 * styles) over the same records held in memory. Both scroll their body programmatically: one
 * viewport per frame for `steps` frames, then big jumps. Reported: frame-to-frame times and the
 * most row elements in the DOM at once.
 */
import { html, render } from 'lit';
import type { Entity, KehuRecord, Store } from '@kehu/core';
import type { KehuRecordList } from '../packages/components/src/record-list/record-list.js';
import { defaultColumnTracks, listFields } from '../packages/components/src/record-list/list-columns.js';
import { listRow, type RowContext } from '../packages/components/src/record-list/record-row.js';
import { recordListStyles } from '../packages/components/src/record-list/record-list.styles.js';
import { ENTITY, type Seed } from './dataset.js';
import { FrameRecorder, frames, nextFrame } from './frames.js';
import { freshStage } from './stage.js';

/** Both lists are this tall (about 24 rows in view below the toolbar and header). */
const HEIGHT = '1100px';
/** Where the jumps land, as fractions of the scroll range. */
const JUMPS = [0.25, 0.5, 0.75, 1];
/** Longest wait for a jump's rows to load before moving on (a deep page can take seconds). */
const FILL_TIMEOUT_MS = 30_000;
/** Frames between the last step and the first jump (one second at 60 Hz). */
const PAUSE_FRAMES = 60;
/** Frames recorded after each jump's rows are in, so the settling work counts too. */
const FRAMES_AFTER_JUMP = 20;

export interface ScrollResult {
  /** Milliseconds between consecutive frames, over the whole run. */
  deltas: number[];
  /** Most row elements inside the scrolling body at any frame. */
  maxRows: number;
  /** Milliseconds from each jump to the rows in view showing records (no placeholders). */
  fills: number[];
  /** Rows the body could scroll through. */
  rows: number;
  /** Where each jump ended, as a fraction of the scroll range, once its rows were filled (should match `JUMPS`). */
  landed: number[];
}

/** Scrolls `body`; `filled()` says whether the rows in view show records, not placeholders. */
async function scrollThrough(body: HTMLElement, filled: () => boolean, steps: number): Promise<ScrollResult> {
  let maxRows = 0;
  const recorder = new FrameRecorder(() => {
    maxRows = Math.max(maxRows, body.childElementCount);
  });
  for (let step = 0; step < steps; step++) {
    body.scrollTop += body.clientHeight;
    await nextFrame();
  }
  const fills: number[] = [];
  const landed: number[] = [];
  // A pause before the jumps: jumping while the list's last pages are still arriving gets the jump
  // undone (see bench/README.md), and then the fill times would measure rows that never moved.
  await frames(PAUSE_FRAMES);
  for (const fraction of JUMPS) {
    const start = performance.now();
    body.scrollTop = Math.round(fraction * (body.scrollHeight - body.clientHeight));
    await frames(2);
    while (!filled() && performance.now() - start < FILL_TIMEOUT_MS) await nextFrame();
    fills.push(filled() ? performance.now() - start : NaN);
    landed.push(body.scrollTop / (body.scrollHeight - body.clientHeight));
    await frames(FRAMES_AFTER_JUMP);
  }
  return { deltas: recorder.stop(), maxRows, fills, rows: 0, landed };
}

/** Kehu: a list on the store, once its first rows and its total are in, scrolled as above. */
export async function scrollKehuList(store: Store, steps: number): Promise<ScrollResult> {
  const list = document.createElement('kehu-record-list') as KehuRecordList;
  list.style.setProperty('--kehu-record-list-height', HEIGHT);
  freshStage().append(list);
  list.entity = ENTITY;
  list.store = store;
  const root = list.shadowRoot!;
  const start = performance.now();
  while (list.total === undefined || !root.querySelector('[part~="row"]:not([part~="placeholder"])')) {
    if (performance.now() - start > 120_000) throw new Error('the list showed no rows within 2 minutes');
    await nextFrame();
  }
  // Let the first pages and the count's re-render settle before the clock starts.
  await frames(30);
  const body = root.querySelector<HTMLElement>('lit-virtualizer')!;
  const inView = () => {
    const top = body.getBoundingClientRect().top;
    const bottom = top + body.clientHeight;
    return [...body.querySelectorAll<HTMLElement>(':scope > [role="row"]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > top && box.top < bottom;
    });
  };
  // Right after a jump the old rows are out of view and the new ones not drawn yet: that is not filled.
  const filled = () => {
    const rows = inView();
    return rows.length > 0 && rows.every((row) => !row.matches('[part~="placeholder"]'));
  };
  const result = await scrollThrough(body, filled, steps);
  return { ...result, rows: list.total ?? 0 };
}

/** Baseline: `<lit-virtualizer scroller>` over the records in memory, rows drawn by the list's own `listRow`. */
export async function scrollBareVirtualizer(entity: Entity, data: Seed, steps: number): Promise<ScrollResult> {
  const host = document.createElement('div');
  host.style.height = HEIGHT;
  freshStage().append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = recordListStyles.map((style) => style.styleSheet!);
  const titles = new Map<string, string>();
  for (const records of Object.values(data.dictionaries))
    for (const record of records) titles.set(String(record.id), String(record.name ?? record.id));
  const fields = listFields(entity, undefined, () => undefined);
  const context: RowContext = {
    entity,
    fields,
    locale: 'zh-CN',
    referenceTitle: (_entity, id) => titles.get(id),
  };
  const records = data.customers as KehuRecord[];
  const row = (record: KehuRecord, index: number) => listRow(index, record, '-1', context, '');
  render(
    html`<div
      class="base"
      style="--kehu-record-list-default-columns: ${defaultColumnTracks(fields, entity.titleField)}"
    >
      <div class="table" role="grid">
        <lit-virtualizer class="body" role="rowgroup" scroller .items=${records} .renderItem=${row}></lit-virtualizer>
      </div>
    </div>`,
    shadow,
  );
  const body = shadow.querySelector<HTMLElement>('lit-virtualizer')!;
  while (!body.querySelector('[role="row"]')) await nextFrame();
  await frames(30);
  const result = await scrollThrough(body, () => true, steps);
  return { ...result, rows: records.length };
}
