/**
 * Object URLs of stored files (thumbnails, the previewed file), created once per id and revoked as
 * soon as nobody shows them: every `URL.createObjectURL` pins the whole blob in memory until revoked.
 */
export class BlobUrls {
  private urls = new Map<string, string>();
  private loading = new Map<string, Promise<string | undefined>>();

  /** @param changed called when a URL becomes available, so the host re-renders. */
  constructor(private changed: () => void) {}

  get(id: string): string | undefined {
    return this.urls.get(id);
  }

  /** The URL for `id`, loading the blob once; undefined when it cannot be read. */
  load(id: string, read: () => Promise<Blob>): Promise<string | undefined> {
    const known = this.urls.get(id);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = read().then(
        (blob) => {
          // Revoked (or cleared) while loading: do not create a URL nobody will revoke.
          if (!this.loading.has(id)) return undefined;
          this.loading.delete(id);
          const url = URL.createObjectURL(blob);
          this.urls.set(id, url);
          this.changed();
          return url;
        },
        (error: unknown) => {
          this.loading.delete(id);
          console.warn(`kehu-record-attachments: could not read file "${id}"`, error);
          return undefined;
        },
      );
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Revokes every URL whose id is not in `ids`. */
  keepOnly(ids: Iterable<string>): void {
    const keep = new Set(ids);
    for (const id of [...this.urls.keys(), ...this.loading.keys()]) if (!keep.has(id)) this.revoke(id);
  }

  revoke(id: string): void {
    const url = this.urls.get(id);
    if (url) URL.revokeObjectURL(url);
    this.urls.delete(id);
    this.loading.delete(id);
  }

  clear(): void {
    this.keepOnly([]);
  }
}
