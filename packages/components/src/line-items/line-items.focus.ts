import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { upgraded } from '../controllers/upgraded.js';

/** Frames to wait for the virtualizer to draw a row it was asked to scroll to. */
const MAX_FRAMES = 10;

/** What focusing a cell needs from the grid; `editing` is read live, as it may change meanwhile. */
export interface FocusGrid {
  virtualizer(): LitVirtualizer | null;
  cellAt(row: number, col: number): HTMLElement | null;
  editing(): { initial?: string } | undefined;
}

/**
 * Focuses the cell (or its open editor) at `row`, `col`, scrolling a row that is not drawn yet into
 * view first. Call after the grid's own update.
 */
export async function focusGridCell(grid: FocusGrid, row: number, col: number): Promise<void> {
  const virtualizer = grid.virtualizer();
  // Rows added, removed or moved are redrawn by the virtualizer after the grid: wait for it, so
  // focus does not land on a cell about to show another row.
  await virtualizer?.updateComplete;
  // Opening an editor must be immediate (the next keystroke goes into it); moves wait a frame.
  if (!grid.editing()) await new Promise(requestAnimationFrame);
  if (!grid.cellAt(row, col)) {
    try {
      grid.virtualizer()?.element(row)?.scrollIntoView({ block: 'nearest' });
    } catch {
      // The virtualizer has not laid out yet; the row renders on its next frame anyway.
    }
  }
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    const editing = grid.editing();
    const cell = grid.cellAt(row, col);
    const target = editing ? cell?.querySelector<HTMLElement>('[data-editor]') : cell;
    if (target) {
      // A reference picker drawn before its definition arrived (reference-picker/load.ts) focuses once
      // drawn; plain inputs focus at once, so the next keystroke goes into them.
      if (editing && target.localName === 'kehu-reference-picker') await upgraded(target);
      target.focus();
      if (editing && target instanceof HTMLInputElement) {
        if (editing.initial === undefined) target.select();
        else target.setSelectionRange(target.value.length, target.value.length);
      }
      return;
    }
    await new Promise(requestAnimationFrame);
  }
}
