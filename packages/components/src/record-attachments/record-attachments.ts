import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { acceptsFile, fileType, KehuError, type AttachmentInfo, type Locale, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { confirmDialog, previewDialog, previewKind } from './attachment-dialogs.js';
import { attachmentEvent } from './attachment-events.js';
import { AttachmentList } from './attachment-list.js';
import { DropZone } from './drop-zone.js';
import { attachmentTile, uploadList, type Upload } from './attachment-tile.js';
import { BlobUrls } from './blob-urls.js';
import { recordAttachmentsStyles } from './record-attachments.styles.js';
import { attachmentsText as say } from './record-attachments.strings.js';
import { createThumbnail } from './thumbnail.js';

/** Images up to this size are shown as their own thumbnail when none is stored (added from Node, say). */
const ORIGINAL_AS_THUMBNAIL_MAX = 1024 * 1024;
const ACCEPT_ENTRY = /^(\*|\*\/\*|\.[^\s./]+|[\w.+-]+\/(\*|[\w.+-]+))$/;

type Problem = (locale: Locale) => string;

/**
 * @summary The files attached to one record: upload by button or drag and drop with progress, a
 * thumbnail gallery, preview, download and delete. Works for any entity.
 *
 * @event kehu-attachment-add - A file was stored. `detail: { entity, recordId, attachment }`.
 * @event kehu-attachment-remove - A file was deleted after the user confirmed. Same detail.
 *
 * @csspart base - The frame; it is also the drop zone (`dragging` is added while files are over it).
 * @csspart toolbar - Upload button, drop hint and count.
 * @csspart upload-button - Opens the file picker.
 * @csspart drop-hint - "or drop files here".
 * @csspart count - Number of files.
 * @csspart uploads - Files being uploaded; `progress` is each one's bar.
 * @csspart error - Refused or failed files (`role="alert"`), with `dismiss-button`.
 * @csspart gallery - The list of files; `item` is one file.
 * @csspart open-button - The tile that opens the preview; holds `thumbnail` (an image) or `icon`.
 * @csspart name - File name.
 * @csspart meta - Size and date.
 * @csspart download-button - Downloads the file.
 * @csspart delete-button - Deletes it (asks first).
 * @csspart empty - "No attachments yet".
 * @csspart message - Why nothing can be shown.
 * @csspart preview - The preview dialog, with `preview-title`, `preview-image`, `preview-frame`,
 *   `preview-message`, `close-button`, `previous-button`, `next-button`, `download-link`.
 * @csspart confirm - The delete confirmation dialog, with `confirm-button` and `cancel-button`.
 * @csspart actions - A file's download and delete buttons.
 * @csspart confirm-actions - The buttons of the delete confirmation.
 * @csspart preview-header - The preview's title bar.
 * @csspart preview-body - The preview's content.
 * @csspart preview-footer - The preview's buttons.
 *
 * @cssproperty --kehu-record-attachments-tile-size - Width of a gallery tile. Default 8rem.
 * @cssproperty --kehu-record-attachments-background - Background. Default the theme surface.
 * @cssproperty --kehu-record-attachments-border-color - Frame, tiles and dialogs. Default the theme border.
 * @cssproperty --kehu-record-attachments-accent-color - Buttons, focus ring, drop highlight. Default the theme accent.
 * @cssproperty --kehu-record-attachments-muted-color - Hints, sizes and dates. Default the theme muted colour.
 * @cssproperty --kehu-record-attachments-error-color - Refused files and delete. Default the theme danger colour.
 * @cssproperty --kehu-record-attachments-border-radius - Corners. Default the theme radius.
 */
export class KehuRecordAttachments extends LitElement {
  static override styles = recordAttachmentsStyles;
  static override properties = {
    entity: { reflect: true },
    recordId: { attribute: 'record-id', reflect: true },
    field: {},
    store: { attribute: false },
    locale: {},
    accept: {},
    readonly: { type: Boolean, reflect: true },
    uploads: { state: true },
    problems: { state: true },
    previewing: { state: true },
    confirming: { state: true },
    announcement: { state: true },
  };

  /** Entity of the record, e.g. `product`. */
  entity?: string;
  /** Id of the record whose files are shown; unset for a record not saved yet. */
  recordId?: string;
  /** Only files of this field of the record (e.g. `images`); new files are stored under it. */
  field?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Accepted types in `<input accept>` syntax (`image/*,.pdf`); narrows the store's own limits. */
  accept?: string;
  /** Shows and downloads files but offers no upload or delete. */
  readonly: boolean;

  private entities = new EntityController(this);
  private list = new AttachmentList(this);
  private thumbnails = new BlobUrls(() => this.requestUpdate());
  private previews = new BlobUrls(() => this.requestUpdate());
  private uploads: Upload[] = [];
  private problems: Problem[] = [];
  private dropZone = new DropZone(
    this,
    () => !this.readonly && !!this.recordId,
    (files) => void this.upload(files),
  );
  private previewing?: string;
  private confirming?: AttachmentInfo;
  private announcement = '';
  private uploadCount = 0;
  /** Images whose thumbnail is being made here: do not load the full image meanwhile. */
  private thumbnailing = new Set<string>();
  /** After a delete: where focus goes once the file has left the list (the deleted button is gone). */
  private focusAfterRemove?: { index: number; id: string };
  private warnedAccept?: string;

  constructor() {
    super();
    this.readonly = false;
  }

  private get uiLocale(): Locale {
    return uiLocale(this, this.locale);
  }

  private get files(): AttachmentInfo[] {
    return this.list.files ?? [];
  }

  /** The element's accept list, without entries that are not valid `accept` syntax (warned once). */
  private get acceptList(): string[] {
    const raw = (this.accept ?? '').trim();
    if (!raw) return [];
    const entries = raw
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !ACCEPT_ENTRY.test(e));
    if (bad.length && this.warnedAccept !== raw) {
      this.warnedAccept = raw;
      console.warn(`kehu-record-attachments: ignoring accept entries ${bad.map((b) => `"${b}"`).join(', ')}`);
    }
    return entries.filter((e) => ACCEPT_ENTRY.test(e));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.thumbnails.clear();
    this.previews.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.entities.store;
    this.list.follow({
      store,
      entity: this.entities.entity?.name,
      recordId: this.recordId || undefined,
      field: this.field,
    });
    if (changed.has('recordId') || changed.has('entity') || changed.has('store')) {
      this.previewing = undefined;
      this.confirming = undefined;
      this.problems = [];
    }
    const wanted: string[] = [];
    for (const file of this.files) {
      const source = this.thumbnailSource(file);
      if (!source || !store) continue;
      wanted.push(source);
      void this.thumbnails.load(source, () => store.attachments.blob(source));
    }
    if (this.list.files) this.thumbnails.keepOnly(wanted);
    const preview = this.previewFile;
    if (!preview) this.previews.clear();
    else if (store) {
      this.previews.keepOnly([preview.id]);
      void this.previews.load(preview.id, () => store.attachments.blob(preview.id));
    }
  }

  /** Id of the stored file to show on a tile: its thumbnail, or a small image itself. */
  private thumbnailSource(file: AttachmentInfo): string | undefined {
    if (file.thumbnail) return file.thumbnail;
    if (previewKind(file) !== 'image' || this.thumbnailing.has(file.id)) return undefined;
    return file.size <= ORIGINAL_AS_THUMBNAIL_MAX ? file.id : undefined;
  }

  private get previewFile(): AttachmentInfo | undefined {
    return this.previewing ? this.files.find((f) => f.id === this.previewing) : undefined;
  }

  protected override updated(): void {
    const preview = this.renderRoot.querySelector<HTMLDialogElement>('#preview');
    if (preview && !!this.previewFile !== preview.open) {
      if (preview.open) preview.close();
      else preview.showModal();
    }
    const confirm = this.renderRoot.querySelector<HTMLDialogElement>('#confirm');
    if (confirm && !!this.confirming !== confirm.open) {
      if (confirm.open) confirm.close();
      else confirm.showModal();
    }
    const after = this.focusAfterRemove;
    if (after && !this.confirming && !this.files.some((f) => f.id === after.id)) {
      const tiles = this.renderRoot.querySelectorAll<HTMLElement>('[part~="open-button"]');
      const target =
        tiles[Math.min(after.index, tiles.length - 1)] ??
        this.renderRoot.querySelector<HTMLElement>('[part~="upload-button"]');
      this.focusAfterRemove = undefined;
      target?.focus();
    }
  }

  /** Opens the file picker (what the upload button does). */
  pickFiles(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  /** Stores files one after the other as if the user had picked them; refused ones are reported in the element. */
  async upload(files: Iterable<File>): Promise<AttachmentInfo[]> {
    const store = this.entities.store;
    const entity = this.entities.entity?.name;
    const recordId = this.recordId;
    if (!store || !entity || !recordId || this.readonly) return [];
    this.problems = [];
    const accept = this.acceptList;
    const stored: AttachmentInfo[] = [];
    for (const file of files) {
      const type = fileType(file.name, file.type);
      if (accept.length && !acceptsFile(accept, file.name, type)) {
        this.problems = [
          ...this.problems,
          (l) => say(l, 'notAccepted', { name: file.name, accept: accept.join(', ') }),
        ];
        continue;
      }
      const refused = store.attachments.check(file);
      if (refused) {
        this.problems = [...this.problems, (l) => refused.messageIn(l)];
        continue;
      }
      const upload: Upload = { key: this.uploadCount++, name: file.name, written: 0, total: file.size };
      this.uploads = [...this.uploads, upload];
      try {
        const onProgress = (written: number) => {
          upload.written = written;
          this.requestUpdate();
        };
        const info = await store.attachments.add(entity, recordId, file, { field: this.field, onProgress });
        stored.push(info);
        this.announcement = say(this.uiLocale, 'uploaded', { name: info.name });
        this.dispatchEvent(attachmentEvent('kehu-attachment-add', { entity, recordId, attachment: info }));
        if (previewKind(info) === 'image') await this.storeThumbnail(store, info, file);
      } catch (error) {
        this.problems = [...this.problems, this.failure(file.name, error)];
      } finally {
        this.uploads = this.uploads.filter((u) => u !== upload);
      }
    }
    return stored;
  }

  /** Makes and stores the tile picture of an image just uploaded; a failure only costs the picture. */
  private async storeThumbnail(store: Store, info: AttachmentInfo, file: Blob): Promise<void> {
    this.thumbnailing.add(info.id);
    try {
      const thumbnail = await createThumbnail(file);
      if (thumbnail && thumbnail.size <= store.attachments.limits.chunkSize) {
        const name = `${info.name}.thumbnail.${thumbnail.type === 'image/webp' ? 'webp' : 'png'}`;
        await store.attachments.add(info.entity, info.recordId, new File([thumbnail], name, { type: thumbnail.type }), {
          thumbnailOf: info.id,
        });
      }
    } catch (error) {
      console.warn(`kehu-record-attachments: no thumbnail for "${info.name}"`, error);
    } finally {
      this.thumbnailing.delete(info.id);
      this.requestUpdate();
    }
  }

  private failure(name: string, error: unknown): Problem {
    if (error instanceof KehuError) return (l) => error.messageIn(l);
    const reason = error instanceof Error ? error.message : String(error);
    return (l) => say(l, 'failed', { name, reason });
  }

  private async download(file: AttachmentInfo): Promise<void> {
    const store = this.entities.store;
    if (!store) return;
    try {
      const url = URL.createObjectURL(await store.attachments.blob(file.id));
      const link = Object.assign(document.createElement('a'), { href: url, download: file.name, hidden: true });
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.problems = [this.failure(file.name, error)];
    }
  }

  private async deleteConfirmed(): Promise<void> {
    const file = this.confirming;
    const store = this.entities.store;
    if (!file || !store) return;
    const index = this.files.findIndex((f) => f.id === file.id);
    this.confirming = undefined;
    try {
      await store.attachments.remove(file.id);
      if (this.previewing === file.id) this.previewing = undefined;
      this.announcement = say(this.uiLocale, 'removed', { name: file.name });
      this.focusAfterRemove = { index: Math.max(0, index), id: file.id };
      this.dispatchEvent(
        attachmentEvent('kehu-attachment-remove', { entity: file.entity, recordId: file.recordId, attachment: file }),
      );
    } catch (error) {
      this.problems = [this.failure(file.name, error)];
    }
  }

  private step(by: 1 | -1): void {
    const files = this.files;
    const at = files.findIndex((f) => f.id === this.previewing);
    if (at < 0 || !files.length) return;
    this.previewing = files[(at + by + files.length) % files.length].id;
  }

  private onPicked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Cleared so picking the same file again fires `change` again.
    input.value = '';
    void this.upload(files);
  };

  override render() {
    const locale = this.uiLocale;
    const problem = this.entities.problem(locale);
    if (problem) return html`<div part="base"><p part="message" role="alert">${problem}</p></div>`;
    if (!this.recordId) return html`<div part="base"><p part="message">${say(locale, 'noRecord')}</p></div>`;
    const files = this.files;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const accept = this.acceptList.join(',');
    return html`<div
      part="base ${this.dropZone.dragging ? 'dragging' : ''}"
      @dragenter=${this.dropZone.onDragEnter}
      @dragover=${this.dropZone.onDragOver}
      @dragleave=${this.dropZone.onDragLeave}
      @drop=${this.dropZone.onDrop}
    >
      <div part="toolbar">
        ${
          this.readonly
            ? nothing
            : html`<button type="button" part="upload-button" @click=${() => this.pickFiles()}>
                  ${say(locale, 'upload')}
                </button>
                <input type="file" multiple hidden accept=${accept || nothing} @change=${this.onPicked} />
                <span part="drop-hint">${say(locale, this.dropZone.dragging ? 'dropNow' : 'drop')}</span>`
        }
        <span part="count">${this.list.files ? say(locale, 'count', { count: files.length }) : ''}</span>
      </div>
      ${this.uploads.length ? uploadList(this.uploads, locale) : nothing}
      <div part="error" role="alert" ?hidden=${!this.problems.length}>
        ${this.problems.map((p) => html`<p>${p(locale)}</p>`)}
        ${
          this.problems.length
            ? html`<button type="button" part="dismiss-button" @click=${() => (this.problems = [])}>
                ${say(locale, 'dismiss')}
              </button>`
            : nothing
        }
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        files.length
          ? html`<ul part="gallery" aria-label=${say(locale, 'label')}>
              ${files.map((file) => {
                const thumbnail = this.thumbnailSource(file);
                return attachmentTile({
                  file,
                  locale,
                  date,
                  thumbnailUrl: thumbnail && this.thumbnails.get(thumbnail),
                  readonly: this.readonly,
                  open: () => (this.previewing = file.id),
                  download: () => void this.download(file),
                  remove: () => (this.confirming = file),
                });
              })}
            </ul>`
          : this.list.files
            ? html`<p part="empty">${say(locale, 'empty')}</p>`
            : nothing
      }
      ${previewDialog({
        locale,
        file: this.previewFile,
        url: this.previewFile && this.previews.get(this.previewFile.id),
        browse: files.length > 1,
        close: () => (this.previewing = undefined),
        step: (by) => this.step(by),
      })}
      ${confirmDialog({
        locale,
        file: this.confirming,
        confirm: () => void this.deleteConfirmed(),
        cancel: () => (this.confirming = undefined),
      })}
    </div>`;
  }
}
