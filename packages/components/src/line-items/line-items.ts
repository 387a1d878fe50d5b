import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { localize, type FieldModel, type Locale, type LocalizedText, type Store } from '@kehu/core';
import { uiLocale } from '../i18n/ui-locale.js';
import { styleProperties } from '../styles/style-properties.js';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import { parseCell } from './cell-value.js';
import { lineItemsKeydown } from './line-items.keys.js';
import { lineItemsStyles } from './line-items.styles.js';
import { lineItemsText } from './line-items.strings.js';
import { renderRow, type RowView } from './line-items.row.js';
import { columnTracks, renderFooter, renderHeader, renderReport, type PasteReport } from './line-items.parts.js';
import { editable, pasteBlock, type Row } from './paste.js';
import { parseTsv } from './tsv.js';
import { nestedDialog } from './line-items.nested.js';
import { focusGridCell } from './line-items.focus.js';
import { issuesByRow } from './line-items.issues.js';
import { withCell, withMovedRow, withNewRow } from './line-rows.js';
import { lineItemsChangeEvent } from './line-items-change-event.js';
import { loadReferencePicker } from '../reference-picker/load.js';
export type { LineItemsChangeDetail } from './line-items-change-event.js';

/** A problem shown on a cell; `path` starts at the row: `[2, 'quantity']`. */
export interface LineItemIssue {
  path: (string | number)[];
  message: LocalizedText;
}

const EMPTY: ReadonlyMap<string, LocalizedText[]> = new Map();

/**
 * @summary A spreadsheet-like editor for line items (an array of objects): virtualised for
 * thousands of rows, keyboard-first, accepts cells pasted from Excel/WPS, computes row formulas and
 * column totals, and opens nested line items (a job's parts) in a dialog.
 *
 * @event kehu-line-items-change - Rows were edited, added, removed, moved or pasted. `detail: { rows, path }`.
 *
 * @csspart base - The frame.
 * @csspart table - The grid.
 * @csspart header - Header row; `column-header` its cells.
 * @csspart row - A line (`invalid` when it has problems).
 * @csspart row-number - The line number.
 * @csspart cell - A cell (`invalid`, `computed`, `actions`).
 * @csspart cell-error - A cell's problem text.
 * @csspart editor - The input of the cell being edited.
 * @csspart footer - The totals row; `total` its cells.
 * @csspart add-button - Adds a row.
 * @csspart remove-button - Removes a row.
 * @csspart move-button - Moves a row.
 * @csspart report - What a paste did and which cells failed.
 * @csspart empty - "No rows yet".
 * @csspart dialog - The nested line-items dialog.
 * @csspart close-button - Closes the nested line-items dialog.
 * @csspart nested-count - How many sub-lines a line has, on the button that opens them.
 * @csspart required-mark - The asterisk of a required column.
 *
 * @cssproperty --kehu-line-items-height - Most height the rows take before scrolling. Default 20rem.
 * @cssproperty --kehu-line-items-row-height - Height of a row. Default 2.25rem.
 * @cssproperty --kehu-line-items-background - Background. @cssproperty --kehu-line-items-border-color - Lines.
 * @cssproperty --kehu-line-items-header-background - Header and footer. @cssproperty --kehu-line-items-focus-color - Active cell.
 * @cssproperty --kehu-line-items-error-color - Invalid cells.
 */
export class KehuLineItems extends LitElement {
  static override styles = lineItemsStyles;
  static override properties = {
    field: { attribute: false },
    rows: { attribute: false },
    issues: { attribute: false },
    locale: { type: String },
    readonly: { type: Boolean, reflect: true },
    label: { type: String },
    store: { attribute: false },
    validate: { attribute: false },
    active: { state: true },
    editing: { state: true },
    report: { state: true },
    nested: { state: true },
  };

  /** The array field (its `children` are the columns), e.g. `entity.field('lines')`. */
  field?: FieldModel;
  /** The lines. Never changed in place: edits produce a new array and new row objects. */
  rows: Row[];
  /** Problems to show on cells, e.g. from the form's validation. */
  issues: LineItemIssue[];
  /** UI locale (`zh-CN`, `en`); default the nearest `lang`. */
  locale?: string;
  readonly: boolean;
  /** Accessible name of the grid; default the field's label. */
  label?: string;
  /** For reference columns: pickers while editing, titles while showing. */
  store?: Store;
  /** Checks rows after a paste; its issues are shown and listed in the paste report. */
  validate?: (rows: Row[]) => LineItemIssue[];

  private active = { row: 0, col: 0 };
  private editing?: { row: number; col: number; initial?: string };
  private report?: PasteReport;
  private nested?: { row: number; col: number };
  /** Conversion problems of typed or pasted text, by `row:key`, until the cell is set again. */
  private local = new Map<string, LocalizedText>();
  private byRow = new Map<number, Map<string, LocalizedText[]>>();
  private titles?: ReferenceTitles;
  private titlesVersion = 0;
  private warned = false;

  constructor() {
    super();
    this.rows = [];
    this.issues = [];
    this.readonly = false;
  }

  private get uiLocale(): Locale {
    return uiLocale(this, this.locale);
  }

  /** Visible columns (item fields not hidden). */
  private get columns(): FieldModel[] {
    return (this.field?.children ?? []).filter((f) => !f.hidden);
  }

  private get colCount(): number {
    return this.columns.length + (this.readonly ? 0 : 1);
  }

  private get list(): Row[] {
    return Array.isArray(this.rows) ? this.rows : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('issues') || changed.has('rows')) this.indexIssues();
    // After a move in the DOM the titles were disposed; a reconnected grid builds them again.
    if (changed.has('store') || (this.store && !this.titles)) {
      this.titles?.dispose();
      this.titles = this.store
        ? new ReferenceTitles(this.store, () => (this.titlesVersion++, this.requestUpdate()))
        : undefined;
    }
    const rows = this.list.length;
    if (this.active.row >= rows) this.active = { ...this.active, row: Math.max(0, rows - 1) };
    if (this.active.col >= this.colCount) this.active = { ...this.active, col: Math.max(0, this.colCount - 1) };
  }

  private indexIssues(): void {
    this.byRow = issuesByRow(Array.isArray(this.issues) ? this.issues : [], this.local);
  }

  override render() {
    const locale = this.uiLocale;
    const field = this.field;
    if (!field?.children) {
      if (!this.warned) {
        this.warned = true;
        console.warn('kehu-line-items: set `field` to an array-of-objects field model, e.g. entity.field("lines").');
      }
      return html`<div part="base"><p part="empty" class="empty">${lineItemsText(locale, 'empty')}</p></div>`;
    }
    const columns = this.columns;
    // Reference cells edit with the picker: fetch it now, so it is there when a cell opens.
    if (this.store && !this.readonly && columns.some((c) => c.ref)) loadReferencePicker();
    const rows = this.list;
    const label = this.label ?? localize(field.label, locale);
    const style = styleProperties({
      '--_columns': columnTracks(columns, this.readonly),
      '--_rows': String(Math.max(1, rows.length)),
    });
    return html`<div part="base" class="base" ${style}>
      <div class="scroll">
        <div
          part="table"
          class="table"
          role="grid"
          aria-label=${label}
          aria-rowcount=${rows.length + 2}
          aria-colcount=${this.colCount + 1}
          aria-readonly=${this.readonly ? 'true' : nothing}
          aria-describedby="keys"
          @keydown=${this.onKeydown}
          @paste=${this.onPaste}
          @click=${this.onClick}
          @dblclick=${this.onDblclick}
          @focusout=${this.onFocusout}
          @focusin=${this.onFocusin}
        >
          ${renderHeader(columns, locale, this.readonly)}
          ${
            rows.length
              ? html`<lit-virtualizer
                  class="body"
                  role="rowgroup"
                  scroller
                  .items=${rows}
                  .renderItem=${this.renderItem}
                ></lit-virtualizer>`
              : html`<div role="rowgroup">
                  <div role="row" aria-rowindex="2">
                    <div role="gridcell" part="empty" class="empty" aria-colspan=${this.colCount + 1}>
                      ${lineItemsText(locale, 'empty')}
                    </div>
                  </div>
                </div>`
          }
          ${renderFooter(columns, rows, locale, this.readonly)}
        </div>
      </div>
      <p id="keys" class="keys">${lineItemsText(locale, 'keys')}</p>
      ${this.readonly ? nothing : html`<button type="button" part="add-button" @click=${() => this.insertRow(rows.length)}>${lineItemsText(locale, 'addRow')}</button>`}
      <div part="report" class="report" role="status">
        ${this.report ? renderReport(this.report, locale, this.field?.schema.maxItems) : nothing}
      </div>
      ${this.renderNested(locale)}
    </div>`;
  }

  private renderItem = (row: Row, index: number) => {
    const activeCol = this.active.row === index ? this.active.col : -1;
    const editingCol = this.editing?.row === index ? this.editing.col : -1;
    const problems = this.byRow.get(index) ?? EMPTY;
    const locale = this.uiLocale;
    // Only rows whose data, focus, edit state or problems changed are drawn again: a keystroke
    // in one of 1,000 rows touches that row alone.
    return guard(
      [row, index, activeCol, editingCol, problems, locale, this.readonly, this.field, this.titlesVersion],
      () => renderRow(row, index, this.rowView(activeCol, editingCol, problems, locale)),
    );
  };

  private rowView(
    activeCol: number,
    editingCol: number,
    problems: ReadonlyMap<string, LocalizedText[]>,
    locale: Locale,
  ): RowView {
    return {
      columns: this.columns,
      locale,
      readonly: this.readonly,
      store: this.store,
      activeCol,
      editingCol,
      initial: this.editing?.initial,
      problems,
      title: (entity, id) => this.titles?.title(entity, id) ?? id,
      onRemove: (row) => this.removeRow(row),
      onMove: (row, by) => this.moveRow(row, by),
      onCommitPick: (row, col, value) => {
        this.editing = undefined;
        this.setCell(row, col, value);
        void this.focusCell(row, col);
      },
    };
  }

  private renderNested(locale: Locale) {
    const open = this.nested;
    const column = open ? this.columns[open.col] : undefined;
    if (!open || !column) return nothing;
    return nestedDialog({
      row: open.row,
      column,
      rows: this.list[open.row]?.[column.key],
      issues: Array.isArray(this.issues) ? this.issues : [],
      locale,
      store: this.store,
      readonly: this.readonly,
      change: (detail) => this.setCell(open.row, open.col, detail.rows, detail.path),
      close: () => this.renderRoot.querySelector('dialog')?.close(),
      closed: this.onNestedClose,
    });
  }

  protected override updated(): void {
    // The virtualizer redraws its rows only when told; `guard` keeps unchanged rows as they are.
    this.virtualizer?.requestUpdate();
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.titles?.dispose();
    this.titles = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store && !this.titles) this.requestUpdate();
  }

  /** Focuses the first cell with a problem, else the active cell. */
  override focus(): void {
    const first = [...this.byRow.keys()].sort((a, b) => a - b)[0];
    if (first !== undefined) {
      const key = [...this.byRow.get(first)!.keys()][0];
      const col = this.columns.findIndex((c) => c.key === key);
      void this.focusCell(first, Math.max(0, col));
    } else void this.focusCell(this.active.row, this.active.col);
  }

  private emit(rows: Row[], path: (string | number)[]): void {
    this.rows = rows;
    this.dispatchEvent(lineItemsChangeEvent({ rows, path }));
  }

  /** Sets one cell (recomputing the row's formulas) and tells the host. */
  private setCell(row: number, col: number, value: unknown, below: (string | number)[] = []): void {
    const column = this.columns[col];
    const rows = column && withCell(this.list, row, column, this.field?.children ?? [], value, below);
    if (!rows) return;
    if (this.local.delete(`${row}:${column.key}`)) this.indexIssues();
    this.emit(rows, [row, column.key, ...below]);
  }

  private structural(rows: Row[]): void {
    this.local.clear();
    this.emit(rows, []);
  }

  private insertRow(at: number): void {
    const max = this.field?.schema.maxItems;
    if (this.readonly || (max !== undefined && this.list.length >= max)) return;
    this.structural(withNewRow(this.list, at, this.field?.children ?? []));
    void this.focusCell(at, Math.max(0, this.columns.findIndex(editable)));
  }

  private removeRow(at: number): void {
    if (this.readonly || at >= this.list.length) return;
    this.structural(this.list.filter((_, i) => i !== at));
    if (this.list.length) void this.focusCell(Math.min(at, this.list.length - 1), this.active.col);
    else (this.renderRoot.querySelector('[part~="add-button"]') as HTMLElement | null)?.focus();
  }

  private moveRow(at: number, by: -1 | 1): void {
    const rows = this.readonly ? undefined : withMovedRow(this.list, at, by);
    if (!rows) return;
    this.structural(rows);
    void this.focusCell(at + by, this.active.col);
  }

  private get virtualizer(): LitVirtualizer | null {
    return this.renderRoot.querySelector('lit-virtualizer');
  }

  private cellAt(row: number, col: number): HTMLElement | null {
    return this.renderRoot.querySelector(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  }

  private async focusCell(row: number, col: number): Promise<void> {
    this.active = { row, col };
    await this.updateComplete;
    await focusGridCell(
      {
        virtualizer: () => this.virtualizer,
        cellAt: (r, c) => this.cellAt(r, c),
        editing: () => this.editing,
      },
      row,
      col,
    );
  }

  private position(target: EventTarget | null): { row: number; col: number } | undefined {
    const cell = (target as Element | null)?.closest?.('[role="gridcell"][data-row]') as HTMLElement | null;
    if (!cell) return undefined;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  }

  private startEdit(row: number, col: number, initial?: string): void {
    const column = this.columns[col];
    if (this.readonly || !column) return;
    if (column.type === 'array' && column.children) {
      this.nested = { row, col };
      return;
    }
    if (!editable(column)) return;
    if (column.type === 'boolean') {
      this.setCell(row, col, !this.list[row]?.[column.key]);
      return;
    }
    this.editing = { row, col, initial };
    void this.focusCell(row, col);
  }

  /** Reads the editor and stores its value; conversion problems stay on the cell. */
  private commit(): void {
    const editing = this.editing;
    if (!editing) return;
    const column = this.columns[editing.col];
    const editorEl = this.cellAt(editing.row, editing.col)?.querySelector<HTMLInputElement | HTMLSelectElement>(
      '[data-editor]',
    );
    this.editing = undefined;
    if (!column || !editorEl || editorEl.localName === 'kehu-reference-picker') return;
    const parsed =
      editorEl.localName === 'select' && column.options
        ? { value: column.options.find((o) => String(o.value) === editorEl.value)?.value }
        : parseCell(column, editorEl.value);
    if ('error' in parsed) {
      this.local.set(`${editing.row}:${column.key}`, parsed.error);
      this.indexIssues();
      this.requestUpdate();
      return;
    }
    if (parsed.value !== this.list[editing.row]?.[column.key]) this.setCell(editing.row, editing.col, parsed.value);
  }

  private onKeydown = (event: KeyboardEvent): void =>
    lineItemsKeydown(event, {
      at: this.position(event.target),
      editing: this.editing,
      rows: this.list.length,
      colCount: this.colCount,
      column: (col) => this.columns[col],
      readonly: this.readonly,
      pendingEditor: () =>
        this.editing
          ? this.cellAt(this.editing.row, this.editing.col)?.querySelector<HTMLInputElement>('input[data-editor]')
          : null,
      keepTyped: (initial) => this.editing && (this.editing = { ...this.editing, initial }),
      cancelEdit: () => (this.editing = undefined),
      commit: () => this.commit(),
      focusCell: (row, col) => void this.focusCell(row, col),
      startEdit: (row, col, initial) => this.startEdit(row, col, initial),
      setCell: (row, col, value) => this.setCell(row, col, value),
      insertRow: (at) => this.insertRow(at),
      removeRow: (at) => this.removeRow(at),
      moveRow: (at, by) => this.moveRow(at, by),
    });

  /** A cell focused by pointer or script becomes the active one (the one Tab returns to). */
  private onFocusin = (event: FocusEvent): void => {
    const at = this.position(event.target);
    if (at && (at.row !== this.active.row || at.col !== this.active.col)) this.active = at;
  };

  private onFocusout = (event: FocusEvent): void => {
    const editor = (event.target as Element).closest?.('[data-editor]');
    if (!editor || !this.editing) return;
    // Focus moving inside the editor (a picker's list) is not leaving it.
    if (event.relatedTarget instanceof Node && editor.contains(event.relatedTarget)) return;
    this.commit();
  };

  private onClick = (event: MouseEvent): void => {
    const at = this.position(event.target);
    if (!at || (this.editing?.row === at.row && this.editing.col === at.col)) return;
    if ((event.target as Element).closest('button')) return;
    void this.focusCell(at.row, at.col);
    const column = this.columns[at.col];
    if (column?.type === 'array' && column.children) this.startEdit(at.row, at.col);
  };

  private onDblclick = (event: MouseEvent): void => {
    const at = this.position(event.target);
    if (at) this.startEdit(at.row, at.col);
  };

  private onPaste = (event: ClipboardEvent): void => {
    if (this.readonly) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const block = parseTsv(text);
    // A single value pasted into an open editor is ordinary text editing.
    if (this.editing && block.length <= 1 && (block[0]?.length ?? 0) <= 1) return;
    if (!block.length) return;
    event.preventDefault();
    this.editing = undefined;
    const at = this.position(event.target) ?? this.active;
    const { rows, problems, issues, report } = pasteBlock(
      this.list,
      this.columns,
      this.field?.children ?? [],
      at,
      block,
      this.field?.schema.maxItems ?? Infinity,
      this.validate,
    );
    this.structural(rows);
    for (const p of problems) this.local.set(`${p.row}:${p.column.key}`, p.message);
    if (issues) this.issues = issues;
    this.indexIssues();
    this.report = report;
  };

  private onNestedClose = (): void => {
    const at = this.nested;
    this.nested = undefined;
    if (at) void this.focusCell(at.row, at.col);
  };
}
