/**
 * The element measures' side of `window.kehuBench`: list scrolling, and key timing in the forms.
 * `bench/elements.mjs` opens a form or a baseline, presses keys through puppeteer and, after each
 * key, asks `lastKey()` for its timing.
 */
import { customerEntity, openStore, type Seed } from './dataset.js';
import { openFormsStore } from './forms-data.js';
import { KeyTimer, type KeyTiming } from './frames.js';
import { openBareLines, openLinesForm } from './lines-form.js';
import { scrollBareVirtualizer, scrollKehuList } from './list-scroll.js';
import { openBareForm, openWideForm } from './wide-form.js';
import { WIDE } from './wide-schema.js';

export function elementBench(seeded: () => Seed) {
  let timer: KeyTimer | undefined;
  /** Times the keys that follow; `elements` are awaited (`updateComplete`) before the frame is counted. */
  const timeKeys = (elements: Element[]): void => {
    timer?.dispose();
    timer = new KeyTimer(() => elements);
  };

  return {
    /** Measure 6, Kehu: the list on the store `name`, scrolled `steps` viewports, then jumps. */
    async scrollKehu(name: string, steps: number) {
      return scrollKehuList(await openStore(name), steps);
    },
    /** Measure 6, baseline: a bare virtualizer over the seeded customers (call `generate` first). */
    async scrollBaseline(steps: number) {
      return scrollBareVirtualizer(await customerEntity(), seeded(), steps);
    },

    /** Measure 7: opens the form (`kehu`) or the bare controls, the middle text field focused. */
    async openWideForm(side: 'kehu' | 'baseline', lines: number) {
      const store = await openFormsStore(lines);
      timeKeys(side === 'kehu' ? await openWideForm(store) : await openBareForm(store.entities.get(WIDE)!));
    },
    /** Measure 8: opens the document of `lines` lines (`kehu`) or the bare grid, the middle line's cell focused. */
    async openLines(side: 'kehu' | 'baseline', lines: number) {
      const store = await openFormsStore(lines);
      const document = store.entities.get('document')!;
      timeKeys(side === 'kehu' ? await openLinesForm(store, lines) : await openBareLines(store, document, lines));
    },
    /** The timing of the last key pressed, once its frame is painted. */
    lastKey(): Promise<KeyTiming> {
      if (!timer) throw new Error('open a form first');
      return timer.last();
    },
    /** What has focus, for checking a run types where it should. */
    focused(): string {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      const el = element as HTMLElement | null;
      return el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.dataset?.key ? `[${el.dataset.key}]` : ''}` : 'none';
    },
  };
}
