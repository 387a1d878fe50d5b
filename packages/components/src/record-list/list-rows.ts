import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { ReactiveControllerHost } from 'lit';
import type { EntityController } from '../controllers/entity-controller.js';
import { gridKeydown } from './grid-keys.js';
import { isInlineEditable, type InlineEdit } from './inline-edit.js';
import { listAccess } from './list-permissions.js';
import type { ListQuery } from './list-query.js';
import { recordActivateEvent } from './record-activate-event.js';
import { RowFocus } from './row-focus.js';
import { positionChildrenInOnePass } from './row-layout.js';

/** The parts of `<kehu-record-list>` its rows act on. */
export interface ListRowsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly editable: boolean;
  dispatchEvent(event: Event): boolean;
}

/**
 * A list's rows as the user moves through them: the virtualizer's range and visibility (which
 * pages to load, which rows keyboard focus may move over), the window of rows when there are more
 * than one scrolling area holds, and what a click, double-click or key on a row does — activate
 * the record, or open a cell's inline editor.
 */
export class ListRows {
  /** Keyboard focus across the rows (roving tabindex). */
  readonly focus: RowFocus;

  constructor(
    private host: ListRowsHost,
    private entities: EntityController,
    private query: ListQuery,
    private inlineEdit: InlineEdit,
    /** The keys of the columns shown, in order. */
    private keys: () => string[],
  ) {
    this.focus = new RowFocus(() => this.virtualizer, {
      start: () => this.query.windowStart,
      reveal: (index) => this.reveal(index),
    });
  }

  get virtualizer(): LitVirtualizer | null {
    return this.host.renderRoot.querySelector('lit-virtualizer');
  }

  /** Back to the first row, scrolled to the top (a new query). */
  reset(): void {
    this.focus.reset();
    const virtualizer = this.virtualizer;
    if (virtualizer) virtualizer.scrollTop = 0;
  }

  onRangeChanged = ({ first, last, target }: RangeChangedEvent): void => {
    positionChildrenInOnePass(target as LitVirtualizer);
    this.query.show(first + this.query.windowStart, last + this.query.windowStart);
  };

  onVisibilityChanged = ({ first, last }: VisibilityChangedEvent): void =>
    this.focus.visibleRange(first + this.query.windowStart, last + this.query.windowStart);

  /** Moves the window of rows so record `index` is inside it, and waits for the rows to render. */
  async reveal(index: number): Promise<void> {
    if (!this.query.setWindow(index)) return;
    const virtualizer = this.virtualizer;
    if (virtualizer) virtualizer.scrollTop = 0;
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.virtualizer?.layoutComplete;
  }

  /** Shows the window starting at `start`, focusing its first row. */
  goToWindow = (start: number): void => {
    void this.reveal(start).then(() => this.focus.setActive(this.query.windowStart));
  };

  onRowClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest?.('.select-cell, .inline-editor')) return;
    const index = this.focus.rowIndexOf(event.target);
    if (index !== undefined) this.activate(index);
  };

  onRowKeydown = (event: KeyboardEvent): void =>
    gridKeydown(event, {
      focus: this.focus,
      rows: this.query.rows,
      keys: this.keys(),
      activate: (index) => this.activate(index),
      edit: (index, key) => this.startEdit(index, key),
    });

  onCellDblclick = (event: MouseEvent): void => {
    const cell = (event.target as Element).closest<HTMLElement>('[role="gridcell"][data-key]');
    const index = this.focus.rowIndexOf(event.target);
    if (cell && index !== undefined && this.startEdit(index, cell.dataset.key!)) event.preventDefault();
  };

  /** Opens the inline editor on a cell when the list is `editable` and the field allows it. */
  private startEdit(index: number, key: string): boolean {
    const entity = this.entities.entity;
    const record = this.query.record(index);
    const field = entity?.field(key);
    if (!this.host.editable || !entity || !record || !field || !isInlineEditable(entity, field)) return false;
    if (!listAccess(this.entities.store, entity).writable(field)) return false;
    this.inlineEdit.start(index, record, field);
    return true;
  }

  private activate(index: number): void {
    const record = this.query.record(index);
    const entity = this.entities.entity;
    if (!record || !entity) return;
    this.focus.setActive(index);
    this.host.dispatchEvent(recordActivateEvent({ id: record.id, record, entity: entity.name }));
  }
}
