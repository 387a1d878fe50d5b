import type { SortSpec } from '../entity/types.js';
import { allOf } from '../filter/filter.js';
import { physicalSort, sortSpecs } from '../store/query.js';
import type { FindOptions, KehuRecord, Repository } from '../store/types.js';

/** How far a long read (an export, a scan) has got. */
export interface ReadProgress {
  /** Records read so far. */
  done: number;
  /** Records the query matched when the read began (grows if more were added meanwhile). */
  total: number;
}

export interface PagedReadOptions {
  /** Records per page. Default 1,000. */
  pageSize?: number;
  /** Stops the read before the next page; the read then throws the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Called once before the first page (`done: 0`) and after every page. */
  onProgress?: (progress: ReadProgress) => void;
}

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Lets the event loop run between pages (input, painting, other timers), so a long read in a page
 * keeps it responsive. `scheduler.yield` where the browser has it, else a macrotask.
 */
export function breathe(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

const byId = (sort: SortSpec[]) => sort.length === 1 && sort[0].field === 'id' && sort[0].direction !== 'desc';

/**
 * The records a query matches, one page at a time, through the repository (so a user's scope and
 * field permissions apply to every page exactly as to one `find`). `options.limit`/`skip` still
 * bound the whole read.
 *
 * In id order (the default when `options.sort` is not given) each page continues after the last id
 * read — an index range, so page 100 costs what page 1 does, and records added or removed meanwhile
 * never shift a page. Another indexed order reads by offset with the id as tie-breaker. An order
 * with no index cannot be paged by the store: the matches are read at once and handed out in pages.
 */
export async function* readPages<T = Record<string, unknown>>(
  repository: Repository<T>,
  options: FindOptions = {},
  paging: PagedReadOptions = {},
): AsyncGenerator<KehuRecord<T>[]> {
  const { signal, onProgress } = paging;
  const pageSize = Math.max(1, Math.floor(paging.pageSize ?? DEFAULT_PAGE_SIZE));
  signal?.throwIfAborted();
  const { limit, skip = 0, ...query } = options;
  const counted = await repository.count({ selector: query.selector, search: query.search });
  let total = Math.max(0, Math.min(counted - skip, limit ?? Infinity));
  let done = 0;
  onProgress?.({ done, total });
  const sort = options.sort ? sortSpecs(repository.entity, options) : [{ field: 'id', direction: 'asc' } as SortSpec];
  const keyed = byId(sort);
  const tieBroken = sort.some((s) => s.field === 'id')
    ? sort
    : [...sort, { field: 'id', direction: 'asc' } as SortSpec];
  const pageable = keyed || physicalSort(repository.entity, tieBroken) !== undefined;
  let all: KehuRecord<T>[] | undefined;
  let lastId: string | undefined;
  while (limit === undefined || done < limit) {
    signal?.throwIfAborted();
    const size = limit === undefined ? pageSize : Math.min(pageSize, limit - done);
    let page: KehuRecord<T>[];
    if (keyed) {
      const after = lastId === undefined ? undefined : { id: { $gt: lastId } };
      page = await repository.find({
        ...query,
        selector: allOf(query.selector, after),
        sort: tieBroken,
        limit: size,
        // The first page skips what the caller asked to skip; later pages start after the last id.
        skip: lastId === undefined ? skip : undefined,
      });
    } else if (pageable) {
      page = await repository.find({ ...query, sort: tieBroken, skip: skip + done, limit: size });
    } else {
      all ??= await repository.find({ ...query, sort: tieBroken, skip, limit });
      page = all.slice(done, done + size);
    }
    if (!page.length) break;
    lastId = page[page.length - 1].id;
    done += page.length;
    total = Math.max(total, done);
    signal?.throwIfAborted();
    yield page;
    onProgress?.({ done, total });
    if (page.length < size) break;
    await breathe();
  }
  // Records removed during the read: the bar ends full, at what was actually read.
  if (done < total) onProgress?.({ done, total: done });
}
