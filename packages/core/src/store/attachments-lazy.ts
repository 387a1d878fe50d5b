import type { RxDatabase } from 'rxdb';
import { from, switchMap, type Observable } from 'rxjs';
import type { KehuError } from '../errors/errors.js';
import { checkFile, resolveLimits } from './attachments-content.js';
import type {
  AddAttachmentOptions,
  AttachmentData,
  AttachmentInfo,
  AttachmentLimits,
  Attachments,
} from './attachments.types.js';
import type { Store } from './types.js';

/**
 * The store's `attachments`: limits and `check` at once, everything else through `StoreAttachments`
 * (attachments.ts), loaded on the first call, so hosts that never attach a file do not download it.
 * Errors come at the same moments as before: bad limits when the store opens, an unknown entity
 * from `list$`/`watch` at the call.
 */
export class LazyAttachments implements Attachments {
  readonly limits: Readonly<Required<AttachmentLimits>>;
  private loaded?: Promise<Attachments>;

  constructor(
    private database: RxDatabase,
    private store: Pick<Store, 'entity' | 'locale' | 'permissions'>,
    limits: AttachmentLimits = {},
    private user?: { id: string },
  ) {
    this.limits = resolveLimits(limits);
  }

  private load(): Promise<Attachments> {
    this.loaded ??= import('./attachments.js').then(
      ({ StoreAttachments }) => new StoreAttachments(this.database, this.store, this.limits, this.user),
      (error: unknown) => {
        this.loaded = undefined; // the next call tries again
        throw error;
      },
    );
    return this.loaded;
  }

  check(file: { name: string; type?: string; size: number }): KehuError | undefined {
    return checkFile(this.limits, file, this.store.locale);
  }

  async add(
    entity: string,
    recordId: string,
    file: Blob | AttachmentData,
    options?: AddAttachmentOptions,
  ): Promise<AttachmentInfo> {
    return (await this.load()).add(entity, recordId, file, options);
  }

  async list(entity: string, recordId: string, options?: { field?: string }): Promise<AttachmentInfo[]> {
    return (await this.load()).list(entity, recordId, options);
  }

  list$(entity: string, recordId: string, options?: { field?: string }): Observable<AttachmentInfo[]> {
    this.store.entity(entity); // refuses unknown entity names at the call, as the full class does
    return from(this.load()).pipe(switchMap((attachments) => attachments.list$(entity, recordId, options)));
  }

  watch(
    entity: string,
    recordId: string,
    listener: (files: AttachmentInfo[]) => void,
    options?: { field?: string },
  ): () => void {
    const subscription = this.list$(entity, recordId, options).subscribe(listener);
    return () => subscription.unsubscribe();
  }

  async get(id: string): Promise<AttachmentInfo | null> {
    return (await this.load()).get(id);
  }

  async read(id: string): Promise<Uint8Array> {
    return (await this.load()).read(id);
  }

  async blob(id: string): Promise<Blob> {
    return (await this.load()).blob(id);
  }

  async remove(id: string): Promise<void> {
    return (await this.load()).remove(id);
  }

  async removeAll(entity: string, recordId: string): Promise<number> {
    return (await this.load()).removeAll(entity, recordId);
  }

  async sweep(options?: { olderThanMs?: number }): Promise<number> {
    return (await this.load()).sweep(options);
  }
}
