import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localize, type Entity, type KehuRecord, type Locale, type Store } from '@kehu/core';
import type { RecordSaveDetail } from '../record-form/record-save.js';
import { pickerText } from './reference-picker.strings.js';

interface CreateHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * "New customer '阿克米'" from a picker: a modal `<dialog>` with a `<kehu-record-form>` for the
 * referenced entity, its title field filled with what the user typed. Saving hands the new record
 * back; Cancel, Escape or closing hands nothing back. Either way the picker gets focus again.
 */
export class InlineCreateController implements ReactiveController {
  /** The entity being created, while the dialog is open. */
  entity?: Entity;
  private initial?: Record<string, unknown>;

  constructor(
    private host: CreateHost,
    private done: (created: { entity: Entity; record: KehuRecord } | undefined) => void,
  ) {
    host.addController(this);
  }

  /** Whether inline creation can work here: the form element must be defined. */
  get available(): boolean {
    return !!customElements.get('kehu-record-form');
  }

  /** Opens the dialog for a new `entity` record named `text`. */
  async open(entity: Entity, text: string): Promise<void> {
    this.entity = entity;
    this.initial = prefill(entity, text.trim());
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog();
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const form = dialog.querySelector('kehu-record-form');
    await form?.updateComplete;
    // The form has no focus delegation; its first field is the natural place to start typing.
    const first = form?.shadowRoot?.querySelector<HTMLElement>('input, select, textarea, kehu-reference-picker');
    (first ?? dialog).focus();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part~="dialog"]');
  }

  private finish(created: { entity: Entity; record: KehuRecord } | undefined): void {
    if (!this.entity) return;
    this.entity = undefined;
    this.initial = undefined;
    const dialog = this.dialog();
    if (dialog?.open) dialog.close();
    this.host.requestUpdate();
    this.done(created);
  }

  private onSave = (event: CustomEvent<RecordSaveDetail>) => {
    // The host page's own form listeners must not take this save for theirs.
    event.stopPropagation();
    const entity = this.entity;
    if (entity) this.finish({ entity, record: event.detail.record });
  };

  private onCancel = (event: Event) => {
    event.stopPropagation();
    this.finish(undefined);
  };

  /** The dialog; empty until `open`. */
  render(store: Store | undefined, locale: Locale) {
    const entity = this.entity;
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      @close=${() => this.finish(undefined)}
      @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
    >
      ${
        entity
          ? html`<h2 part="dialog-title" id="dialog-title">
                ${pickerText(locale, 'createTitle', { entity: localize(entity.label, locale) })}
              </h2>
              <kehu-record-form
                part="dialog-form"
                entity=${entity.name}
                .store=${store}
                .locale=${locale}
                .record=${this.initial}
                @kehu-record-save=${this.onSave}
                @kehu-record-cancel=${this.onCancel}
              ></kehu-record-form>`
          : nothing
      }
    </dialog>`;
  }

  hostDisconnected(): void {
    this.entity = undefined;
  }
}

/** The typed text as the new record's title, when the title is a plain text field the user fills in. */
function prefill(entity: Entity, text: string): Record<string, unknown> {
  const field = entity.fields.find((f) => f.key === entity.titleField);
  const plain = field && field.type === 'string' && !field.options && !field.readOnly;
  if (!text || !plain || entity.namingSeries?.field === field.key) return {};
  return { [field.key]: text };
}
