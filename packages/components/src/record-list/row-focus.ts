import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';

/** Frames to wait for the virtualizer to render a row it was asked to scroll to. */
const MAX_FRAMES = 10;

/**
 * Keyboard focus across virtualised rows: one row is in the tab order (roving tabindex), arrow keys,
 * Page Up/Down, Home and End move it, scrolling rows that are not rendered yet into the DOM first.
 */
export class RowFocus {
  private active = 0;
  private visible = { first: 0, last: 0 };

  constructor(
    private virtualizer: () => LitVirtualizer | null,
    /** The list's window of rows: where it starts, and how to move it so a row is inside. */
    private window: { start(): number; reveal(index: number): Promise<void> } = {
      start: () => 0,
      reveal: async () => {},
    },
  ) {}

  /** `tabindex` for row `index`: 0 for the row Tab lands on, -1 for the others. */
  tabIndexOf(index: number): string {
    return index === this.active ? '0' : '-1';
  }

  /** The index of the row an event happened in; with `rowItself`, only when it happened on the row. */
  rowIndexOf(target: EventTarget | null, rowItself = false): number | undefined {
    if (!(target instanceof Element)) return undefined;
    const row = target.closest<HTMLElement>('[role="row"][data-index]');
    if (!row || (rowItself && row !== target)) return undefined;
    return Number(row.dataset.index);
  }

  setActive(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.virtualizer()?.requestUpdate();
  }

  /** Back to the first row, for a new query. */
  reset(): void {
    this.active = 0;
  }

  /** Follows scrolling, so Tab into the list lands on a row in view rather than one scrolled away. */
  visibleRange(first: number, last: number): void {
    this.visible = { first, last };
    if (this.active >= first && this.active <= last) return;
    const virtualizer = this.virtualizer();
    const focused = (virtualizer?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    if (!focused || !virtualizer?.contains(focused)) this.setActive(Math.max(0, first));
  }

  /** Handles a navigation key pressed on row `index` (or on its cell `cellKey`); returns whether it did. */
  handleKey(event: KeyboardEvent, index: number, total: number, cellKey?: string): boolean {
    const page = Math.max(1, this.visible.last - this.visible.first);
    const moves: Partial<Record<string, number>> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    // Ctrl+Home/End are the grid pattern's first/last row; rows here hold no other focus stops.
    const target = moves[event.key];
    if (target === undefined || total === 0) return false;
    event.preventDefault();
    void this.moveTo(Math.min(total - 1, Math.max(0, target)), cellKey);
    return true;
  }

  /** Moves focus to the cell of row `index` showing `key` (the row itself when there is none). */
  focusCell(index: number, key: string): Promise<void> {
    return this.moveTo(index, key);
  }

  private async moveTo(index: number, cellKey?: string): Promise<void> {
    this.setActive(index);
    await this.window.reveal(index);
    const virtualizer = this.virtualizer();
    if (!virtualizer) return;
    virtualizer.element(index - this.window.start())?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < MAX_FRAMES; frame++) {
      const row = virtualizer.querySelector<HTMLElement>(`:scope > [role="row"][data-index="${index}"]`);
      const cell = cellKey ? row?.querySelector<HTMLElement>(`[data-key="${CSS.escape(cellKey)}"]`) : undefined;
      if (cell) return cell.focus();
      if (row && (!cellKey || !row.classList.contains('placeholder'))) return row.focus();
      await new Promise(requestAnimationFrame);
    }
  }
}
