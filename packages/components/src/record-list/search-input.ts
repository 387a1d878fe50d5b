/** How long typing must pause before the quick search runs. */
const SEARCH_DELAY_MS = 200;

/**
 * The quick-search box's handlers: typing searches after a pause, Enter at once; focusing the box
 * lets the store get ready for searching (its in-memory search column, a pass over the records)
 * while the user types.
 */
export class SearchInput {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private apply: (text: string) => void,
    private prepare: () => void = () => undefined,
  ) {}

  onFocus = (): void => this.prepare();

  onInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(value), SEARCH_DELAY_MS);
  };

  onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      clearTimeout(this.timer);
      this.apply((event.target as HTMLInputElement).value);
    }
  };

  /** Drops a search still waiting for the pause (the search was set another way, or the list left). */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
