import { html, nothing } from 'lit';
import type { Locale } from '@kehu/core';
import { formText } from './record-form.strings.js';

/** Detail of `kehu-dirty-change`. */
export interface DirtyChangeDetail {
  /** True when the values differ from the record as loaded or last saved. */
  dirty: boolean;
}

/**
 * Asks whether to leave a form with unsaved changes: the browser's own prompt on unload
 * (`beforeunload`), and a dialog in the form for navigation inside the host app.
 */
export class LeaveGuard {
  private pending?: (leave: boolean) => void;

  constructor(
    private readonly isDirty: () => boolean,
    private readonly rerender: () => void,
    private readonly dialog: () => HTMLDialogElement | null | undefined,
  ) {}

  /** `beforeunload`: only while dirty, so a clean form never triggers the browser's prompt. */
  readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.isDirty()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set to show the prompt
  };

  get asking(): boolean {
    return this.pending !== undefined;
  }

  /** Resolves true at once when clean; otherwise opens the dialog and resolves with the answer. */
  ask(): Promise<boolean> {
    if (!this.isDirty()) return Promise.resolve(true);
    this.pending?.(false);
    return new Promise<boolean>((resolve) => {
      this.pending = resolve;
      this.rerender();
    });
  }

  /** Opens the dialog once it is drawn. */
  show(): void {
    const dialog = this.dialog();
    if (this.pending && dialog && !dialog.open) dialog.showModal();
  }

  private answer(leave: boolean): void {
    const resolve = this.pending;
    this.pending = undefined;
    this.dialog()?.close();
    this.rerender();
    resolve?.(leave);
  }

  render(locale: Locale): unknown {
    if (!this.pending) return nothing;
    return html`<dialog part="leave-dialog" aria-labelledby="leave-title" @cancel=${() => this.answer(false)}>
      <p id="leave-title">${formText(locale, 'leaveQuestion')}</p>
      <div part="leave-actions">
        <button type="button" part="stay-button" autofocus @click=${() => this.answer(false)}>
          ${formText(locale, 'stay')}
        </button>
        <button type="button" part="leave-button" @click=${() => this.answer(true)}>
          ${formText(locale, 'leave')}
        </button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'kehu-dirty-change': CustomEvent<DirtyChangeDetail>;
  }
}
