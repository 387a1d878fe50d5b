/**
 * Element measure: editing line `n/2` of a document with `n` lines. Kehu: `<kehu-record-form>` on
 * the stored document, its lines tab open, the `<kehu-line-items>` grid. Baseline: a bare
 * `<lit-virtualizer>` drawing the very same rows (`renderRow`, header and footer, the grid's styles,
 * in a shadow root) with the least state a spreadsheet needs: the active cell, the cell being edited,
 * and on commit a new row with its amount recomputed and the total summed again.
 */
import { html, render } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import type { Entity, FieldModel, Store } from '@kehu/core';
import type { KehuRecordForm } from '../packages/components/src/record-form/record-form.js';
import { renderRow } from '../packages/components/src/line-items/line-items.row.js';
import { columnTracks, renderFooter, renderHeader } from '../packages/components/src/line-items/line-items.parts.js';
import { lineItemsStyles } from '../packages/components/src/line-items/line-items.styles.js';
import { parseCell } from '../packages/components/src/line-items/cell-value.js';
import type { Row } from '../packages/components/src/line-items/paste.js';
import { linesDocumentId } from './forms-data.js';
import { frames, nextFrame, until } from './frames.js';
import { freshStage } from './stage.js';

/** The column typed into: changing it recomputes the row's amount and the document's total. */
export const LINE_COLUMN = 'quantity';

const cellSelector = (row: number, key: string) => `[role="gridcell"][data-row="${row}"][data-key="${key}"]`;

/** Scrolls row `row` of a grid's virtualizer into view and focuses its `key` cell. */
async function focusCell(root: ShadowRoot, row: number, key: string): Promise<HTMLElement> {
  const virtualizer = await until(() => root.querySelector<LitVirtualizer>('lit-virtualizer'), 'the rows');
  await virtualizer.layoutComplete;
  virtualizer.element(row)?.scrollIntoView({ block: 'center' });
  const cell = await until(() => root.querySelector<HTMLElement>(cellSelector(row, key)), `line ${row + 1}`);
  cell.focus();
  await frames(10);
  return cell;
}

/** Kehu: the form on the stored document, lines tab open, the quantity cell of the middle line focused. */
export async function openLinesForm(store: Store, lines: number): Promise<Element[]> {
  const form = document.createElement('kehu-record-form') as KehuRecordForm;
  form.store = store;
  form.entity = 'document';
  form.recordId = linesDocumentId(lines);
  freshStage().append(form);
  const root = form.shadowRoot!;
  const tab = await until(() => root.querySelector<HTMLElement>('#tab-lines'), 'the lines tab');
  tab.click();
  const grid = await until(() => root.querySelector('kehu-line-items'), 'the line items');
  await form.updateComplete;
  grid.scrollIntoView({ block: 'start' });
  await focusCell(grid.shadowRoot!, Math.floor(lines / 2) - 1, LINE_COLUMN);
  return [form, grid, grid.shadowRoot!.querySelector('lit-virtualizer')!];
}

const NO_PROBLEMS = new Map<string, never[]>();
const money = (n: number) => Math.round(n * 100) / 100;

/** Baseline: the same rows in a bare virtualizer, with just enough keyboard handling to edit a cell. */
export async function openBareLines(store: Store, entity: Entity, lines: number): Promise<Element[]> {
  const field = entity.field('lines') as FieldModel;
  const columns = (field.children ?? []).filter((f) => !f.hidden);
  const document_ = await store.entity('document').get(linesDocumentId(lines));
  let rows = (document_?.lines ?? []) as Row[];
  const products = new Map((await store.entity('product').find({})).map((p) => [p.id, String(p.name ?? p.id)]));
  const host = document.createElement('div');
  freshStage().append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = lineItemsStyles.map((style) => style.styleSheet!);
  let active = { row: 0, col: 0 };
  let editing: { row: number; col: number; initial?: string } | undefined;
  const noop = () => undefined;
  // Like the grid, a row is drawn again only when its data, active cell or editor changed.
  const item = (row: Row, index: number) => {
    const activeCol = active.row === index ? active.col : -1;
    const editingCol = editing?.row === index ? editing.col : -1;
    return guard([row, index, activeCol, editingCol], () => drawRow(row, index, activeCol, editingCol));
  };
  const drawRow = (row: Row, index: number, activeCol: number, editingCol: number) =>
    renderRow(row, index, {
      columns,
      locale: 'zh-CN',
      readonly: false,
      activeCol,
      editingCol,
      initial: editing?.initial,
      problems: NO_PROBLEMS,
      title: (_entity, id) => products.get(id) ?? id,
      onRemove: noop,
      onMove: noop,
      onCommitPick: noop,
    });
  const virtualizer = () => shadow.querySelector<LitVirtualizer>('lit-virtualizer');
  const draw = () => {
    render(
      html`<div
        class="base"
        style="--_columns: ${columnTracks(columns, false)}; --_rows: ${rows.length}"
        @keydown=${onKeydown}
      >
        <div class="scroll">
          <div class="table" role="grid">
            ${renderHeader(columns, 'zh-CN', false)}
            <lit-virtualizer class="body" role="rowgroup" scroller .items=${rows} .renderItem=${item}></lit-virtualizer>
            ${renderFooter(columns, rows, 'zh-CN', false)}
          </div>
        </div>
      </div>`,
      shadow,
    );
    virtualizer()?.requestUpdate();
  };
  const cellAt = (row: number, col: number) =>
    shadow.querySelector<HTMLElement>(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  const moveTo = async (row: number, col: number) => {
    active = { row, col };
    draw();
    await virtualizer()?.updateComplete;
    await nextFrame();
    cellAt(row, col)?.focus();
  };
  function onKeydown(event: KeyboardEvent): void {
    const cell = (event.composedPath()[0] as Element).closest<HTMLElement>('[role="gridcell"][data-row]');
    if (!cell) return;
    const [row, col] = [Number(cell.dataset.row), Number(cell.dataset.col)];
    const editor = (event.composedPath()[0] as Element).closest<HTMLInputElement>('input[data-editor]');
    if (editor && event.key === 'Enter') {
      event.preventDefault();
      const parsed = parseCell(columns[col], editor.value);
      editing = undefined;
      if ('value' in parsed) {
        const line = { ...rows[row], [columns[col].key]: parsed.value };
        const discount = typeof line.discount === 'number' ? line.discount : 0;
        line.amount = money((line.quantity as number) * (line.unitPrice as number) * (1 - discount / 100));
        rows = rows.slice();
        rows[row] = line;
      }
      void moveTo(Math.min(row + 1, rows.length - 1), col);
    } else if (!editor && event.key === 'ArrowUp') {
      event.preventDefault();
      void moveTo(Math.max(0, row - 1), col);
    } else if (!editor && event.key.length === 1) {
      event.preventDefault();
      editing = { row, col, initial: event.key };
      draw();
      void virtualizer()?.updateComplete.then(() => {
        const input = cellAt(row, col)?.querySelector('input');
        input?.focus();
        input?.setSelectionRange(input.value.length, input.value.length);
      });
    }
  }
  draw();
  const target = Math.floor(lines / 2) - 1;
  active = { row: target, col: columns.findIndex((c) => c.key === LINE_COLUMN) };
  draw();
  await focusCell(shadow, target, LINE_COLUMN);
  return [virtualizer()!];
}
