import type { RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { PhysicalRecord } from './physical.js';

/** Documents read per step while the column is built: one read each, a pause between. */
const BUILD_STEP = 2000;

/**
 * The quick-search text (`s`) of every live record of one entity, in memory, so that a search
 * tests 100,000 short strings (tens of milliseconds) instead of reading and decoding 100,000
 * records from IndexedDB (about 3 s in Chromium) for a rare word's first page, and again for its
 * count. Built once, on the entity's first search, in steps that let other reads through; then
 * kept current from the collection's changes (this tab's writes, other tabs', replication's; another
 * tab's write reaches it when RxDB's channel delivers it, as it reaches RxDB's own live queries).
 * About 200 bytes a record. See docs/decisions/0015-search-column.md.
 */
export class SearchColumn {
  private texts = new Map<string, string>();
  /** Records a change reached while the column was being built: the build must not overwrite them. */
  private changed = new Set<string>();
  private building: Promise<void> | undefined;
  private ready = false;
  private subscription: Subscription | undefined;

  constructor(
    private collection: RxCollection<PhysicalRecord>,
    private entity: string,
    /**
     * The entity's live records after `after` in `[e+t+u+pk]` order, `limit` at most, and a pause
     * for the page; given rather than imported: this module is loaded with an entity's first
     * search, and importing modules the rest of the store also uses would split the up-front
     * bundle into more chunks.
     */
    private reads: {
      after: (after: { u: string; pk: string } | undefined, limit: number) => Promise<RxDocumentData<PhysicalRecord>[]>;
      pause: () => Promise<void>;
    },
  ) {}

  /** Whether searches can be answered from the column now. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Starts building the column (once); resolves when it is ready. A failed build can be tried again. */
  build(): Promise<void> {
    this.building ??= this.load().then(
      () => {
        this.ready = true;
        this.changed.clear();
      },
      (error: unknown) => {
        this.subscription?.unsubscribe();
        this.subscription = undefined;
        this.building = undefined;
        this.texts.clear();
        this.changed.clear();
        throw error;
      },
    );
    return this.building;
  }

  /** The primary keys of the live records whose search text passes `test`. */
  matching(test: (text: string) => boolean): string[] {
    const out: string[] = [];
    for (const [pk, text] of this.texts) if (test(text)) out.push(pk);
    return out;
  }

  private async load(): Promise<void> {
    // Listening first, so that no change made while the column is read is missed.
    this.subscription = this.collection.$.subscribe((event) => this.apply(event));
    // The entity's own records only, in the order of their last update and id, each step after the
    // last key read: a record updated meanwhile moves past the steps still to come (and its change
    // has reached the column first), and none is skipped when others leave the range.
    let after: { u: string; pk: string } | undefined;
    for (;;) {
      const documents = await this.reads.after(after, BUILD_STEP);
      for (const doc of documents) if (!this.changed.has(doc.pk)) this.texts.set(doc.pk, doc.s);
      if (documents.length < BUILD_STEP) return;
      const last = documents[documents.length - 1];
      after = { u: last.u, pk: last.pk };
      await this.reads.pause();
    }
  }

  private apply(event: RxChangeEvent<PhysicalRecord>): void {
    const doc = event.documentData ?? event.previousDocumentData;
    if (!doc || doc.e !== this.entity) return;
    if (!this.ready) this.changed.add(event.documentId);
    const live = event.operation !== 'DELETE' && !event.documentData?._deleted && event.documentData?.t === 0;
    if (live) this.texts.set(event.documentId, event.documentData.s);
    else this.texts.delete(event.documentId);
  }
}
