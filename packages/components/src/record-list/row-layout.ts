import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/** Pixels of rows rendered past the view on a list's first pass: none, only the rows in view. */
const FIRST_OVERHANG = 0;

/**
 * The flow layout, rendering only the rows in view on its first pass. Its usual overhang (1,000px
 * past the view on each side, kept so that scrolling finds rows ready) made a new list's first
 * render about 40% bigger (79 rows instead of 56 in a 2,240px list) and its first paint that much
 * later; the overhang's rows now follow once that first frame has been painted. `_overhang` and
 * `_triggerReflow` are `BaseLayout`'s protected members (`@lit-labs/virtualizer` 2.x).
 */
class RowLayout extends FlowLayout {
  private firstPass = true;

  override _getActiveItems(): void {
    const full = this._overhang;
    // Once per layout; a virtualizer version without a numeric `_overhang` keeps its own behaviour.
    if (this.firstPass && this._viewDim1 > 0 && this.items.length > 0 && typeof full === 'number') {
      this.firstPass = false;
      this._overhang = FIRST_OVERHANG;
      // A frame's callbacks run before its paint: the task after them runs once it is painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          this._overhang = full;
          this._triggerReflow();
        }),
      );
    }
    super._getActiveItems();
  }
}

/**
 * The list's virtualizer layout: `RowLayout`, given by constructor, with its first guess of a row's
 * height set to the default row (2.5rem = 40px).
 *
 * - The constructor (`type`): without one, every new virtualizer loads its default layout with a
 *   dynamic `import()`, which resolves a task later, after the browser has painted a frame, so a
 *   new list's first rows waited for that frame (8–16 ms, most of a warm list's time).
 * - The 40px guess instead of the built-in 100px: with 100px the first pass rendered 40% of the
 *   rows in view, and the rest only after a frame's ResizeObserver had measured them. The guess is
 *   replaced by measured heights at once, so a taller `--kehu-record-list-row-height` just renders
 *   a few rows too many the first time. `_itemSize` is the layout's own field (`@lit-labs/virtualizer`
 *   2.x, assigned from the layout config); a version without it ignores the key and guesses as before.
 */
export const ROW_LAYOUT = {
  type: RowLayout,
  _itemSize: { width: 100, height: 40 },
} as unknown as LitVirtualizer['layout'];

/** The `Virtualizer` members `positionChildrenInOnePass` relies on (`@lit-labs/virtualizer` 2.x). */
interface VirtualizerInternals {
  _children?: HTMLElement[];
  _positionChildren?: (positions: unknown) => void;
}

const onePass = new WeakSet<object>();

/**
 * Makes the virtualizer of `element` position its rows with ONE walk of its children. Its
 * `_positionChildren` reads the `_children` getter — a fresh array of every child, built by walking
 * the DOM and testing an attribute on each — once per row it positions: 56 rows cost 3,136 such
 * tests, about a millisecond of a new list's first rows. Here `_children` is read once per call and
 * stands still while the rows are positioned (setting a row's style does not change the children).
 * Call it before the virtualizer first positions its rows (its first `rangeChanged` event comes
 * just before); a version without these members is left alone.
 */
export function positionChildrenInOnePass(element: LitVirtualizer): void {
  const virtualizer = (element as unknown as Record<symbol, VirtualizerInternals | undefined>)[virtualizerRef];
  if (!virtualizer || onePass.has(virtualizer)) return;
  onePass.add(virtualizer);
  const position = virtualizer._positionChildren;
  if (typeof position !== 'function' || !('_children' in virtualizer)) return;
  virtualizer._positionChildren = function (this: VirtualizerInternals, positions: unknown) {
    Object.defineProperty(this, '_children', { value: this._children, configurable: true });
    try {
      position.call(this, positions);
    } finally {
      delete this._children;
    }
  };
}
