import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Entity, FieldModel, FindOptions, Locale, Store } from '@kehu/core';
import { KehuError } from '@kehu/core';
import { deleteRecords, setField, settableFields, type BulkResult } from './bulk-actions.js';
import type { BulkContext } from './list-toolbar.js';
import type { ListAccess } from './list-permissions.js';
import { listText } from './record-list.strings.js';
import { ListExport } from './list-export.js';

/** What the selection needs from its list: the store, the entity, and the query the list shows. */
type Source = () => { store: Store | undefined; entity: Entity | undefined; options: FindOptions };

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
  /** Exports of the whole list or of the selection, with their progress bar. */
  readonly exporter: ListExport;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private source: Source,
  ) {
    host.addController(this);
    this.exporter = new ListExport(host, this);
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
        void this.exporter.run(this.source().store, locale, entity, fields, {
          selector: { id: { $in: [...this.ids] } },
        }),
      clear: () => this.clear(),
    };
  }

  /** Exports every record the list's query matches, as the list shows them. */
  exportAll(locale: Locale, entity: Entity, fields: FieldModel[]): Promise<void> {
    return this.exporter.run(this.source().store, locale, entity, fields, this.source().options);
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
