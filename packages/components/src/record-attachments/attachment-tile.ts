import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, type AttachmentInfo, type Locale } from '@kehu/core';
import { attachmentsText as say } from './record-attachments.strings.js';

/** A file being uploaded, for its progress bar. */
export interface Upload {
  key: number;
  name: string;
  written: number;
  total: number;
}

/** Progress bars of the files being written, each labelled with the file's name. */
export function uploadList(uploads: Upload[], locale: Locale): TemplateResult {
  return html`<ul part="uploads">
    ${uploads.map(
      (u) =>
        html`<li>
          <span id="upload-${u.key}">${say(locale, 'uploading', { name: u.name })}</span>
          <progress
            part="progress"
            aria-labelledby="upload-${u.key}"
            max=${Math.max(u.total, 1)}
            value=${u.written}
          ></progress>
        </li>`,
    )}
  </ul>`;
}

/** A short badge for a file without a picture: its extension, else its subtype. */
const badge = (file: AttachmentInfo) =>
  (/\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1] ?? file.type.split('/')[1] ?? '?').slice(0, 5).toUpperCase();

export interface TileView {
  file: AttachmentInfo;
  locale: Locale;
  date: Intl.DateTimeFormat;
  /** Blob URL of the picture to show, once loaded. */
  thumbnailUrl?: string;
  readonly: boolean;
  open(): void;
  download(): void;
  remove(): void;
}

/** One file in the gallery: a tile that opens the preview, name, size and date, download and delete. */
export function attachmentTile(view: TileView): TemplateResult {
  const { file, locale } = view;
  return html`<li part="item" data-id=${file.id}>
    <button type="button" part="open-button" aria-label=${say(locale, 'open', { name: file.name })} @click=${view.open}>
      ${
        view.thumbnailUrl
          ? html`<img part="thumbnail" src=${view.thumbnailUrl} alt="" />`
          : html`<span part="icon" aria-hidden="true">${badge(file)}</span>`
      }
    </button>
    <span part="name" title=${file.name}>${file.name}</span>
    <span part="meta"
      >${say(locale, 'meta', {
        size: formatBytes(file.size, locale),
        date: view.date.format(new Date(file.createdAt)),
      })}</span
    >
    <span part="actions">
      <button
        type="button"
        part="download-button"
        aria-label=${say(locale, 'downloadName', { name: file.name })}
        @click=${view.download}
      >
        ${say(locale, 'download')}
      </button>
      ${
        view.readonly
          ? nothing
          : html`<button
              type="button"
              part="delete-button"
              aria-label=${say(locale, 'deleteName', { name: file.name })}
              @click=${view.remove}
            >
              ${say(locale, 'delete')}
            </button>`
      }
    </span>
  </li>`;
}
