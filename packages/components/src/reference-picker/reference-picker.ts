import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type KehuRecord, type Locale, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { RecordSearchController } from './record-search.js';
import { recordSubtitle, recordTitle } from './record-title.js';
import { referencePickerStyles } from './reference-picker.styles.js';
import { pickerText } from './reference-picker.strings.js';

/** How long typing pauses before the picker searches, and how many matches it lists. */
const SEARCH = { delay: 150, limit: 20 };

/**
 * @summary Chooses a record of an entity by typing part of its name: a form-associated combobox
 * whose value is the chosen record's id.
 *
 * @event input - The value changed (chosen or cleared).
 * @event change - The value changed (chosen or cleared); read `value`.
 *
 * @csspart base - Wrapper of everything.
 * @csspart control - The box around the text input and the clear button.
 * @csspart input - The text input (`role="combobox"`).
 * @csspart clear-button - Clears the value.
 * @csspart listbox - The list of matches.
 * @csspart option - One match; `option-title` and `option-subtitle` inside it.
 * @csspart status - "No matches" and other announcements.
 * @csspart message - Why the picker cannot work (no store, unknown entity).
 *
 * @cssproperty --kehu-reference-picker-text-color - Text colour.
 * @cssproperty --kehu-reference-picker-muted-color - Subtitles and the clear button.
 * @cssproperty --kehu-reference-picker-border-color - Borders of the input and the list.
 * @cssproperty --kehu-reference-picker-border-radius - Corner radius.
 * @cssproperty --kehu-reference-picker-background - Background of the input and the list.
 * @cssproperty --kehu-reference-picker-accent-color - Focus ring.
 * @cssproperty --kehu-reference-picker-active-background - The highlighted match.
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
    value: { type: String },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    invalid: { type: Boolean },
    label: { type: String },
    placeholder: { type: String },
    locale: { type: String },
    store: { attribute: false },
    text: { state: true },
    open: { state: true },
    active: { state: true },
  };

  /** Entity whose records are offered. */
  entity?: string;
  /** Id of the chosen record; `''` when none. */
  value: string;
  /** Name under which the value is submitted with a `<form>`. */
  name?: string;
  required: boolean;
  disabled: boolean;
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
  /** The record `value` points at, once loaded. */
  private chosen?: KehuRecord;
  private formDisabled = false;
  private finder = new RecordSearchController(this, () => this.entities.repository, SEARCH);
  private titleFor: unknown[] = [];

  constructor() {
    super();
    this.value = '';
    this.required = false;
    this.disabled = false;
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

  protected override willUpdate(): void {
    // Shows the title of a value set from outside (or once the store arrives).
    const inputs = [this.entities.store, this.entities.entity, this.value];
    if (inputs.every((input, i) => input === this.titleFor[i])) return;
    this.titleFor = inputs;
    if (!this.value) {
      this.chosen = undefined;
      if (!this.open) this.text = '';
      return;
    }
    const entity = this.entities.entity;
    if (this.chosen?.id === this.value && entity) {
      this.text = recordTitle(entity, this.chosen, this.uiLocale);
      return;
    }
    this.chosen = undefined;
    this.text = this.value;
    const repository = this.entities.repository;
    const id = this.value;
    repository?.get(id).then(
      (record) => {
        if (this.value !== id) return;
        this.chosen = record ?? undefined;
        this.text =
          record && entity ? recordTitle(entity, record, this.uiLocale) : pickerText(this.uiLocale, 'missing', { id });
      },
      (error: unknown) => console.warn(`kehu-reference-picker: could not load ${this.entity} "${id}"`, error),
    );
  }

  protected override updated(): void {
    this.internals.setFormValue(this.value || null);
    const input = this.renderRoot.querySelector('input');
    if (this.required && !this.value && !this.locked) {
      const label = this.label ?? localize(this.entities.entity?.label, this.uiLocale);
      this.internals.setValidity(
        { valueMissing: true },
        pickerText(this.uiLocale, 'required', { label }),
        input ?? undefined,
      );
    } else this.internals.setValidity({});
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

  private openList(): void {
    if (this.locked) return;
    this.open = true;
    this.active = -1;
    // When the text is the chosen record's title, list everything rather than just that one.
    this.finder.search(this.chosen && this.text === this.currentTitle() ? '' : this.text, true);
  }

  private currentTitle(): string {
    const entity = this.entities.entity;
    return this.chosen && entity ? recordTitle(entity, this.chosen, this.uiLocale) : '';
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.finder.cancel();
  }

  private choose(record: KehuRecord | undefined): void {
    this.chosen = record;
    this.text = record ? this.currentTitle() : '';
    this.close();
    const next = record?.id ?? '';
    if (next === this.value) return;
    this.value = next;
    // Native controls' `input` and `change` are what form libraries listen to; keep those names.
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onInput = (event: Event) => {
    // The inner input's own `input` event is composed; the picker reports value changes itself.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    // Earlier matches go away as the text changes; the highlight must not point into them.
    this.active = -1;
    this.finder.search(this.text);
  };

  private onKeydown = (event: KeyboardEvent) => {
    const last = this.finder.results.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) this.openList();
        else this.active = Math.min(this.active + 1, last);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open) this.openList();
        else this.active = Math.max(this.active - 1, 0);
        break;
      case 'Enter':
        if (this.open) {
          // Enter picks; it must not also submit the surrounding form.
          event.preventDefault();
          if (this.active >= 0) this.choose(this.finder.results[this.active]);
          else this.close();
        }
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
          this.text = this.currentTitle();
        }
        break;
    }
  };

  private onBlur = () => {
    if (!this.text && this.value) this.choose(undefined);
    else this.text = this.currentTitle() || (this.value ? this.text : '');
    this.close();
  };

  private onClear = () => {
    this.choose(undefined);
    this.renderRoot.querySelector('input')?.focus();
  };

  override render() {
    const locale = this.uiLocale;
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity) return html`<div part="base"><div part="message" role="alert">${problem}</div></div>`;
    const label = this.label || this.getAttribute('aria-label') || localize(entity.label, locale);
    const expanded = this.open && this.finder.results.length > 0;
    const noMatches = this.open && !this.finder.searching && this.finder.results.length === 0;
    // Only "no matches" is worth showing; the counts are for screen readers.
    const status = !this.open
      ? ''
      : this.finder.searching
        ? pickerText(locale, 'searching')
        : noMatches
          ? pickerText(locale, 'noMatches')
          : pickerText(locale, 'results', { count: this.finder.results.length });
    return html`<div part="base">
      <div part="control">
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
      <ul
        part="listbox"
        id="listbox"
        role="listbox"
        aria-label=${label}
        ?hidden=${!expanded}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${this.finder.results.map((record, i) => {
          const subtitle = recordSubtitle(entity, record, locale);
          return html`<li
            part="option"
            id="option-${i}"
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @click=${() => this.choose(record)}
          >
            <span part="option-title">${recordTitle(entity, record, locale)}</span>
            ${subtitle ? html`<span part="option-subtitle">${subtitle}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div part="status" role="status" class=${noMatches ? '' : 'visually-hidden'}>${status}</div>
    </div>`;
  }
}
