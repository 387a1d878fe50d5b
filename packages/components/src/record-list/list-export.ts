import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  csvLines,
  csvText,
  exportMimeTypes,
  readPages,
  type Entity,
  type FieldModel,
  type FindOptions,
  type Locale,
  type Store,
} from '@kehu/core';
import { download, recordCells, recordsHeader } from './bulk-actions.js';
import { recordExportEvent } from './record-export-event.js';
import { listText } from './record-list.strings.js';
import { ReferenceTitles } from './reference-titles.js';

/** Records read per page while exporting: big enough to be quick, small enough to keep the page responsive. */
export const EXPORT_PAGE_SIZE = 500;

/** How the export reports back to its list: a short outcome, or why it failed. */
export interface ExportOutcome {
  say(message: string): void;
  sayError(locale: Locale, error: unknown): void;
}

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/**
 * A list's CSV export: reads the records a page at a time (so 100,000 rows never sit in memory as
 * records, and the page stays responsive), formats them as the list shows them, and saves the file.
 * An export of more than one page shows a progress bar with a Cancel button; cancelling stops before
 * the next page and saves nothing.
 */
export class ListExport implements ReactiveController {
  private running?: { done: number; total: number; controller: AbortController };

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private outcome: ExportOutcome,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A list taken off the page stops exporting: nobody is left to see the file or the bar. */
  hostDisconnected(): void {
    this.cancel();
  }

  /** Whether an export is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Stops the running export before its next page; nothing is saved. */
  cancel = (): void => {
    this.running?.controller.abort();
  };

  /** Exports what `options` matches (the list's query, or the selection) as the list shows it. */
  async run(store: Store | undefined, locale: Locale, entity: Entity, fields: FieldModel[], options: FindOptions) {
    if (!store || this.running) return;
    const controller = new AbortController();
    const running = { done: 0, total: 0, controller };
    this.running = running;
    this.host.requestUpdate();
    // The list's own title lookup: each page first asks for every referenced title (one query per
    // entity), then is written with them.
    const titles = new ReferenceTitles(store, () => undefined);
    const referenceTitle = Object.assign((e: string, id: string) => titles.title(e, id) ?? id, {
      entityLabel: (e: string, l: Locale) => titles.entityLabel(e, l),
    });
    try {
      // Export is not a repository call the store could refuse: the list checks the role itself.
      store.permissions.assert(entity.name, 'export');
      // Pages of CSV text, joined only into the file (and into `text` if a listener reads it).
      const chunks = [csvText([recordsHeader(fields, locale)])];
      const pages = readPages(store.entity(entity.name), options, {
        pageSize: EXPORT_PAGE_SIZE,
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          Object.assign(running, { done, total });
          this.host.requestUpdate();
        },
      });
      for await (const page of pages) {
        for (const record of page) recordCells(record, fields, locale, referenceTitle);
        await titles.settled();
        chunks.push(csvLines(page.map((record) => recordCells(record, fields, locale, referenceTitle))));
      }
      controller.signal.throwIfAborted();
      const detail = {
        entity: entity.name,
        fileName: `${entity.name}-${new Date().toISOString().slice(0, 10)}.csv`,
        file: new Blob(chunks, { type: exportMimeTypes.csv }),
        get text() {
          return chunks.join('');
        },
        count: running.done,
      };
      // Hosts may take the file over (upload it, log it) by cancelling the event; else the browser saves it.
      if (this.host.dispatchEvent(recordExportEvent(detail))) download(detail.file, detail.fileName);
      this.outcome.say(listText(locale, 'exported', { count: running.done }));
    } catch (error) {
      if (isAbort(error)) this.outcome.say(listText(locale, 'exportCancelled'));
      else this.outcome.sayError(locale, error);
    } finally {
      titles.dispose();
      this.running = undefined;
      this.host.requestUpdate();
    }
  }

  /** The progress bar and Cancel button, while an export of more than one page runs. */
  progress(locale: Locale): TemplateResult | typeof nothing {
    const running = this.running;
    if (!running || running.total <= EXPORT_PAGE_SIZE) return nothing;
    const format = new Intl.NumberFormat(locale);
    const text = listText(locale, 'exporting', {
      done: format.format(running.done),
      total: format.format(running.total),
    });
    return html`<div part="export-progress" class="export-progress">
      <div
        class="export-bar"
        role="progressbar"
        aria-label=${listText(locale, 'exportProgress')}
        aria-valuemin="0"
        aria-valuemax=${running.total}
        aria-valuenow=${running.done}
        aria-valuetext=${text}
      >
        <progress max=${running.total} .value=${running.done} aria-hidden="true"></progress>
      </div>
      <span class="export-text" aria-hidden="true">${text}</span>
      <button class="tool" type="button" @click=${this.cancel}>${listText(locale, 'cancelExport')}</button>
    </div>`;
  }
}
