import type { Observable } from 'rxjs';
import type { KehuError } from '../errors/errors.js';

/** A stored file's description; its content is read with `store.attachments.read(id)`. */
export interface AttachmentInfo {
  id: string;
  /** Entity and id of the record the file belongs to. */
  entity: string;
  recordId: string;
  /** Field of the record the file belongs with (e.g. `images`), when the caller said. */
  field?: string;
  /** File name as uploaded, without any path. */
  name: string;
  /** MIME type, e.g. `image/png`. */
  type: string;
  /** Size in bytes. */
  size: number;
  /** Hex SHA-256 of the content, when the platform has Web Crypto; checked on every read. */
  sha256?: string;
  createdAt: string;
  /** Id of the user who attached it (the store's `user`). */
  createdBy?: string;
  /** Id of a small preview image stored with the file (added with `thumbnailOf`). */
  thumbnail?: string;
}

/** File content given as bytes, for callers without a `Blob` (Node, workers, imports). */
export interface AttachmentData {
  name: string;
  /** MIME type; guessed from the name's extension when missing. */
  type?: string;
  data: Uint8Array;
}

export interface AddAttachmentOptions {
  /** Field of the record the file belongs with, e.g. `images`. */
  field?: string;
  /**
   * Stores the file as the preview image of the attachment with this id (same record): it is not
   * listed on its own, shows up as that attachment's `thumbnail`, and is removed with it.
   * Thumbnails skip the type list but must fit in one chunk.
   */
  thumbnailOf?: string;
  /** Called after every chunk is written: bytes written so far and the total. */
  onProgress?: (written: number, total: number) => void;
}

/** What the store accepts as attachments (`createStore({ attachments: {...} })`). */
export interface AttachmentLimits {
  /** Largest file accepted, in bytes. Default 20 MiB. */
  maxSize?: number;
  /**
   * Accepted types, in `<input accept>` syntax: MIME types (`application/pdf`), wildcards (`image/*`)
   * and extensions (`.ofd`); `*` accepts everything. Default: photos (PNG, JPEG, GIF, WebP, AVIF,
   * BMP, HEIC), PDF, OFD, plain text, CSV, Word, Excel, PowerPoint and zip. SVG and HTML are not in
   * the default list: opened from a blob URL they run script with the page's origin.
   */
  types?: string[];
  /** Bytes of content per stored document. Default 256 KiB. */
  chunkSize?: number;
}

/**
 * Files attached to any record of any entity, stored as ordinary documents in the store (so sync
 * carries them like records). See docs/decisions/0003-attachments.md.
 */
export interface Attachments {
  /** The limits in force. */
  readonly limits: Readonly<Required<AttachmentLimits>>;
  /**
   * The error `add` would refuse this file with (too large, type not allowed), or undefined when it
   * is acceptable; lets an element refuse a dropped file before reading it.
   */
  check(file: { name: string; type?: string; size: number }): KehuError | undefined;
  /**
   * Attaches a file to a live record. The content is written first, the description last: a file
   * is listed only once it is complete, and a failed write leaves nothing behind.
   */
  add(
    entity: string,
    recordId: string,
    file: Blob | AttachmentData,
    options?: AddAttachmentOptions,
  ): Promise<AttachmentInfo>;
  /** The record's files, oldest first (thumbnails are not listed on their own). */
  list(entity: string, recordId: string, options?: { field?: string }): Promise<AttachmentInfo[]>;
  /** Live `list`: emits now and after every change to the record's files. */
  list$(entity: string, recordId: string, options?: { field?: string }): Observable<AttachmentInfo[]>;
  /** Callback form of `list$`; returns the unsubscribe function. */
  watch(
    entity: string,
    recordId: string,
    listener: (files: AttachmentInfo[]) => void,
    options?: { field?: string },
  ): () => void;
  /** One file's description, or null. */
  get(id: string): Promise<AttachmentInfo | null>;
  /** The content, checked against its SHA-256. */
  read(id: string): Promise<Uint8Array>;
  /** The content as a `Blob` of the file's type (for blob URLs and downloads). */
  blob(id: string): Promise<Blob>;
  /** Deletes a file, its content and its thumbnail. */
  remove(id: string): Promise<void>;
  /** Deletes every file of a record (for hosts that purge records for good); returns how many. */
  removeAll(entity: string, recordId: string): Promise<number>;
  /**
   * Deletes content left behind by writes or removals that never finished (a closed tab, a full
   * disk) and older than `olderThanMs` (default 10 minutes, so writes in progress elsewhere are
   * safe). Returns how many unfinished files were cleaned up. Hosts call it now and then, e.g. on start.
   */
  sweep(options?: { olderThanMs?: number }): Promise<number>;
}
