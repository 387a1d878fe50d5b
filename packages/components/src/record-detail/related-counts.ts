import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Selector, Store } from '@kehu/core';
import type { Subscription } from 'rxjs';
import type { RelatedReference } from './related-references.js';

/** Live counts of the records in each related section, for the section headings. */
export class RelatedCounts implements ReactiveController {
  private counts: (number | undefined)[] = [];
  private key?: string;
  private store?: Store;
  private subscriptions: Subscription[] = [];

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The count of section `index`, once known. */
  count(index: number): number | undefined {
    return this.counts[index];
  }

  update(store: Store | undefined, sections: (RelatedReference & { selector: Selector })[]): void {
    const key = JSON.stringify(sections.map((s) => [s.entity.name, s.selector]));
    if (key === this.key && store === this.store) return;
    this.stop();
    this.key = key;
    this.store = store;
    this.counts = [];
    if (!store) return;
    sections.forEach((section, i) => {
      this.subscriptions.push(
        store
          .entity(section.entity.name)
          .count$({ selector: section.selector })
          .subscribe({
            next: (n) => {
              this.counts[i] = n;
              this.host.requestUpdate();
            },
            error: () => undefined, // the list in the section shows the error itself
          }),
      );
    });
  }

  private stop(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
  }

  hostDisconnected(): void {
    this.stop();
    this.key = undefined;
  }
}
