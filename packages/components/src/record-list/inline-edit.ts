import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import {
  coerceFilterValue,
  KehuError,
  KehuValidationError,
  localize,
  type Entity,
  type FieldModel,
  type KehuRecord,
  type Locale,
  type Repository,
} from '@kehu/core';
import { fieldValue } from './cell-format.js';

/** Kinds a list cell can edit in place; the others open the form. */
const EDITABLE_KINDS = new Set(['text', 'email', 'number', 'integer', 'money', 'date', 'enum', 'boolean']);

/** Whether a column's cells can be edited in the list. */
export const isInlineEditable = (entity: Entity, field: FieldModel): boolean =>
  EDITABLE_KINDS.has(field.kind) &&
  field.path.length === 1 &&
  !field.readOnly &&
  !field.sensitive &&
  field.key !== entity.namingSeries?.field;

/**
 * Editing one list cell in place: which cell, the editor it shows, and the write. The record is
 * patched through the store, so validation applies as in the form; a refused value keeps the editor
 * open with the store's localised message.
 */
export class InlineEdit {
  /** The cell being edited: record index and field key. */
  cell: { index: number; key: string; id: string } | undefined;
  error: string | undefined;
  private saving = false;
  /** Focuses a new editor once, when it first renders (the virtualizer renders rows on its own schedule). */
  private focusOnce = ref((element?: Element) => {
    if (!element || this.focused.has(element)) return;
    this.focused.add(element);
    requestAnimationFrame(() => {
      (element as HTMLElement).focus();
      if (element instanceof HTMLInputElement && element.type === 'text') element.select();
    });
  });
  private focused = new WeakSet<Element>();

  constructor(
    private host: ReactiveControllerHost,
    /** Puts focus back on the cell after an edit ends. */
    private focusCell: (index: number, key: string) => void,
  ) {}

  start(index: number, record: KehuRecord, field: FieldModel): void {
    this.cell = { index, key: field.key, id: record.id };
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Whether this record's cell is the one being edited; by id, so a row that moves keeps its editor. */
  isEditing(id: string, key: string): boolean {
    return this.cell?.id === id && this.cell.key === key;
  }

  cancel(): void {
    const cell = this.cell;
    if (!cell) return;
    this.cell = undefined;
    this.error = undefined;
    this.host.requestUpdate();
    this.focusCell(cell.index, cell.key);
  }

  private async commit(repository: Repository, field: FieldModel, raw: unknown, locale: Locale): Promise<void> {
    const cell = this.cell;
    if (!cell || this.saving) return;
    this.saving = true;
    try {
      const value = raw === '' ? undefined : field.kind === 'boolean' ? raw === true : coerceFilterValue(field, raw);
      if (value === undefined && raw !== '' && field.kind !== 'boolean') throw new Error(String(raw));
      await repository.patch(cell.id, { [field.key]: value });
      this.cell = undefined;
      this.error = undefined;
      this.host.requestUpdate();
      this.focusCell(cell.index, cell.key);
    } catch (error) {
      this.error =
        error instanceof KehuValidationError
          ? error.issues.map((issue) => localize(issue.message, locale)).join(' ')
          : error instanceof KehuError
            ? error.messageIn(locale)
            : localize(
                { 'zh-CN': `「${String(raw)}」不是有效的值`, en: `"${String(raw)}" is not a valid value` },
                locale,
              );
      this.host.requestUpdate();
    } finally {
      this.saving = false;
    }
  }

  /** The editor inside the cell: an input or select matching the field, focused when it appears. */
  editor(field: FieldModel, record: KehuRecord, locale: Locale, repository: Repository): TemplateResult {
    const value = fieldValue(record, field);
    const label = localize(field.label, locale) || field.key;
    const onKeydown = (event: KeyboardEvent) => {
      event.stopPropagation(); // arrows and Home/End belong to the editor, not the grid
      if (event.key === 'Escape') {
        event.preventDefault();
        this.cancel();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const target = event.target as HTMLInputElement;
        void this.commit(repository, field, target.type === 'checkbox' ? target.checked : target.value, locale);
      }
    };
    const onBlur = (event: FocusEvent) => {
      const target = event.target as HTMLInputElement;
      if (this.cell)
        void this.commit(repository, field, target.type === 'checkbox' ? target.checked : target.value, locale);
    };
    const common = { label, invalid: this.error !== undefined };
    let control: TemplateResult;
    if (field.kind === 'enum') {
      control = html`<select
        ${this.focusOnce}
        aria-label=${common.label}
        aria-invalid=${common.invalid}
        @keydown=${onKeydown}
        @blur=${onBlur}
      >
        ${field.required ? '' : html`<option value="" ?selected=${value === undefined}></option>`}
        ${(field.options ?? []).map(
          (o) =>
            html`<option value=${String(o.value)} ?selected=${o.value === value}>${localize(o.label, locale)}</option>`,
        )}
      </select>`;
    } else if (field.kind === 'boolean') {
      control = html`<input
        ${this.focusOnce}
        type="checkbox"
        aria-label=${common.label}
        .checked=${value === true}
        @keydown=${onKeydown}
        @blur=${onBlur}
      />`;
    } else {
      const numeric = field.type === 'number' || field.type === 'integer';
      control = html`<input
        ${this.focusOnce}
        type=${field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : 'text'}
        inputmode=${numeric ? 'decimal' : 'text'}
        aria-label=${common.label}
        aria-invalid=${common.invalid}
        aria-describedby=${this.error ? 'inline-error' : ''}
        .value=${value === undefined || value === null ? '' : String(value)}
        @keydown=${onKeydown}
        @blur=${onBlur}
      />`;
    }
    return html`<span class="inline-editor"
      >${control}${
        this.error ? html`<span id="inline-error" class="inline-error" role="alert">${this.error}</span>` : ''
      }</span
    >`;
  }
}
