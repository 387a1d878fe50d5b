import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CountOptions, Entity, FieldModel, Locale, Store } from '@kehu/core';
import { KehuError } from '@kehu/core';
import { deleteRecords, download, recordsCsv, setField, settableFields, type BulkResult } from './bulk-actions.js';
import type { BulkContext } from './list-toolbar.js';
import type { ListAccess } from './list-permissions.js';
import { listText } from './record-list.strings.js';
import { ReferenceTitles } from './reference-titles.js';
import { recordExportEvent } from './record-export-event.js';

/** What the selection needs from its list: the store, the entity, and the query the list shows. */
type Source = () => { store: Store | undefined; entity: Entity | undefined; options: CountOptions };

/**
 * The records a user selected in a list, and the bulk actions on them. Holds ids, not rows, so a
 * selection survives scrolling, paging and live updates; "select all" takes every record the
 * list's query matches, not only the rows on screen.
 */
export class ListSelection implements ReactiveController {
  private ids = new Set<string>();
  private confirming = false;
  private setFieldKey: string | undefined;
  private setFieldValue: unknown;
  private result: string | undefined;
  private busy = false;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private source: Source,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  has = (id: string): boolean => this.ids.has(id);

  get size(): number {
    return this.ids.size;
  }

  toggle = (id: string, event?: Event): void => {
    event?.stopPropagation();
    if (this.ids.has(id)) this.ids.delete(id);
    else this.ids.add(id);
    this.changed();
  };

  clear(): void {
    if (!this.ids.size && !this.confirming) return;
    this.ids.clear();
    this.confirming = false;
    this.changed();
  }

  /** Shows why an action failed, in the user's language. */
  sayError(locale: Locale, error: unknown): void {
    this.say(error instanceof KehuError ? error.messageIn(locale) : String((error as Error)?.message ?? error));
  }

  /** Shows a short outcome in the bar's live region. */
  say(message: string): void {
    this.result = message;
    this.host.requestUpdate();
  }

  private changed(): void {
    this.result = undefined;
    this.host.requestUpdate();
  }

  /** The header's checkbox: selects every matching record, or clears the selection. */
  headerCell(locale: Locale, total: number | undefined): TemplateResult {
    const all = total !== undefined && total > 0 && this.ids.size >= total;
    return html`<div part="header-cell" class="header-cell select-cell" role="columnheader">
      <input
        type="checkbox"
        aria-label=${listText(locale, 'selectAll', { count: total ?? 0 })}
        .checked=${all}
        .indeterminate=${this.ids.size > 0 && !all}
        @change=${(e: Event) => void ((e.target as HTMLInputElement).checked ? this.selectAll() : this.clear())}
      />
    </div>`;
  }

  private async selectAll(): Promise<void> {
    const { store, entity, options } = this.source();
    if (!store || !entity) return;
    const records = await store.entity(entity.name).find(options);
    this.ids = new Set(records.map((r) => r.id));
    this.changed();
  }

  context(locale: Locale, entity: Entity, fields: FieldModel[], access: ListAccess): BulkContext {
    const settable = settableFields(entity).filter(access.writable);
    const field = settable.find((f) => f.key === this.setFieldKey) ?? settable[0];
    const repository = () => this.source().store!.entity(entity.name);
    return {
      locale,
      store: this.source().store,
      selected: this.ids.size,
      settable,
      canDelete: access.can('delete'),
      canExport: access.can('export'),
      confirming: this.confirming,
      setFieldKey: field?.key,
      setFieldValue: this.setFieldValue,
      result: this.result,
      askDelete: () => {
        this.confirming = true;
        this.host.requestUpdate();
      },
      cancelDelete: () => {
        this.confirming = false;
        this.host.requestUpdate();
      },
      confirmDelete: () => void this.run(locale, 'deleted', () => deleteRecords(repository(), [...this.ids]), true),
      chooseSetField: (key) => {
        this.setFieldKey = key;
        this.setFieldValue = undefined;
        this.host.requestUpdate();
      },
      changeSetValue: (value) => {
        this.setFieldValue = value;
        this.host.requestUpdate();
      },
      applySetField: () =>
        void (
          field && this.run(locale, 'updated', () => setField(repository(), [...this.ids], field, this.setFieldValue))
        ),
      exportSelected: () =>
        void this.exportRecords(locale, entity, fields, { selector: { id: { $in: [...this.ids] } } }),
      clear: () => this.clear(),
    };
  }

  /** Exports every record the list's query matches, as the list shows them. */
  exportAll(locale: Locale, entity: Entity, fields: FieldModel[]): Promise<void> {
    return this.exportRecords(locale, entity, fields, this.source().options);
  }

  private async exportRecords(
    locale: Locale,
    entity: Entity,
    fields: FieldModel[],
    options: CountOptions,
  ): Promise<void> {
    const store = this.source().store;
    if (!store) return;
    try {
      // Export is not a repository call the store could refuse: the list checks the role itself.
      store.permissions.assert(entity.name, 'export');
    } catch (error) {
      this.sayError(locale, error);
      return;
    }
    const records = await store.entity(entity.name).find(options);
    // The list's own title lookup: a first pass asks for every referenced title (one query per
    // entity), the second writes the file with them.
    const titles = new ReferenceTitles(store, () => undefined);
    const referenceTitle = Object.assign((e: string, id: string) => titles.title(e, id) ?? id, {
      entityLabel: (e: string, l: Locale) => titles.entityLabel(e, l),
    });
    recordsCsv(records, fields, locale, referenceTitle);
    await titles.settled();
    titles.dispose();
    const date = new Date().toISOString().slice(0, 10);
    const detail = {
      entity: entity.name,
      fileName: `${entity.name}-${date}.csv`,
      text: recordsCsv(records, fields, locale, referenceTitle),
      count: records.length,
    };
    // Hosts may take the file over (upload it, log it) by cancelling the event; else the browser saves it.
    if (this.host.dispatchEvent(recordExportEvent(detail))) download(detail.text, detail.fileName);
    this.say(listText(locale, 'exported', { count: records.length }));
  }

  private async run(locale: Locale, done: string, action: () => Promise<BulkResult>, forget = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.confirming = false;
    try {
      const result = await action();
      if (forget) for (const id of [...this.ids]) if (!result.failed.some((f) => f.id === id)) this.ids.delete(id);
      const first = result.failed[0]?.reason;
      const reason = first instanceof KehuError ? first.messageIn(locale) : first?.message;
      this.say(
        [
          listText(locale, done, { count: result.done }),
          result.failed.length
            ? listText(locale, 'someFailed', { failed: result.failed.length, reason: reason ?? '' })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } finally {
      this.busy = false;
    }
  }
}
