import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KehuRecord, Repository } from '@kehu/core';

/**
 * Quick search over one entity for a picker: debounced, newest query wins, and the host re-renders
 * when results arrive. Store-agnostic: it only needs `repository.find({ search, limit })`.
 */
export class RecordSearchController implements ReactiveController {
  /** Matches of the latest finished search. */
  results: KehuRecord[] = [];
  /** A search is waiting or running. */
  searching = false;
  private timer?: ReturnType<typeof setTimeout>;
  private token = 0;

  constructor(
    private host: ReactiveControllerHost,
    private repository: () => Repository | undefined,
    private options: { delay: number; limit: number } = { delay: 150, limit: 20 },
  ) {
    host.addController(this);
  }

  /** Searches for `text` after the debounce delay (or at once); an empty text lists the first records. */
  search(text: string, immediate = false): void {
    clearTimeout(this.timer);
    const token = ++this.token;
    this.searching = true;
    this.host.requestUpdate();
    this.timer = setTimeout(
      async () => {
        const repository = this.repository();
        let results: KehuRecord[] = [];
        try {
          results = repository
            ? await repository.find({ search: text.trim() || undefined, limit: this.options.limit })
            : [];
        } catch (error) {
          console.warn('kehu-reference-picker: search failed', error);
        }
        if (token !== this.token) return;
        this.results = results;
        this.searching = false;
        this.host.requestUpdate();
      },
      immediate ? 0 : this.options.delay,
    );
  }

  /** Drops any pending search. */
  cancel(): void {
    clearTimeout(this.timer);
    this.token++;
    this.searching = false;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
