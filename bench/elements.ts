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
import { isPeer, openPeerLines, openPeerWideForm, refocusPeerLine, type Peer } from './peers/peer-forms.js';
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

    /** Measure 7: opens the form (`kehu`), the bare controls or a peer's form, the middle text field focused. */
    async openWideForm(side: 'kehu' | 'baseline' | Peer, lines: number) {
      const store = await openFormsStore(lines);
      if (isPeer(side)) timeKeys(await openPeerWideForm(side));
      else timeKeys(side === 'kehu' ? await openWideForm(store) : await openBareForm(store.entities.get(WIDE)!));
    },
    /** Measure 8: opens the document of `lines` lines (`kehu`), the bare grid or a peer's array field, the middle line's quantity focused. */
    async openLines(side: 'kehu' | 'baseline' | Peer, lines: number, validationMode?: string) {
      const store = await openFormsStore(lines);
      const document = store.entities.get('document')!;
      if (isPeer(side)) timeKeys(await openPeerLines(side, store, lines, validationMode));
      else timeKeys(side === 'kehu' ? await openLinesForm(store, lines) : await openBareLines(store, document, lines));
    },
    /** Measure 8, a peer: focuses the middle line's quantity again, its text selected (not timed). */
    refocusPeerLine,
    /** The timing of the last key pressed, once its frame is painted. */
    lastKey(): Promise<KeyTiming> {
      if (!timer) throw new Error('open a form first');
      return timer.last();
    },
    /** Elements in the stage, shadow roots included: how much DOM a side keeps for the same data. */
    stageElements(): number {
      const count = (root: ParentNode): number =>
        [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
      const stage = document.getElementById('stage');
      return stage ? count(stage) : 0;
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
