import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatReference, localize, type Entity, type KehuRecord, type Locale, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { InlineCreateController } from './inline-create.js';
import { keyAction } from './picker-keys.js';
import { renderOptions, renderScope, type PickerItem } from './picker-options.js';
import { pointerOf, resolveTargets, targetsProblem } from './picker-targets.js';
import { RecentRecords } from './recent-records.js';
import { RecordSearchController, type SearchTarget } from './record-search.js';
import { recordTitle } from './record-title.js';
import { referencePickerStyles } from './reference-picker.styles.js';
import { pickerText } from './reference-picker.strings.js';

/** How long typing pauses before the picker searches, and how many matches it lists. */
const SEARCH = { delay: 150, limit: 20 };

/** `targets="customer vehicle"` or `"customer, vehicle"`. */
const targetsConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
};

/**
 * @summary Chooses a record by typing part of its name: a form-associated combobox with debounced
 * search, recent picks, inline creation and polymorphic references. The value is the chosen
 * record's id, or `entity:id` when `targets` names several entities.
 *
 * @event input - The value changed (chosen or cleared).
 * @event change - The value changed (chosen or cleared); read `value`.
 *
 * @csspart base - Wrapper of everything.
 * @csspart control - The box around the type chooser, the text input and the clear button.
 * @csspart scope - The type chooser (`<select>`) of a polymorphic picker.
 * @csspart input - The text input (`role="combobox"`).
 * @csspart clear-button - Clears the value.
 * @csspart listbox - The list of matches.
 * @csspart group - A group of matches (recent picks, one entity); `group-label` is its heading.
 * @csspart option - One match; `option-title`, `option-subtitle` and `match` (the typed text) inside it.
 * @csspart create-option - The "New customer '…'" option.
 * @csspart status - Searching, "no matches" and "type more" notes.
 * @csspart message - Why the picker cannot work (no store, unknown entity).
 * @csspart dialog - The dialog for a new record; `dialog-title` and `dialog-form` inside it.
 *
 * @cssproperty --kehu-reference-picker-text-color - Text colour.
 * @cssproperty --kehu-reference-picker-muted-color - Subtitles, group labels, notes and the clear button.
 * @cssproperty --kehu-reference-picker-border-color - Borders of the input and the list.
 * @cssproperty --kehu-reference-picker-border-radius - Corner radius.
 * @cssproperty --kehu-reference-picker-background - Background of the input, the list and the dialog.
 * @cssproperty --kehu-reference-picker-accent-color - Focus ring and the create option.
 * @cssproperty --kehu-reference-picker-active-background - The highlighted match.
 * @cssproperty --kehu-reference-picker-match-background - Background of the typed text inside matches.
 * @cssproperty --kehu-reference-picker-error-color - Invalid state and problems.
 * @cssproperty --kehu-reference-picker-listbox-max-height - Height of the list before it scrolls.
 * @cssproperty --kehu-reference-picker-z-index - Stacking of the list.
 */
export class KehuReferencePicker extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = referencePickerStyles;
  static override properties = {
    entity: { type: String, reflect: true },
    targets: { converter: targetsConverter },
    value: { type: String },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    noCreate: { type: Boolean, attribute: 'no-create' },
    invalid: { type: Boolean },
    label: { type: String },
    placeholder: { type: String },
    locale: { type: String },
    store: { attribute: false },
    text: { state: true },
    open: { state: true },
    active: { state: true },
    scope: { state: true },
  };

  /** Entity whose records are offered (ignored when `targets` is set). */
  entity?: string;
  /**
   * Entities of a polymorphic reference; the value is then `entity:id` and a type chooser sits
   * before the input. Attribute: names separated by spaces or commas.
   */
  targets?: string[];
  /** The chosen record's id (`entity:id` with `targets`); `''` when none. */
  value: string;
  /** Name under which the value is submitted with a `<form>`. */
  name?: string;
  required: boolean;
  disabled: boolean;
  /** Hides "New customer '…'" when nothing matches. */
  noCreate: boolean;
  /** Shows the invalid state (set by `<kehu-record-form>` when the field has an issue). */
  invalid: boolean;
  /** Accessible name of the input; default the `aria-label` attribute, else the entity's label. */
  label?: string;
  placeholder?: string;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Store to use; default: the nearest `<kehu-store-provider>`. */
  store?: Store;

  private entities = new EntityController(this);
  private internals: ElementInternals;
  private text = '';
  private open = false;
  private active = -1;
  /** Entity a polymorphic picker searches; `''` for all of them. */
  private scope = '';
  /** The record `value` points at, once loaded. */
  private chosen?: { entity: Entity; record: KehuRecord };
  private formDisabled = false;
  private finder = new RecordSearchController(this, SEARCH);
  private creator = new InlineCreateController(this, (created) => this.onCreated(created));
  private titleFor: unknown[] = [];
  private warned = '';

  constructor() {
    super();
    this.value = '';
    this.required = false;
    this.disabled = false;
    this.noCreate = false;
    this.invalid = false;
    this.internals = this.attachInternals();
  }

  /** The form the picker belongs to, like a native input's `form`. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  private get locked(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get uiLocale(): Locale {
    return uiLocale(this, this.locale);
  }

  private get polymorphic(): boolean {
    return Array.isArray(this.targets) && this.targets.length > 0;
  }

  /** The entities offered, resolved in the store; unknown names are left out (and reported). */
  private resolved(): SearchTarget[] {
    return resolveTargets(this.entities.store, this.polymorphic ? this.targets! : this.entity ? [this.entity] : []);
  }

  /** What the list searches now: every target, or the one the type chooser names. */
  private searched(): SearchTarget[] {
    const all = this.resolved();
    return this.scope ? all.filter((target) => target.entity.name === this.scope) : all;
  }

  private problem(locale: Locale): string | undefined {
    return this.polymorphic
      ? targetsProblem(this.entities.store, this.targets!, locale)
      : this.entities.problem(locale);
  }

  private recent(): RecentRecords | undefined {
    const store = this.entities.store;
    return store ? new RecentRecords(store.name) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('targets') && this.scope && !this.targets?.includes(this.scope)) this.scope = '';
    // Shows the title of a value set from outside (or once the store arrives).
    const inputs = [this.entities.store, this.entity, this.targets, this.value];
    if (inputs.every((input, i) => input === this.titleFor[i])) return;
    this.titleFor = inputs;
    if (!this.value) {
      this.chosen = undefined;
      if (!this.open) this.text = '';
      return;
    }
    const pointer = pointerOf(this.value, this.resolved(), this.polymorphic);
    if (!pointer && !this.resolved().length) {
      // No store yet, or a problem the picker shows instead: keep the value as it is until then.
      this.chosen = undefined;
      this.text = this.value;
      return;
    }
    if (!pointer) {
      this.chosen = undefined;
      this.text = pickerText(this.uiLocale, 'badValue', { value: this.value, targets: this.targets!.join(', ') });
      if (this.warned !== this.value) console.warn(`kehu-reference-picker: ${this.text}`);
      this.warned = this.value;
      return;
    }
    if (this.chosen?.entity === pointer.target.entity && this.chosen.record.id === pointer.id) {
      this.text = recordTitle(this.chosen.entity, this.chosen.record, this.uiLocale);
      return;
    }
    this.chosen = undefined;
    this.text = pointer.id;
    const value = this.value;
    pointer.target.repository.get(pointer.id).then(
      (record) => {
        if (this.value !== value) return;
        this.chosen = record ? { entity: pointer.target.entity, record } : undefined;
        this.text = record
          ? recordTitle(pointer.target.entity, record, this.uiLocale)
          : pickerText(this.uiLocale, 'missing', { id: pointer.id });
      },
      (error: unknown) => console.warn(`kehu-reference-picker: could not load "${value}"`, error),
    );
  }

  protected override updated(): void {
    this.internals.setFormValue(this.value || null);
    const input = this.renderRoot.querySelector('input');
    if (this.required && !this.value && !this.locked) {
      const entity = this.resolved()[0]?.entity;
      const label = this.label ?? (this.polymorphic ? '' : localize(entity?.label, this.uiLocale));
      this.internals.setValidity(
        { valueMissing: true },
        pickerText(this.uiLocale, 'required', { label }),
        input ?? undefined,
      );
    } else this.internals.setValidity({});
    if (this.open && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  /** Like a native control: true when the picker satisfies its constraints. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = '';
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }
  formStateRestoreCallback(state: string | null): void {
    this.value = state ?? '';
  }

  private currentTitle(): string {
    return this.chosen ? recordTitle(this.chosen.entity, this.chosen.record, this.uiLocale) : '';
  }

  /** The options shown: matches, then "New …" when nothing matched the typed text. */
  private items(): PickerItem[] {
    const items: PickerItem[] = this.finder.matches.map((match) => ({ kind: 'record', ...match }));
    const text = this.text.trim();
    if (!items.length && text && !this.finder.searching && !this.noCreate && this.creator.available) {
      for (const { entity } of this.searched()) items.push({ kind: 'create', entity, text });
    }
    return items;
  }

  private openList(): void {
    if (this.locked) return;
    this.open = true;
    this.active = -1;
    // When the text is the chosen record's title, list everything rather than just that one.
    const text = this.chosen && this.text === this.currentTitle() ? '' : this.text;
    this.finder.search(text, this.searched(), this.recent(), true);
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.finder.cancel();
  }

  private choose(item: PickerItem | undefined): void {
    if (item?.kind === 'create') {
      this.close();
      void this.creator.open(item.entity, item.text);
      return;
    }
    this.chosen = item ? { entity: item.entity, record: item.record } : undefined;
    this.text = this.currentTitle();
    this.close();
    if (item) this.recent()?.remember(item.entity.name, item.record.id);
    const next = item ? (this.polymorphic ? formatReference(item.entity.name, item.record.id) : item.record.id) : '';
    if (next === this.value) return;
    this.value = next;
    // Native controls' `input` and `change` are what form libraries listen to; keep those names.
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onCreated(created: { entity: Entity; record: KehuRecord } | undefined): void {
    if (created) this.choose({ kind: 'record', ...created, recent: false });
    else this.text = this.currentTitle();
    this.renderRoot.querySelector('input')?.focus();
  }

  private onInput = (event: Event) => {
    // The inner input's own `input` event is composed; the picker reports value changes itself.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    // Earlier matches go away as the text changes; the highlight must not point into them.
    this.active = -1;
    this.finder.search(this.text, this.searched(), this.recent());
  };

  private onFocus = () => {
    // Recent picks come first when the input is empty; only worth a popup when there are some.
    if (this.open || this.text || this.locked) return;
    const names = this.searched().map((target) => target.entity.name);
    if (this.recent()?.list(names).length) this.openList();
  };

  private onKeydown = (event: KeyboardEvent) => {
    const items = this.items();
    const action = keyAction(event.key, this.open, this.active, items.length);
    if (!action) return;
    // Enter must not also submit the surrounding form; arrows must not move the caret.
    event.preventDefault();
    if (action.type === 'open') this.openList();
    else if (action.type === 'move') this.active = action.to;
    else if (action.type === 'choose') this.choose(items[action.index]);
    else {
      this.close();
      if (action.type === 'cancel') this.text = this.currentTitle();
    }
  };

  private onBlur = () => {
    if (this.creator.entity) return;
    if (!this.text && this.value) this.choose(undefined);
    else this.text = this.currentTitle() || (this.value ? this.text : '');
    this.close();
  };

  private onClear = () => {
    this.choose(undefined);
    this.renderRoot.querySelector('input')?.focus();
  };

  private onScope = (event: Event) => {
    this.scope = (event.target as HTMLSelectElement).value;
    if (this.open) this.finder.search(this.text, this.searched(), this.recent(), true);
  };

  override render() {
    const locale = this.uiLocale;
    const problem = this.problem(locale);
    const targets = this.resolved();
    if (problem || !targets.length) {
      return html`<div part="base"><div part="message" role="alert">${problem}</div></div>`;
    }
    const label =
      this.label ||
      this.getAttribute('aria-label') ||
      targets.map((target) => localize(target.entity.label, locale)).join(' / ');
    const items = this.items();
    const expanded = this.open && items.length > 0;
    const searching = this.open && this.finder.searching;
    const noMatches = this.open && !searching && this.finder.matches.length === 0;
    const status = !this.open
      ? ''
      : searching
        ? pickerText(locale, 'searching')
        : noMatches
          ? pickerText(locale, 'noMatches')
          : this.finder.more
            ? pickerText(locale, 'more', { count: this.finder.matches.length })
            : pickerText(locale, 'results', { count: this.finder.matches.length });
    // The count alone is for screen readers; loading, no matches and "type more" are for everyone.
    const statusVisible = searching || noMatches || (this.open && this.finder.more);
    return html`<div part="base">
      <div part="control">
        ${this.polymorphic ? renderScope(targets, this.scope, locale, this.locked, this.onScope) : nothing}
        <input
          part="input"
          id="input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${expanded && this.active >= 0 ? `option-${this.active}` : nothing}
          aria-label=${label}
          aria-required=${this.required ? 'true' : nothing}
          aria-invalid=${this.invalid ? 'true' : nothing}
          placeholder=${this.placeholder || nothing}
          ?disabled=${this.locked}
          .value=${live(this.text)}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
        />
        ${
          this.value && !this.locked
            ? html`<button
                type="button"
                part="clear-button"
                aria-label=${pickerText(locale, 'clear')}
                @click=${this.onClear}
              >
                ×
              </button>`
            : nothing
        }
      </div>
      ${renderOptions({
        items,
        hidden: !expanded,
        label,
        active: this.active,
        query: this.finder.query,
        locale,
        grouped: this.polymorphic && !this.scope,
        busy: searching,
        choose: (item) => this.choose(item),
      })}
      <div part="status" role="status" class=${statusVisible ? '' : 'visually-hidden'}>${status}</div>
      ${this.creator.render(this.entities.store, locale)}
    </div>`;
  }
}
