import type { RxCollection, RxDatabase, RxDocument } from 'rxdb';
import { from, map, of, switchMap, type Observable } from 'rxjs';
import { KehuError } from '../errors/errors.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import {
  checkFile,
  cleanFileName,
  fileType,
  fromBase64,
  resolveLimits,
  sha256,
  toBase64,
  tooLarge,
} from './attachments-content.js';
import { chunkId, filesSchema, ownerKey, type FileDoc } from './attachments-schema.js';
import type {
  AddAttachmentOptions,
  AttachmentData,
  AttachmentInfo,
  AttachmentLimits,
  Attachments,
} from './attachments.types.js';
import { newId } from './ids.js';
import type { Store } from './types.js';

type Files = RxCollection<FileDoc>;
type Doc = RxDocument<FileDoc>;

/** How long a file may stay half-written before `sweep` treats it as abandoned. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

function toInfo(doc: FileDoc, thumbnail?: string): AttachmentInfo {
  const bar = doc.owner.indexOf('|');
  const info: AttachmentInfo = {
    id: doc.id,
    entity: doc.owner.slice(0, bar),
    recordId: doc.owner.slice(bar + 1),
    name: doc.name ?? 'file',
    type: doc.type ?? 'application/octet-stream',
    size: doc.size ?? 0,
    createdAt: doc.createdAt,
  };
  if (doc.field !== undefined) info.field = doc.field;
  if (doc.sha256 !== undefined) info.sha256 = doc.sha256;
  if (doc.createdBy !== undefined) info.createdBy = doc.createdBy;
  if (thumbnail !== undefined) info.thumbnail = thumbnail;
  return info;
}

/** The listed files of one record from its `file` documents: originals, each with its thumbnail's id. */
function listed(docs: FileDoc[], field?: string): AttachmentInfo[] {
  const thumbnails = new Map(docs.filter((d) => d.of).map((d) => [d.of!, d.id]));
  return docs
    .filter((d) => !d.of && (field === undefined || d.field === field))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map((d) => toInfo(d, thumbnails.get(d.id)));
}

/**
 * Attachments over one RxDB collection, `files`, opened on first use so stores that never attach
 * anything do not spend one of RxDB's 13 free collections on it.
 */
export class StoreAttachments implements Attachments {
  readonly limits: Readonly<Required<AttachmentLimits>>;
  private files?: Promise<Files>;

  constructor(
    private database: RxDatabase,
    private store: Pick<Store, 'entity' | 'locale' | 'permissions'>,
    limits: AttachmentLimits = {},
    private user?: { id: string },
  ) {
    this.limits = resolveLimits(limits);
  }

  private get locale(): Locale {
    return this.store.locale;
  }

  private collection(): Promise<Files> {
    this.files ??= (async () => {
      const existing = this.database.collections.files as Files | undefined;
      if (existing) return existing;
      const added = await this.database.addCollections({ files: { schema: filesSchema } });
      return added.files as unknown as Files;
    })().catch((error: unknown) => {
      this.files = undefined;
      throw error;
    });
    return this.files;
  }

  private error(code: string, text: LocalizedText, cause?: unknown): KehuError {
    const error = new KehuError(code, text, this.locale);
    if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
    return error;
  }

  check(file: { name: string; type?: string; size: number }): KehuError | undefined {
    return checkFile(this.limits, file, this.locale);
  }

  /**
   * Under permissions, whether the user reaches the record a file belongs to: files follow their
   * record's visibility (query action and row scope). Without permissions, always.
   */
  private async reaches(owner: string): Promise<boolean> {
    if (!this.store.permissions.enforced) return true;
    const split = owner.indexOf('|');
    return Boolean(await this.store.entity(owner.slice(0, split)).get(owner.slice(split + 1)));
  }

  /** Adding or removing a file changes its record: the user needs `update` on the entity. */
  private assertMayChange(owner: string): void {
    this.store.permissions.assert(owner.slice(0, owner.indexOf('|')), 'update');
  }

  /** The owner key of a live record; refuses unknown entities and records that are not saved. */
  private async owner(entity: string, recordId: string): Promise<string> {
    const repository = this.store.entity(entity);
    if (!(await repository.get(recordId))) {
      const label = repository.entity.label;
      throw this.error('not-found', {
        en: `No ${label.en.toLowerCase()} with id "${recordId}" to attach files to; save the record first.`,
        'zh-CN': `找不到 ID 为「${recordId}」的${label['zh-CN']}，无法添加附件；请先保存该记录。`,
      });
    }
    return ownerKey(entity, recordId);
  }

  async add(
    entity: string,
    recordId: string,
    file: Blob | AttachmentData,
    options: AddAttachmentOptions = {},
  ): Promise<AttachmentInfo> {
    const owner = await this.owner(entity, recordId);
    this.assertMayChange(owner);
    const isBlob = typeof Blob !== 'undefined' && file instanceof Blob;
    const name = cleanFileName((file as { name?: string }).name);
    const type = fileType(name, file.type);
    const size = isBlob ? file.size : (file as AttachmentData).data.byteLength;
    const files = await this.collection();
    if (options.thumbnailOf !== undefined) {
      const original = await files.findOne(options.thumbnailOf).exec();
      if (!original || original._data.kind !== 'file' || original._data.owner !== owner || original._data.of)
        throw this.notFound(options.thumbnailOf);
      if (size > this.limits.chunkSize) throw tooLarge(name, size, this.limits.chunkSize, this.locale);
    } else {
      const refused = this.check({ name, type, size });
      if (refused) throw refused;
    }
    const bytes = isBlob ? new Uint8Array(await file.arrayBuffer()) : (file as AttachmentData).data;
    const doc: FileDoc = {
      id: newId(),
      kind: 'pending',
      owner,
      createdAt: new Date().toISOString(),
      name,
      type,
      size: bytes.byteLength,
      chunks: Math.ceil(bytes.byteLength / this.limits.chunkSize),
    };
    const digest = await sha256(bytes);
    if (digest) doc.sha256 = digest;
    if (options.field !== undefined) doc.field = options.field;
    if (options.thumbnailOf !== undefined) doc.of = options.thumbnailOf;
    if (this.user?.id) doc.createdBy = this.user.id;
    await this.write(files, doc, bytes, options.onProgress);
    return toInfo({ ...doc, kind: 'file' });
  }

  /**
   * Journal first (a `pending` description, never listed), then the chunks, then the flip to
   * `file`: readers see the whole file or nothing, and an interrupted write is findable by `sweep`.
   */
  private async write(
    files: Files,
    doc: FileDoc,
    bytes: Uint8Array,
    onProgress?: (written: number, total: number) => void,
  ): Promise<void> {
    const size = this.limits.chunkSize;
    let written = 0;
    try {
      const pending = await files.insert(doc);
      for (let index = 0; index < doc.chunks!; index++) {
        const piece = bytes.subarray(index * size, (index + 1) * size);
        await files.insert({
          id: chunkId(doc.id, index),
          kind: 'chunk',
          owner: doc.id,
          createdAt: doc.createdAt,
          index,
          data: toBase64(piece),
        });
        written += piece.byteLength;
        onProgress?.(written, bytes.byteLength);
      }
      if (!doc.chunks) onProgress?.(0, 0);
      await pending.incrementalPatch({ kind: 'file' });
    } catch (error) {
      // Best effort: what cannot be removed now stays pending, and `sweep` removes it later.
      await this.discard(files, doc).catch(() => undefined);
      const reason = (error as { code?: string; name?: string; message?: string })?.message ?? String(error);
      throw this.error(
        'attachment-not-saved',
        {
          en: `"${doc.name}" was not attached: the storage refused it (${reason}). Nothing was kept; free some space and try again.`,
          'zh-CN': `「${doc.name}」未能上传：存储拒绝写入（${reason}）。未保留任何部分；请释放存储空间后重试。`,
        },
        error,
      );
    }
  }

  /** Removes a file's chunks and then its description. */
  private async discard(files: Files, doc: FileDoc): Promise<void> {
    const ids = Array.from({ length: doc.chunks ?? 0 }, (_, i) => chunkId(doc.id, i));
    for (let i = 0; i < ids.length; i += 50) await files.bulkRemove(ids.slice(i, i + 50));
    await files.bulkRemove([doc.id]);
  }

  private ownedQuery(files: Files, owner: string) {
    return files.find({ selector: { kind: 'file', owner }, sort: [{ createdAt: 'asc' }] });
  }

  async list(entity: string, recordId: string, options: { field?: string } = {}): Promise<AttachmentInfo[]> {
    this.store.entity(entity); // refuses unknown entity names with the store's message
    if (!(await this.reaches(ownerKey(entity, recordId)))) return [];
    const docs = await this.ownedQuery(await this.collection(), ownerKey(entity, recordId)).exec();
    return listed(
      docs.map((d: Doc) => d._data),
      options.field,
    );
  }

  list$(entity: string, recordId: string, options: { field?: string } = {}): Observable<AttachmentInfo[]> {
    this.store.entity(entity);
    const owner = ownerKey(entity, recordId);
    return from(Promise.all([this.collection(), this.reaches(owner)])).pipe(
      switchMap(([files, reached]) => (reached ? this.ownedQuery(files, owner).$ : of([] as Doc[]))),
      map((docs: Doc[]) =>
        listed(
          docs.map((d) => d._data),
          options.field,
        ),
      ),
    );
  }

  watch(
    entity: string,
    recordId: string,
    listener: (files: AttachmentInfo[]) => void,
    options: { field?: string } = {},
  ): () => void {
    const subscription = this.list$(entity, recordId, options).subscribe(listener);
    return () => subscription.unsubscribe();
  }

  private async fileDoc(id: string): Promise<Doc | null> {
    if (typeof id !== 'string' || !id) return null;
    const doc = await (await this.collection()).findOne(id).exec();
    return doc && doc._data.kind === 'file' && (await this.reaches(doc._data.owner)) ? doc : null;
  }

  async get(id: string): Promise<AttachmentInfo | null> {
    const doc = await this.fileDoc(id);
    if (!doc) return null;
    if (doc._data.of) return toInfo(doc._data);
    const thumbnail = await (
      await this.collection()
    )
      .findOne({ selector: { kind: 'file', owner: doc._data.owner, of: id } })
      .exec();
    return toInfo(doc._data, thumbnail?._data.id);
  }

  async read(id: string): Promise<Uint8Array> {
    const doc = await this.fileDoc(id);
    if (!doc) throw this.notFound(id);
    const file = doc._data;
    const ids = Array.from({ length: file.chunks ?? 0 }, (_, i) => chunkId(id, i));
    const chunks = await (await this.collection()).findByIds(ids).exec();
    const bytes = new Uint8Array(file.size ?? 0);
    let offset = 0;
    for (const chunkKey of ids) {
      const chunk = chunks.get(chunkKey);
      if (!chunk) {
        throw this.error('attachment-incomplete', {
          en: `The content of "${file.name}" has not fully arrived (it may still be syncing); try again later.`,
          'zh-CN': `「${file.name}」的内容尚未完整到达（可能仍在同步中），请稍后再试。`,
        });
      }
      const piece = fromBase64(chunk._data.data ?? '');
      if (offset + piece.byteLength > bytes.byteLength) throw this.corrupt(file);
      bytes.set(piece, offset);
      offset += piece.byteLength;
    }
    if (offset !== bytes.byteLength) throw this.corrupt(file);
    if (file.sha256) {
      const digest = await sha256(bytes);
      if (digest && digest !== file.sha256) throw this.corrupt(file);
    }
    return bytes;
  }

  async blob(id: string): Promise<Blob> {
    const [info, bytes] = await Promise.all([this.fileDoc(id), this.read(id)]);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info?._data.type ?? 'application/octet-stream' });
  }

  async remove(id: string): Promise<void> {
    const doc = await this.fileDoc(id);
    if (!doc) throw this.notFound(id);
    this.assertMayChange(doc._data.owner);
    const files = await this.collection();
    const thumbnails = doc._data.of
      ? []
      : await files.find({ selector: { kind: 'file', owner: doc._data.owner, of: id } }).exec();
    for (const target of [...thumbnails, doc]) {
      // Unlisted at once; if removing the content stops half-way, `sweep` finishes it.
      const pending = await target.incrementalPatch({ kind: 'pending' });
      await this.discard(files, pending._data);
    }
  }

  async removeAll(entity: string, recordId: string): Promise<number> {
    const files = await this.list(entity, recordId);
    for (const file of files) await this.remove(file.id);
    return files.length;
  }

  async sweep(options: { olderThanMs?: number } = {}): Promise<number> {
    const files = await this.collection();
    const before = new Date(Date.now() - (options.olderThanMs ?? ABANDONED_AFTER_MS)).toISOString();
    const abandoned = await files.find({ selector: { kind: 'pending', createdAt: { $lt: before } } }).exec();
    for (const doc of abandoned) await this.discard(files, doc._data);
    return abandoned.length;
  }

  private notFound(id: string): KehuError {
    return this.error('not-found', {
      en: `No attachment with id "${id}"; it may have been deleted.`,
      'zh-CN': `找不到 ID 为「${id}」的附件，可能已被删除。`,
    });
  }

  private corrupt(file: FileDoc): KehuError {
    return this.error('attachment-corrupt', {
      en: `The stored content of "${file.name}" is damaged (it does not match its checksum); attach the file again.`,
      'zh-CN': `「${file.name}」的存储内容已损坏（与校验值不符），请重新上传该文件。`,
    });
  }
}
