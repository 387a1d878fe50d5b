import { LitElement, html, nothing } from 'lit';
import {
  KehuError,
  KehuValidationError,
  localize,
  type Entity,
  type KehuRecord,
  type Locale,
  type Store,
  type ValidationIssue,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { renderField, type FieldHost } from './field-view.js';
import { renderSummary } from './form-summary.js';
import { changesOf, defaultsOf, type RecordCancelDetail, type RecordSaveDetail } from './record-save.js';
import { candidateOf, FormState, pathKey, type FieldPath } from './form-state.js';
import { recordFormStyles } from './record-form.styles.js';
import { formText } from './record-form.strings.js';
import { fieldWidgets, type FieldWidget } from './widgets/registry.js';

export type { RecordCancelDetail, RecordSaveDetail } from './record-save.js';

type Phase = 'idle' | 'loading' | 'ready' | 'not-found' | 'saving';

/**
 * @summary A form for one record of any entity, generated from its schema: creates a record, or
 * loads and edits the one named by `record-id`.
 *
 * @event kehu-record-save - The record was stored. `detail: { id, record, entity, created }`.
 * @event kehu-record-cancel - The user pressed Cancel. `detail: { entity, id? }`.
 *
 * @csspart base - Wrapper of everything.
 * @csspart message - Why the form cannot be shown (no store, unknown entity, record not found) or that it is loading.
 * @csspart summary - Problems not tied to one field (record-level issues, store errors).
 * @csspart section - One form section (a fieldset).
 * @csspart section-label - A section's legend.
 * @csspart field - One field: label, control, help, error.
 * @csspart group - A field drawn as a fieldset (objects, line items, lists).
 * @csspart label - A field's label or legend.
 * @csspart required-mark - The asterisk of a required field.
 * @csspart input - A field's control.
 * @csspart help - A field's help text.
 * @csspart error - A field's error message.
 * @csspart table - The line-items table; `row`, `cell`, `column-header` inside it.
 * @csspart add-button - Adds a line item or list entry; `remove-button` removes one.
 * @csspart actions - The Save and Cancel buttons and the status.
 * @csspart save-button - The Save button.
 * @csspart cancel-button - The Cancel button.
 * @csspart status - "Saved" after a successful save.
 *
 * @cssproperty --kehu-record-form-font - Font of the form.
 * @cssproperty --kehu-record-form-gap - Space between fields.
 * @cssproperty --kehu-record-form-text-color - Text colour.
 * @cssproperty --kehu-record-form-muted-color - Help text colour.
 * @cssproperty --kehu-record-form-border-color - Borders of inputs, sections and tables.
 * @cssproperty --kehu-record-form-border-radius - Corner radius of inputs and buttons.
 * @cssproperty --kehu-record-form-accent-color - Save button and focus ring.
 * @cssproperty --kehu-record-form-error-color - Error messages and invalid inputs.
 * @cssproperty --kehu-record-form-input-background - Background of inputs.
 */
export class KehuRecordForm extends LitElement {
  static override styles = recordFormStyles;
  static override properties = {
    entity: { type: String, reflect: true },
    recordId: { type: String, attribute: 'record-id' },
    record: { attribute: false },
    store: { attribute: false },
    locale: { type: String },
    readonly: { type: Boolean, reflect: true },
    widgets: { attribute: false },
    phase: { state: true },
    failure: { state: true },
    saved: { state: true },
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** Id of the record to edit; without it the form creates a record. */
  recordId?: string;
  /** Initial values of a new record (ignored when `recordId` is set). Copied, never changed. */
  record?: Record<string, unknown>;
  /** Store to use; default: the nearest `<kehu-store-provider>`. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Shows the record without letting it be changed. */
  readonly: boolean;
  /** Widgets to choose from; default the shared `fieldWidgets`, which host apps extend. */
  widgets: readonly FieldWidget[];

  /** The values being edited and their issues. */
  private state = new FormState();
  /** What each field's widget gets from the form. */
  private fieldHost: FieldHost;
  private entities = new EntityController(this);
  private phase: Phase = 'idle';
  /** A store error not tied to a field, already localised. */
  private failure?: string;
  private saved = false;
  private savedTimer?: ReturnType<typeof setTimeout>;
  /** The record as last loaded or saved, when editing. */
  private stored?: KehuRecord;
  /** What the current values were loaded for: store, entity, record id, initial record. */
  private loadedFor: unknown[] = [];
  private loadToken = 0;

  constructor() {
    super();
    this.readonly = false;
    this.widgets = fieldWidgets;
    this.fieldHost = {
      state: this.state,
      widgets: () => this.widgets,
      locale: () => this.uiLocale,
      disabled: () => this.readonly || this.phase === 'saving',
      store: () => this.entities.store,
      onFieldInput: (path, value) => this.onFieldInput(path, value),
      onFieldChange: (path, value) => this.onFieldChange(path, value),
    };
  }

  private get uiLocale(): Locale {
    return uiLocale(this, this.locale);
  }

  protected override willUpdate(): void {
    const inputs = [this.entities.store, this.entities.entity, this.recordId, this.recordId ? undefined : this.record];
    if (inputs.some((value, i) => value !== this.loadedFor[i])) {
      this.loadedFor = inputs;
      this.load();
    }
  }

  private load(): void {
    const token = ++this.loadToken;
    const entity = this.entities.entity;
    const repository = this.entities.repository;
    this.failure = undefined;
    this.stored = undefined;
    if (!entity || !repository) {
      this.phase = 'idle';
      return;
    }
    if (!this.recordId) {
      this.state.reset({ ...defaultsOf(entity), ...(this.record ?? {}) });
      this.phase = 'ready';
      return;
    }
    this.phase = 'loading';
    repository.get(this.recordId).then(
      (record) => {
        if (token !== this.loadToken) return;
        this.stored = record ?? undefined;
        if (record) this.state.reset(record);
        this.phase = record ? 'ready' : 'not-found';
      },
      (error: unknown) => {
        if (token !== this.loadToken) return;
        this.failure = this.describe(error);
        this.phase = 'not-found';
      },
    );
  }

  private onFieldInput(path: FieldPath, value: unknown): void {
    this.state.set(path, value);
    if (this.saved) this.saved = false;
  }

  private onFieldChange(path: FieldPath, value: unknown): void {
    this.onFieldInput(path, value);
    const entity = this.entities.entity;
    if (!entity || !this.state.hasShownError(path)) return;
    const key = pathKey(path);
    const issues = entity.validate(candidateOf(this.state.values)).filter((issue) => pathKey(issue.path) === key);
    this.state.setIssuesAt(path, issues);
  }

  /** Validates and stores the record; resolves to the stored record, or undefined when it was not stored. */
  async save(): Promise<KehuRecord | undefined> {
    const entity = this.entities.entity;
    const repository = this.entities.repository;
    if (!entity || !repository || this.readonly || this.phase !== 'ready') return undefined;
    const candidate = candidateOf(this.state.values) as Record<string, unknown>;
    const issues = entity.validate(candidate);
    if (issues.length) {
      await this.showIssues(issues);
      return undefined;
    }
    this.phase = 'saving';
    this.failure = undefined;
    const created = !this.stored;
    try {
      const record = this.stored
        ? await repository.patch(this.stored.id, changesOf(this.stored, candidate))
        : await repository.insert(candidate);
      this.stored = record;
      // Saved once, the form now edits that record, so a second Save does not create another.
      this.recordId = record.id;
      this.loadedFor = [this.entities.store, entity, record.id, undefined];
      this.state.reset(record);
      this.phase = 'ready';
      this.showSaved();
      this.dispatchEvent(
        new CustomEvent<RecordSaveDetail>('kehu-record-save', {
          detail: { id: record.id, record, entity: entity.name, created },
          bubbles: true,
          composed: true,
        }),
      );
      return record;
    } catch (error) {
      this.phase = 'ready';
      if (error instanceof KehuValidationError) await this.showIssues(error.issues);
      else {
        this.state.setIssues([]);
        this.failure = this.describe(error);
      }
      return undefined;
    }
  }

  private describe(error: unknown): string {
    if (error instanceof KehuError) return error.messageIn(this.uiLocale);
    console.error(error);
    return formText(this.uiLocale, 'saveFailed', { reason: error instanceof Error ? error.message : String(error) });
  }

  private async showIssues(issues: ValidationIssue[]): Promise<void> {
    this.state.setIssues(issues);
    this.requestUpdate();
    await this.updateComplete;
    // Pickers and groups have no aria-invalid of their own (their host has no role): `data-invalid` marks them.
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]');
    const target = first?.matches('fieldset')
      ? first.querySelector<HTMLElement>('input, select, textarea, button, kehu-reference-picker')
      : first;
    target?.focus();
  }

  private showSaved(): void {
    this.saved = true;
    clearTimeout(this.savedTimer);
    this.savedTimer = setTimeout(() => (this.saved = false), 4000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.savedTimer);
  }

  private onSubmit = (event: Event) => {
    event.preventDefault();
    void this.save();
  };

  private onCancel = () => {
    const detail: RecordCancelDetail = { entity: this.entity ?? '' };
    if (this.stored) detail.id = this.stored.id;
    this.dispatchEvent(
      new CustomEvent<RecordCancelDetail>('kehu-record-cancel', { detail, bubbles: true, composed: true }),
    );
  };

  override render() {
    const locale = this.uiLocale;
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    let body: unknown;
    if (problem || !entity) body = html`<div part="message" role="alert">${problem}</div>`;
    else if (this.phase === 'loading')
      body = html`<div part="message" role="status">${formText(locale, 'loading')}</div>`;
    else if (this.phase === 'not-found') {
      const text =
        this.failure ??
        formText(locale, 'notFound', { id: this.recordId ?? '', entity: localize(entity.label, locale) });
      body = html`<div part="message" role="alert">${text}</div>`;
    } else body = this.renderForm(entity, locale);
    return html`<div part="base">${body}</div>`;
  }

  private renderForm(entity: Entity, locale: Locale) {
    return html`<form part="form" novalidate @submit=${this.onSubmit} aria-label=${localize(entity.label, locale)}>
      ${renderSummary(this.state, this.failure, locale)}
      ${entity.sections.map((section) => {
        const fields = section.fields.filter((field) => !field.hidden);
        if (!fields.length) return nothing;
        const label = localize(section.label, locale);
        return html`<fieldset part="section">
          ${label ? html`<legend part="section-label">${label}</legend>` : nothing}
          ${fields.map((field) => renderField(this.fieldHost, field, [field.key]))}
        </fieldset>`;
      })}
      <div part="actions">
        ${
          this.readonly
            ? nothing
            : html`<button type="submit" part="save-button" ?disabled=${this.phase === 'saving'}>
                ${formText(locale, 'save')}
              </button>`
        }
        <button type="button" part="cancel-button" @click=${this.onCancel}>${formText(locale, 'cancel')}</button>
        <span part="status" role="status">${this.saved ? formText(locale, 'saved') : ''}</span>
      </div>
    </form>`;
  }
}
