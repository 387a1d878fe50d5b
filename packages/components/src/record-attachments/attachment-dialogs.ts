import { html, nothing, type TemplateResult } from 'lit';
import type { AttachmentInfo, Locale } from '@kehu/core';
import { t } from '../i18n/strings.js';
import { attachmentsText as say } from './record-attachments.strings.js';

/** How a file is shown large: images as images, PDFs in the browser's viewer, the rest not at all. */
export function previewKind(file: AttachmentInfo): 'image' | 'pdf' | 'none' {
  if (file.type.startsWith('image/') && file.type !== 'image/heic') return 'image';
  if (file.type === 'application/pdf') return 'pdf';
  return 'none';
}

export interface PreviewView {
  locale: Locale;
  file?: AttachmentInfo;
  /** Blob URL of the file, once loaded. */
  url?: string;
  /** Shows previous/next buttons (more than one file). */
  browse: boolean;
  close(): void;
  step(by: 1 | -1): void;
}

/**
 * The preview `<dialog>` (opened modal by the element, so focus stays inside and Escape closes it).
 * PDFs go to an iframe: the blob carries the stored type, so Chromium renders it with its PDF viewer
 * and never as HTML; SVG and HTML are refused by the store's default types for that reason.
 */
export function previewDialog(view: PreviewView): TemplateResult {
  const { locale, file, url } = view;
  const kind = file ? previewKind(file) : 'none';
  const body = !file
    ? nothing
    : !url
      ? html`<p part="preview-message" role="status">${say(locale, 'loadingPreview')}</p>`
      : kind === 'image'
        ? html`<img part="preview-image" src=${url} alt=${file.name} />`
        : kind === 'pdf'
          ? html`<iframe part="preview-frame" src=${url} title=${file.name}></iframe>`
          : html`<p part="preview-message">${say(locale, 'noPreview')}</p>`;
  return html`<dialog
    part="preview"
    id="preview"
    aria-labelledby="preview-title"
    @close=${view.close}
    @keydown=${(event: KeyboardEvent) => {
      if (!view.browse || (event.target as HTMLElement).localName === 'iframe') return;
      if (event.key === 'ArrowRight') view.step(1);
      else if (event.key === 'ArrowLeft') view.step(-1);
    }}
  >
    <div part="preview-header">
      <h2 part="preview-title" id="preview-title">${file?.name ?? ''}</h2>
      <button type="button" part="close-button" @click=${view.close}>${say(locale, 'close')}</button>
    </div>
    <div part="preview-body">${body}</div>
    <div part="preview-footer">
      ${
        view.browse
          ? html`<button type="button" part="previous-button" @click=${() => view.step(-1)}>
                ${say(locale, 'previous')}
              </button>
              <button type="button" part="next-button" @click=${() => view.step(1)}>${say(locale, 'next')}</button>`
          : nothing
      }
      ${
        file && url
          ? html`<a part="download-link" href=${url} download=${file.name}>${say(locale, 'download')}</a>`
          : nothing
      }
    </div>
  </dialog>`;
}

export interface ConfirmView {
  locale: Locale;
  file?: AttachmentInfo;
  confirm(): void;
  cancel(): void;
}

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function confirmDialog(view: ConfirmView): TemplateResult {
  const { locale, file } = view;
  return html`<dialog
    part="confirm"
    id="confirm"
    role="alertdialog"
    aria-labelledby="confirm-text"
    @close=${view.cancel}
  >
    <p id="confirm-text">${file ? say(locale, 'confirmDelete', { name: file.name }) : ''}</p>
    <div part="confirm-actions">
      <button type="button" part="confirm-button" @click=${view.confirm}>${say(locale, 'delete')}</button>
      <button type="button" part="cancel-button" autofocus @click=${view.cancel}>${t(locale, 'cancel')}</button>
    </div>
  </dialog>`;
}
