import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Entity, KehuRecord, Repository } from '@kehu/core';
import type { RecentRecords } from './recent-records.js';

/** One entity the picker searches. */
export interface SearchTarget {
  entity: Entity;
  repository: Repository;
}

/** A record offered in the list; `recent` when it comes from the user's recent picks. */
export interface PickerMatch {
  entity: Entity;
  record: KehuRecord;
  recent: boolean;
}

export interface SearchOptions {
  /** Pause after the last keystroke before searching, in ms. */
  delay: number;
  /** At most this many matches are listed (split between the targets of a polymorphic picker). */
  limit: number;
}

/**
 * Quick search over one or several entities for a picker: debounced, newest query wins (answers to
 * older queries are dropped however late they come), every query bounded by `limit` so 100k records
 * cost no more than 100, and the host re-renders when results arrive. An empty text lists the
 * user's recent picks first, then the first records.
 */
export class RecordSearchController implements ReactiveController {
  /** Matches of the latest finished search. */
  matches: PickerMatch[] = [];
  /** More records match than are listed: the user should type more. */
  more = false;
  /** A search is waiting or running. */
  searching = false;
  /** The text of the search whose matches are shown, for highlighting. */
  query = '';
  private timer?: ReturnType<typeof setTimeout>;
  private token = 0;

  constructor(
    private host: ReactiveControllerHost,
    private options: SearchOptions = { delay: 150, limit: 20 },
  ) {
    host.addController(this);
  }

  /** Searches `targets` for `text` after the debounce delay, or at once. */
  search(text: string, targets: SearchTarget[], recent?: RecentRecords, immediate = false): void {
    clearTimeout(this.timer);
    const token = ++this.token;
    this.searching = true;
    this.host.requestUpdate();
    this.timer = setTimeout(
      async () => {
        let found: { matches: PickerMatch[]; more: boolean } = { matches: [], more: false };
        try {
          found = await this.run(text.trim(), targets, recent);
        } catch (error) {
          console.warn('kehu-reference-picker: search failed', error);
        }
        if (token !== this.token) return;
        this.matches = found.matches;
        this.more = found.more;
        this.query = text.trim();
        this.searching = false;
        this.host.requestUpdate();
      },
      immediate ? 0 : this.options.delay,
    );
  }

  private async run(
    text: string,
    targets: SearchTarget[],
    recent: RecentRecords | undefined,
  ): Promise<{ matches: PickerMatch[]; more: boolean }> {
    const recents = !text && recent ? await recentMatches(targets, recent) : [];
    const taken = new Set(recents.map((m) => `${m.entity.name}\u0000${m.record.id}`));
    const per = targets.length > 1 ? Math.max(5, Math.ceil(this.options.limit / targets.length)) : this.options.limit;
    let more = false;
    const found = await Promise.all(
      targets.map(async ({ entity, repository }) => {
        // One extra record tells whether there are more than we list, without a count over them all.
        const records = await repository.find({ search: text || undefined, limit: per + 1 });
        if (records.length > per) more = true;
        return records
          .slice(0, per)
          .filter((record) => !taken.has(`${entity.name}\u0000${record.id}`))
          .map((record): PickerMatch => ({ entity, record, recent: false }));
      }),
    );
    return { matches: [...recents, ...found.flat()], more };
  }

  /** Drops any pending search. */
  cancel(): void {
    clearTimeout(this.timer);
    this.token++;
    this.searching = false;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}

/** The recent picks that still exist, newest first; forgets the ones that are gone. */
async function recentMatches(targets: SearchTarget[], recent: RecentRecords): Promise<PickerMatch[]> {
  const picks = recent.list(targets.map((t) => t.entity.name));
  if (!picks.length) return [];
  const found = new Map<string, PickerMatch>();
  await Promise.all(
    targets.map(async ({ entity, repository }) => {
      const ids = picks.filter((p) => p.entity === entity.name).map((p) => p.id);
      if (!ids.length) return;
      const records = await repository.find({ selector: { id: { $in: ids } }, limit: ids.length });
      for (const record of records) found.set(`${entity.name}\u0000${record.id}`, { entity, record, recent: true });
      recent.forget(
        entity.name,
        ids.filter((id) => !records.some((r) => r.id === id)),
      );
    }),
  );
  return picks.map((p) => found.get(`${p.entity}\u0000${p.id}`)).filter((m): m is PickerMatch => !!m);
}
