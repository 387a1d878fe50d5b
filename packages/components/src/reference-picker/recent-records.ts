/** How many recent picks are kept per entity. */
export const recentLimit = 5;

interface RecentPick {
  id: string;
  /** When it was picked (ms since epoch), to merge several entities' lists in order. */
  at: number;
}

/** Used when `localStorage` is missing or refuses (private mode, sandboxed frames, quota). */
const fallback = new Map<string, string>();

function read(key: string): RecentPick[] {
  let raw: string | null | undefined;
  try {
    raw = globalThis.localStorage?.getItem(key);
  } catch {
    raw = undefined;
  }
  raw ??= fallback.get(key) ?? null;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    // Someone else's data under our key, or an older format: start over rather than fail.
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (p): p is RecentPick => !!p && typeof p.id === 'string' && p.id !== '' && typeof p.at === 'number',
    );
  } catch {
    return [];
  }
}

function write(key: string, picks: RecentPick[]): void {
  const raw = JSON.stringify(picks);
  fallback.set(key, raw);
  try {
    globalThis.localStorage?.setItem(key, raw);
  } catch {
    // Storage full or forbidden: the in-memory copy keeps recents for this page.
  }
}

/**
 * The records a user picked last, per store and entity, newest first. Kept in `localStorage`
 * under `kehu-recent:<store name>:<entity>` rather than in the store's `meta` collection: they are
 * a device's UI memory, not master data, so they must not replicate to the server, must not wake
 * live queries, and must be readable synchronously when the input gets focus. Stores of different
 * users have different names, so their recents stay apart.
 */
export class RecentRecords {
  constructor(private storeName: string) {}

  private key(entity: string): string {
    return `kehu-recent:${this.storeName}:${entity}`;
  }

  /** Ids picked last for each of `entities`, merged newest first, at most `limit`. */
  list(entities: readonly string[], limit = recentLimit): { entity: string; id: string }[] {
    return entities
      .flatMap((entity) => read(this.key(entity)).map((pick) => ({ entity, ...pick })))
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
      .map(({ entity, id }) => ({ entity, id }));
  }

  /** Moves `id` to the front of its entity's list. */
  remember(entity: string, id: string): void {
    const key = this.key(entity);
    const picks = read(key).filter((pick) => pick.id !== id);
    picks.unshift({ id, at: Date.now() });
    write(key, picks.slice(0, recentLimit));
  }

  /** Drops ids whose records are gone, so they stop taking places in the list. */
  forget(entity: string, ids: readonly string[]): void {
    if (!ids.length) return;
    const key = this.key(entity);
    write(
      key,
      read(key).filter((pick) => !ids.includes(pick.id)),
    );
  }
}
