import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * The list's virtualizer layout: the flow layout, given by constructor, with its first guess of a
 * row's height set to the default row (2.5rem = 40px).
 *
 * - The constructor (`flow()` sets `type`): without one, every new virtualizer loads its default
 *   layout with a dynamic `import()`, which resolves a task later, after the browser has painted
 *   a frame, so a new list's first rows waited for that frame (8–16 ms, most of a warm list's time).
 * - The 40px guess instead of the built-in 100px: with 100px the first pass rendered 40% of the
 *   rows in view, and the rest only after a frame's ResizeObserver had measured them. The guess is
 *   replaced by measured heights at once, so a taller `--kehu-record-list-row-height` just renders
 *   a few rows too many the first time. `_itemSize` is the layout's own field (`@lit-labs/virtualizer`
 *   2.x, assigned from the layout config); a version without it ignores the key and guesses as before.
 */
export const ROW_LAYOUT = flow({ _itemSize: { width: 100, height: 40 } } as never) as LitVirtualizer['layout'];
