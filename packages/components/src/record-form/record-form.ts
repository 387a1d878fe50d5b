import { LitElement, html, nothing } from 'lit';
import { localize, type Entity, type KehuRecord, type Locale, type Store, type ValidationIssue } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { renderField, type FieldHost } from './field-view.js';
import { renderLayout, sectionOf } from './form-layout.js';
import { LeaveGuard, type DirtyChangeDetail } from './form-leave.js';
import { FormRules, isUnder } from './form-rules.js';
import { focusFirstInvalid, renderSummary } from './form-summary.js';
import {
  changesOf,
  defaultsOf,
  describeError,
  saveFailure,
  type RecordCancelDetail,
  type RecordSaveDetail,
} from './record-save.js';
import { candidateOf, FormState, pathKey, setValueAt, type FieldPath } from './form-state.js';
import { recordFormStyles } from './record-form.styles.js';
import { formText } from './record-form.strings.js';
import { fieldWidgets, type FieldWidget } from './widgets/registry.js';
import { deniedAction, FormPermissions } from './form-permissions.js';

export type { RecordCancelDetail, RecordSaveDetail } from './record-save.js';
export type { DirtyChangeDetail } from './form-leave.js';

/** `create`: a new record; `edit`: the one named by `record-id`; `read`: show it, no inputs. */
export type FormMode = 'create' | 'edit' | 'read';
const modes: readonly string[] = ['create', 'edit', 'read'];

type Phase = 'idle' | 'loading' | 'ready' | 'not-found' | 'saving';

/**
 * @summary A form for one record of any entity, generated from its schema: creates a record, or
 * loads and edits the one named by `record-id`. Under the store's role permissions, fields the user
 * may not see are left out, masked and read-only ones are shown as text, and a mode the role does not
 * allow (adding, changing) shows the record read-only with a notice.
 *
 * @event kehu-record-save - The record was stored. `detail: { id, record, entity, created }`.
 * @event kehu-record-cancel - The user pressed Cancel. `detail: { entity, id? }`.
 * @event kehu-dirty-change - The form became dirty (unsaved changes) or clean again. `detail: { dirty }`.
 *
 * @csspart base - Wrapper of everything.
 * @csspart form - The `<form>` holding the sections and the actions.
 * @csspart message - Why the form cannot be shown (no store, unknown entity, record not found) or that it is loading.
 * @csspart notice - Why the form is read-only: the user's role may not add or change these records.
 * @csspart summary - Problems not tied to one field (record-level issues, store errors).
 * @csspart section - One form section (a fieldset).
 * @csspart section-label - A section's legend.
 * @csspart tabs - The tab list when `x-kehu.form.layout` is `tabs`; `tab` (and `selected`) each tab.
 * @csspart tab-badge - The number of problems on a tab.
 * @csspart tab-panel - A tab's panel.
 * @csspart value - A value shown in read mode.
 * @csspart leave-dialog - "Discard unsaved changes?"; `stay-button`, `leave-button` inside.
 * @csspart leave-actions - The buttons of the leave dialog.
 * @csspart field - One field: label, control, help, error.
 * @csspart group - A field drawn as a fieldset (objects, line items, lists).
 * @csspart label - A field's label or legend.
 * @csspart required-mark - The asterisk of a required field.
 * @csspart input - A field's control; also `checkbox` on check boxes and `reference` on record pickers.
 * @csspart money - A money field: the `currency` symbol and the amount input.
 * @csspart list - A list of plain values; `list-item` is one entry.
 * @csspart help - A field's help text.
 * @csspart error - A field's error message.
 * @csspart line-items - The `<kehu-line-items>` grid of an array of objects (see its own parts).
 * @csspart table - Line items that hold nested objects or lists, drawn as a table; `row`, `cell` and `column-header` inside.
 * @csspart row - A row of such a table.
 * @csspart cell - A cell of such a table; `empty` marks "no rows".
 * @csspart column-header - A column header of such a table.
 * @csspart empty - "No rows yet" in such a table.
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
    mode: { type: String, reflect: true },
    beforeLeave: { attribute: false },
    widgets: { attribute: false },
    activeTab: { state: true },
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
  /** Shows the record without letting it be changed: the same as `mode="read"`. */
  readonly: boolean;
  /**
   * `create` starts a new record (from `record`, ignoring `record-id`), `edit` edits `record-id`,
   * `read` shows it as text with no inputs. Default: `edit` with a `record-id`, else `create`.
   */
  mode?: FormMode;
  /**
   * Host hook for in-app navigation: `confirmLeave()` calls it instead of showing the form's own
   * dialog while the form is dirty. Resolve true to leave.
   */
  beforeLeave?: (form: KehuRecordForm) => boolean | Promise<boolean>;
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
  private rules?: FormRules;
  private rulesFor?: Entity;
  private activeTab?: string;
  /** The candidate record as loaded or last saved, as JSON, to tell whether the form is dirty. */
  private baseline = '';
  private isDirty = false;
  private leave = new LeaveGuard(
    () => this.isDirty,
    () => this.requestUpdate(),
    () => this.renderRoot?.querySelector<HTMLDialogElement>('[part~="leave-dialog"]'),
  );
  private warnedMode?: string;
  /** The store's role permissions on the entity, renewed with the store and entity. */
  private permissions = new FormPermissions(undefined, undefined);

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
      onFieldChangeBelow: (path, value, below) => this.onFieldChange(path, value, below),
      validateAt: (path, value) => this.validateAt(path, value),
      readMode: () => this.readMode,
      visible: (field, path) => this.rules?.visible(this.state.values, field, path) ?? true,
      access: (path) => this.permissions.access(path),
      permitted: (field, path) => this.permissions.field(field, path),
    };
  }

  /** True while the values differ from the record as loaded or last saved. */
  get dirty(): boolean {
    return this.isDirty;
  }

  /** The record as it would be saved now (a copy), for hosts that act on what the user entered. */
  get values(): Record<string, unknown> {
    return structuredClone(this.candidate());
  }

  /**
   * Sets a field as if the user had entered it: computed fields follow and the form turns dirty.
   * For hosts that fill values in, e.g. a unit price resolved when a line's product is chosen.
   */
  setValue(path: (string | number)[], value: unknown): void {
    this.onFieldChange(path, value);
    this.state.notify(pathKey(path.slice(0, 1)));
  }

  /** The mode in effect (a bad `mode` value warns and counts as unset). */
  private get effectiveMode(): FormMode {
    if (this.readonly || this.mode === 'read') return 'read';
    if (this.mode !== undefined && !modes.includes(this.mode)) {
      if (this.warnedMode !== this.mode) {
        this.warnedMode = this.mode;
        console.warn(formText('en', 'badMode', { mode: String(this.mode) }));
      }
    } else if (this.mode === 'create') return 'create';
    return this.recordId ? 'edit' : 'create';
  }

  private get readMode(): boolean {
    return this.effectiveMode === 'read' || this.denied !== undefined;
  }

  /** The action the user's role lacks for this mode; the form is then read-only, with a notice. */
  private get denied(): 'create' | 'update' | undefined {
    return deniedAction(this.permissions, this.effectiveMode);
  }

  /**
   * For in-app navigation: resolves true when the form may be left — at once when nothing is
   * unsaved, else after the host's `beforeLeave` hook or the form's own dialog says so.
   */
  confirmLeave(): Promise<boolean> {
    if (!this.isDirty) return Promise.resolve(true);
    if (this.beforeLeave) return Promise.resolve(this.beforeLeave(this));
    return this.leave.ask();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.leave.onBeforeUnload);
  }

  private get uiLocale(): Locale {
    return uiLocale(this, this.locale);
  }

  protected override willUpdate(): void {
    const recordId = this.effectiveMode === 'create' ? undefined : this.recordId;
    const inputs = [this.entities.store, this.entities.entity, recordId, recordId ? undefined : this.record];
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
    this.permissions = new FormPermissions(this.entities.store, entity);
    if (this.rulesFor !== entity) {
      this.rulesFor = entity;
      this.rules = entity ? new FormRules(entity) : undefined;
    }
    const recordId = this.loadedFor[2] as string | undefined;
    if (!entity || !repository) {
      this.phase = 'idle';
      return;
    }
    if (!recordId) {
      this.resetValues({ ...defaultsOf(entity), ...(this.record ?? {}) });
      this.phase = 'ready';
      return;
    }
    this.phase = 'loading';
    repository.get(recordId).then(
      (record) => {
        if (token !== this.loadToken) return;
        this.stored = record ?? undefined;
        if (record) this.resetValues(record);
        this.phase = record ? 'ready' : 'not-found';
      },
      (error: unknown) => {
        if (token !== this.loadToken) return;
        this.failure = describeError(error, this.uiLocale);
        this.phase = 'not-found';
      },
    );
  }

  /** Starts over from `values`, with computed fields recomputed and the form clean. */
  private resetValues(values: Record<string, unknown>): void {
    this.state.reset(values);
    this.rules?.recomputeAll(this.state.values);
    this.baseline = JSON.stringify(candidateOf(this.state.values));
    this.setDirty(false);
  }

  private setDirty(dirty: boolean): void {
    if (dirty === this.isDirty) return;
    this.isDirty = dirty;
    this.dispatchEvent(
      new CustomEvent<DirtyChangeDetail>('kehu-dirty-change', { detail: { dirty }, bubbles: true, composed: true }),
    );
  }

  /** Records a value and redraws exactly what depends on it: conditional fields and computed ones. */
  private onFieldInput(path: FieldPath, value: unknown, below: FieldPath = []): void {
    this.state.set(path, value);
    if (this.saved) this.saved = false;
    for (const target of this.rules?.afterChange(this.state.values, [...path, ...below]) ?? [])
      this.state.notify(target);
    this.setDirty(JSON.stringify(candidateOf(this.state.values)) !== this.baseline);
  }

  private onFieldChange(path: FieldPath, value: unknown, below: FieldPath = []): void {
    this.onFieldInput(path, value, below);
    const entity = this.entities.entity;
    if (!entity) return;
    const at = [...path, ...below];
    const cell = below.length > 0 && this.state.hasShownError(at);
    if (!this.state.hasShownError(path) && !cell) return;
    const key = pathKey(cell ? at : path);
    const issues = this.validateCandidate(entity).filter((issue) => pathKey(issue.path) === key);
    this.state.setIssuesAt(cell ? at : path, issues);
  }

  /** The record as it would be saved: absent values dropped, fields hidden by their condition left out. */
  private candidate(): Record<string, unknown> {
    const candidate = candidateOf(this.state.values) as Record<string, unknown>;
    for (const path of this.rules?.hidden(this.state.values) ?? []) setValueAt(candidate, path, undefined);
    return candidate;
  }

  private validateCandidate(entity: Entity, candidate = this.candidate()): ValidationIssue[] {
    const hidden = this.rules?.hidden(this.state.values) ?? [];
    return this.permissions.actionable(
      entity.validate(candidate).filter((issue) => !hidden.some((h) => isUnder(issue.path, h))),
    );
  }

  /** Issues of a candidate value for the field at `path` (line items after a paste), relative to it. */
  private validateAt(path: FieldPath, value: unknown) {
    const entity = this.entities.entity;
    if (!entity) return [];
    const candidate = this.candidate();
    setValueAt(candidate, path, candidateOf(value));
    const below = this.validateCandidate(entity, candidate).filter(
      (issue) => isUnder(issue.path, path) && issue.path.length > path.length,
    );
    const others = this.state
      .allIssues()
      .map((entry) => entry.issue)
      .filter((issue) => !isUnder(issue.path, path));
    this.state.setIssues([...others, ...below]);
    return below.map((issue) => ({ path: issue.path.slice(path.length), message: issue.message }));
  }

  /** Validates and stores the record; resolves to the stored record, or undefined when it was not stored. */
  async save(): Promise<KehuRecord | undefined> {
    const entity = this.entities.entity;
    const repository = this.entities.repository;
    if (!entity || !repository || this.readMode || this.phase !== 'ready') return undefined;
    const candidate = this.candidate();
    const issues = this.validateCandidate(entity, candidate);
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
        : await repository.insert(this.permissions.creatable(candidate));
      this.stored = record;
      // Saved once, the form now edits that record, so a second Save does not create another.
      this.recordId = record.id;
      this.loadedFor = [this.entities.store, entity, record.id, undefined];
      if (this.mode === 'create') this.mode = 'edit';
      this.resetValues(record);
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
      const outcome = saveFailure(error, this.permissions, this.uiLocale);
      if ('issues' in outcome) await this.showIssues(outcome.issues);
      else {
        this.state.setIssues([]);
        this.failure = outcome.message;
      }
      return undefined;
    }
  }

  private async showIssues(issues: ValidationIssue[]): Promise<void> {
    this.state.setIssues(issues);
    // With tabs, the first problem's tab opens so its field can take focus.
    const tab = this.entities.entity ? sectionOf(this.entities.entity.sections, issues[0]?.path[0]) : undefined;
    if (tab) this.activeTab = tab.id;
    this.requestUpdate();
    await this.updateComplete;
    await focusFirstInvalid(this.renderRoot);
  }

  private showSaved(): void {
    this.saved = true;
    clearTimeout(this.savedTimer);
    this.savedTimer = setTimeout(() => (this.saved = false), 4000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.savedTimer);
    window.removeEventListener('beforeunload', this.leave.onBeforeUnload);
  }

  protected override updated(): void {
    this.leave.show();
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
      ${
        this.denied
          ? html`<p part="notice" role="status">
              ${formText(locale, this.denied === 'create' ? 'noCreate' : 'noUpdate', {
                entity: localize(entity.label, locale),
              })}
            </p>`
          : nothing
      }
      ${renderSummary(this.state, this.failure, locale)}
      ${renderLayout({
        state: this.state,
        locale,
        sections: entity.sections,
        layout: entity.formLayout ?? 'sections',
        label: localize(entity.label, locale),
        activeTab: this.activeTab,
        selectTab: (id, focus) => void this.selectTab(id, focus),
        renderField: (field, path) => renderField(this.fieldHost, field, path),
      })}
      <div part="actions">
        ${
          this.readMode
            ? nothing
            : html`<button type="submit" part="save-button" ?disabled=${this.phase === 'saving'}>
                ${formText(locale, 'save')}
              </button>`
        }
        <button type="button" part="cancel-button" @click=${this.onCancel}>${formText(locale, 'cancel')}</button>
        <span part="status" role="status">${this.saved ? formText(locale, 'saved') : ''}</span>
      </div>
      ${this.leave.render(locale)}
    </form>`;
  }

  private async selectTab(id: string, focus: boolean): Promise<void> {
    this.activeTab = id;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${CSS.escape(id)}`)?.focus();
  }
}
