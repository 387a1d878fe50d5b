import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  localize,
  type ChangeEntry,
  type ConflictRecord,
  type Entity,
  type KehuRecord,
  type Locale,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import { fieldDisplay, type ValueContext } from '../record-detail/detail-values.js';
import { pickerFields, type PickerField, type Provenance, type SideValue } from './conflict-fields.js';
import { conflictResolveEvent } from './conflict-resolve-event.js';
import { pickerText } from './conflict-picker.strings.js';
import { conflictPickerStyles } from './conflict-picker.styles.js';

type Conflict = KehuRecord<ConflictRecord>;

/**
 * @summary The edits a sync kept because someone else changed the same fields (or the server refused
 * them), for one entity or one record: per field the label and both values as the detail view shows
 * them — mine and theirs, with who set each and when where the audit trail says — and a radio group
 * to pick one. Resolve saves the picks through `store.conflicts.resolve`, so the record's
 * repository writes them (permissions apply, the audit trail records the resolution). Fields the
 * user's role may not see stay masked; fields it may not change can only keep the current value.
 *
 * @event kehu-conflict-resolve - A conflict was resolved and saved. `detail: { id, entity, recordId, choices, record }`.
 *
 * @csspart base - The element's frame.
 * @csspart message - The empty state, or why nothing can be shown.
 * @csspart conflict - One conflict (one record).
 * @csspart heading - The conflict's record title.
 * @csspart meta - What kind of conflict, when it was found, the server's reason.
 * @csspart field - One conflicting field (a `fieldset`).
 * @csspart choice - One side of a field (mine or theirs), a label around its radio button.
 * @csspart resolve - The Resolve button.
 * @csspart error - Why the last resolve failed.
 *
 * @cssproperty --kehu-conflict-picker-background - Background. Default: the theme surface.
 * @cssproperty --kehu-conflict-picker-color - Text. Default: the theme text.
 * @cssproperty --kehu-conflict-picker-muted-color - Meta text, earlier values, who/when. Default: the theme muted.
 * @cssproperty --kehu-conflict-picker-border-color - Frames. Default: the theme border.
 * @cssproperty --kehu-conflict-picker-accent-color - The picked side and the button. Default: the theme accent.
 * @cssproperty --kehu-conflict-picker-error-color - Errors. Default: the theme danger.
 */
export class KehuConflictPicker extends LitElement {
  static override styles = conflictPickerStyles;
  static override properties = {
    entity: { reflect: true },
    recordId: { attribute: 'record-id', reflect: true },
    store: { attribute: false },
    locale: {},
    conflicts: { state: true },
    histories: { state: true },
    picks: { state: true },
    busy: { state: true },
    failure: { state: true },
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** Only the conflicts of this record (optional). */
  recordId?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Open conflicts of the entity (and record), newest first. */
  private conflicts: Conflict[];
  /** Audit entries per conflict's record, for who/when. */
  private histories: Map<string, ChangeEntry[]>;
  /** Conflict id → field → the side picked (default `server`, the value the record holds). */
  private picks: Map<string, Record<string, 'local' | 'server'>>;
  private busy?: string;
  private failure?: { id: string; text: string };
  private entities = new EntityController(this);
  private subscription?: { unsubscribe(): void };
  private followed?: Store;
  private titles?: ReferenceTitles;
  private warned?: string;

  constructor() {
    super();
    this.conflicts = [];
    this.histories = new Map();
    this.picks = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: follow the store's conflicts again (unfollowed while out of it).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.subscription = this.followed = undefined;
    this.titles?.dispose();
    this.titles = undefined;
  }

  protected override willUpdate(): void {
    const store = this.entities.store;
    if (store !== this.followed || (!this.subscription && store?.conflicts)) this.follow(store);
    const problem = this.entity && store && !store.has(this.entity) ? this.entity : undefined;
    if (problem && problem !== this.warned) {
      console.warn(`<kehu-conflict-picker>: unknown entity "${problem}"; showing no conflicts.`);
    }
    this.warned = problem;
  }

  /** Follows the store's open conflicts (set before or after connection alike). */
  private follow(store: Store | undefined): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.titles?.dispose();
    this.followed = store;
    this.conflicts = [];
    this.titles = store && new ReferenceTitles(store, () => this.requestUpdate());
    if (!store?.conflicts || !this.isConnected) return;
    this.subscription = store.conflicts.list$().subscribe((all) => {
      this.conflicts = all;
      for (const c of all) if (!this.histories.has(c.id)) void this.loadHistory(store, c);
    });
  }

  /** Loads the record's audit trail once per conflict; a trail the user may not read leaves who/when out. */
  private async loadHistory(store: Store, conflict: Conflict): Promise<void> {
    this.histories.set(conflict.id, []);
    try {
      const entries = await store.history(conflict.entity, conflict.recordId);
      this.histories = new Map(this.histories).set(conflict.id, entries);
    } catch {
      // No audit access: the values are shown without who/when.
    }
  }

  /** The conflicts this element shows: of its entity and, when set, its record. */
  get shown(): Conflict[] {
    const id = typeof this.recordId === 'string' && this.recordId.trim() ? this.recordId : undefined;
    return this.conflicts.filter((c) => c.entity === this.entity && (!id || c.recordId === id));
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    const store = this.entities.store;
    if (problem || !entity || !store) return this.message(problem ?? '');
    if (!store.conflicts) return this.message(pickerText(locale, 'noSync'));
    const shown = this.shown;
    if (!shown.length) return this.message(pickerText(locale, 'none'));
    return html`<div part="base" class="base" role="region" aria-label=${pickerText(locale, 'label')}>
      ${shown.map((c) => this.conflict(locale, store, entity, c))}
    </div>`;
  }

  private message(text: string): TemplateResult {
    return html`<div part="base" class="base"><p part="message" class="message" role="status">${text}</p></div>`;
  }

  private time(iso: string | undefined, locale: Locale): string {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  private conflict(locale: Locale, store: Store, entity: Entity, conflict: Conflict): TemplateResult {
    const title = this.titles?.title(entity.name, conflict.recordId) ?? conflict.recordId;
    const fields = pickerFields(store, entity, conflict.fields, this.histories.get(conflict.id) ?? []);
    const picks = this.picks.get(conflict.id) ?? {};
    const heading = `conflict-${conflict.id}`;
    // Found by the server between two users (decision 0007): its kind says it all.
    const reason = conflict.reason && !conflict.readers ? localize(reasonText(conflict.reason), locale) : '';
    const busy = this.busy === conflict.id;
    const failure = this.failure?.id === conflict.id ? this.failure.text : '';
    return html`<section part="conflict" class="conflict" aria-labelledby=${heading} data-id=${conflict.id}>
      <h3 part="heading" id=${heading} tabindex="-1">${localize(entity.label, locale)} · ${title}</h3>
      <p part="meta" class="meta">
        ${pickerText(locale, conflict.readers ? 'kind.server' : `kind.${conflict.kind}`)} ·
        ${pickerText(locale, 'detected', { time: this.time(conflict.detectedAt, locale) })}
        ${reason ? html`<br />${pickerText(locale, 'reason', { reason })}` : nothing}
      </p>
      <form @submit=${(e: Event) => this.submit(e, store, conflict)}>
        ${fields.map((f) => this.field(locale, conflict, f, picks[f.key] ?? 'server'))}
        <div class="actions">
          <button part="resolve" type="submit" ?disabled=${busy} aria-describedby=${heading}>
            ${pickerText(locale, busy ? 'resolving' : 'resolve')}
          </button>
          ${failure ? html`<p part="error" class="error" role="alert">${failure}</p>` : nothing}
        </div>
      </form>
    </section>`;
  }

  private field(locale: Locale, conflict: Conflict, field: PickerField, picked: 'local' | 'server'): TemplateResult {
    const label = localize(field.model.label, locale) || field.key;
    if (field.access === 'none') {
      return html`<fieldset part="field" data-field=${field.key} class="masked">
        <legend>${label}</legend>
        <p class="note">${pickerText(locale, 'masked')}</p>
      </fieldset>`;
    }
    const name = `${conflict.id}:${field.key}`;
    const note = `${name}:note`;
    const side = (which: 'local' | 'server', value: SideValue, by?: Provenance) =>
      html`<label part="choice" class="choice" data-side=${which}>
        <input
          type="radio"
          name=${name}
          value=${which}
          .checked=${picked === which}
          ?disabled=${which === 'local' && field.access !== 'write'}
          @change=${() => this.pick(conflict.id, field.key, which)}
        />
        <span class="side"
          >${pickerText(locale, which === 'local' ? (conflict.readers ? 'other' : 'mine') : 'theirs')}</span
        >
        <span class="value">${this.value(locale, field, value)}</span>
        ${by ? html`<span class="who">${pickerText(locale, 'by', { user: by.user, time: this.time(by.at, locale) })}</span>` : nothing}
      </label>`;
    return html`<fieldset
      part="field"
      data-field=${field.key}
      aria-describedby=${field.access === 'write' && !field.base ? nothing : note}
    >
      <legend>${label}</legend>
      <div class="choices">
        ${side('local', field.local, field.localBy)} ${side('server', field.server, field.serverBy)}
      </div>
      ${
        field.base || field.access !== 'write'
          ? html`<p class="note" id=${note}>
              ${field.base ? html`${pickerText(locale, 'base')}${this.value(locale, field, field.base)}` : nothing}
              ${field.access !== 'write' ? html`${field.base ? html`<br />` : nothing}${pickerText(locale, 'readOnly')}` : nothing}
            </p>`
          : nothing
      }
    </fieldset>`;
  }

  /** A value formatted as the detail view formats it (labels of choices, money, dates, references, rows). */
  private value(locale: Locale, field: PickerField, side: SideValue): TemplateResult {
    if (side.unreadable) return html`${pickerText(locale, 'unparsable')}`;
    const context: ValueContext = { locale, referenceTitle: (name, id) => this.titles?.title(name, id) };
    return fieldDisplay({ ...field.model, path: [field.key] }, { [field.key]: side.value }, context);
  }

  private pick(id: string, field: string, side: 'local' | 'server'): void {
    this.picks = new Map(this.picks).set(id, { ...this.picks.get(id), [field]: side });
  }

  private async submit(event: Event, store: Store, conflict: Conflict): Promise<void> {
    event.preventDefault();
    if (this.busy || !store.conflicts) return;
    const locale = uiLocale(this, this.locale);
    // Every field gets an explicit choice, so the resolution records what the user kept.
    const picks = this.picks.get(conflict.id) ?? {};
    const choices = Object.fromEntries(conflict.fields.map((f) => [f.field, picks[f.field] ?? 'server'])) as Record<
      string,
      'local' | 'server'
    >;
    this.busy = conflict.id;
    this.failure = undefined;
    try {
      const record = await store.conflicts.resolve(conflict.id, choices);
      const next = this.shown.find((c) => c.id !== conflict.id);
      this.picks.delete(conflict.id);
      this.dispatchEvent(
        conflictResolveEvent({
          id: conflict.id,
          entity: conflict.entity,
          recordId: conflict.recordId,
          choices,
          record,
        }),
      );
      // Keep keyboard users in place: the next conflict's heading, or the empty state.
      await this.updateComplete;
      const target = next
        ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${next.id}"] h3`)
        : this.renderRoot.querySelector<HTMLElement>('[part="message"]');
      if (target && !next) target.tabIndex = -1;
      target?.focus();
    } catch (error) {
      const reason =
        (error as { messageIn?: (l: Locale) => string }).messageIn?.(locale) ??
        String((error as Error)?.message ?? error);
      this.failure = { id: conflict.id, text: pickerText(locale, 'failed', { reason }) };
    } finally {
      this.busy = undefined;
    }
  }
}

/** `English / 中文` (how the server words refusals) as localised text. */
function reasonText(reason: string): Record<Locale, string> {
  const at = reason.lastIndexOf(' / ');
  return at < 0 ? { en: reason, 'zh-CN': reason } : { en: reason.slice(0, at), 'zh-CN': reason.slice(at + 3) };
}
