/** How far (CSS px) the pointer must travel before a press on a card becomes a drag. */
const DRAG_THRESHOLD = 6;

interface Press {
  card: HTMLElement;
  id: string;
  from: number;
  pointerId: number;
  x: number;
  y: number;
  dragging: boolean;
}

/**
 * Pointer-based card dragging (mouse, pen and touch alike, unlike HTML5 drag and drop): a press
 * that travels past a small threshold lifts the card, which follows the pointer; releasing over
 * another column asks the board to move it. The card itself never changes column here — the board
 * moves it when the store has accepted the change, so a refused move simply leaves it where it was.
 */
export class CardDrag {
  private press: Press | undefined;
  /** The column under the dragged card, by index; undefined when not dragging. */
  over: number | undefined;
  /** Set after a drag, so the click that ends it does not also open the card. */
  private justDragged = false;

  constructor(
    /** The column elements (`[data-column]`), to find the one under the pointer. */
    private columns: () => HTMLElement[],
    private onChange: () => void,
    private onDrop: (id: string, from: number, to: number) => void,
  ) {}

  get dragging(): string | undefined {
    return this.press?.dragging ? this.press.id : undefined;
  }

  down(event: PointerEvent, card: HTMLElement, id: string, from: number): void {
    this.justDragged = false;
    if (event.button !== 0 || !event.isPrimary) return;
    this.press = { card, id, from, pointerId: event.pointerId, x: event.clientX, y: event.clientY, dragging: false };
    // Keep receiving the pointer's moves when it leaves the card (and the board).
    card.setPointerCapture?.(event.pointerId);
  }

  move(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    press.dragging = true;
    press.card.style.transform = `translate(${dx}px, ${dy}px)`;
    const over = this.columnAt(event.clientX, event.clientY);
    if (over !== this.over) {
      this.over = over;
      this.onChange();
    } else if (!press.card.classList.contains('dragging')) {
      this.onChange();
    }
  }

  up(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    const to = press.dragging ? this.columnAt(event.clientX, event.clientY) : undefined;
    this.justDragged = press.dragging;
    this.end();
    if (to !== undefined && to !== press.from) this.onDrop(press.id, press.from, to);
  }

  cancel(): void {
    if (this.press) this.end();
  }

  /** True (once) when the click being handled ends a drag rather than opening the card. */
  consumeClick(): boolean {
    const dragged = this.justDragged;
    this.justDragged = false;
    return dragged;
  }

  private end(): void {
    const press = this.press!;
    press.card.style.transform = '';
    if (press.card.hasPointerCapture?.(press.pointerId)) press.card.releasePointerCapture(press.pointerId);
    this.press = undefined;
    this.over = undefined;
    this.onChange();
  }

  private columnAt(x: number, y: number): number | undefined {
    for (const column of this.columns()) {
      const r = column.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return Number(column.dataset.column);
    }
    return undefined;
  }
}
