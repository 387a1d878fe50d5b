import type { RxCollection } from 'rxdb';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { MetaDoc } from './series-counter.js';

/**
 * Where a naming series gets counter values it may hand out without asking anyone else, when
 * several clients number records of one series (docs/decisions/0012-codes-across-clients.md). The
 * sync implements it with a counter document on the server (sync/code-blocks.ts).
 */
export interface CodeSource {
  /** Counter values per block a client reserves. */
  readonly blockSize: number;
  /**
   * Reserves `count` consecutive counter values of series `id`, none below `floor` (the highest
   * code this client has seen plus one). Throws `CodesUnavailable` when the server cannot be used.
   */
  reserve(id: string, floor: number, count: number): Promise<{ first: number; end: number }>;
}

/** The server that hands out blocks cannot be reached (or the sync is stopped). */
export class CodesUnavailable extends Error {}

/** The error a write gets when this client has no reserved codes left and cannot reach the server. */
export function codesOfflineError(
  locale: Locale,
  entity: { en: string; 'zh-CN': string },
  field: { en: string; 'zh-CN': string },
): KehuError {
  return new KehuError(
    'codes-offline',
    {
      en: `This device has used all the ${entity.en.toLowerCase()} codes it reserved and cannot reach the sync server for more, so nothing was saved. Reconnect and save again, or enter the ${field.en.toLowerCase()} by hand.`,
      'zh-CN': `本设备预留的${entity['zh-CN']}编号已用完，且无法连接同步服务器领取新编号，因此未保存。请恢复连接后重新保存，或手动填写${field['zh-CN']}。`,
    },
    locale,
  );
}

type Range = [first: number, end: number];

const held = (ranges: Range[]) => ranges.reduce((n, [first, end]) => n + end - first, 0);

/** Takes `count` values from the front of `ranges` (mutated). */
function take(ranges: Range[], count: number): number[] {
  const out: number[] = [];
  while (out.length < count && ranges.length) {
    const range = ranges[0];
    out.push(range[0]++);
    if (range[0] >= range[1]) ranges.shift();
  }
  return out;
}

/**
 * The blocks of counter values this client holds, per series, in `meta` (`blocks|<series id>`,
 * `{ ranges }`): values are taken from the front; when fewer than half a block is left, the next
 * block is reserved in the background, so a client that goes offline still holds at least half a
 * block. Several tabs share `meta` and take values with `incrementalModify`, so they never take the
 * same one; a block reserved by a tab that lost a race is kept, never reused elsewhere. Gaps in the
 * numbering are allowed; duplicates are not.
 */
export class SeriesBlocks {
  /** Per series: the work in flight in this tab, so values are taken one request after another. */
  private queues = new Map<string, Promise<unknown>>();

  constructor(
    private meta: RxCollection<MetaDoc>,
    private source: CodeSource,
    private locale: Locale,
  ) {}

  private queued<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(id) ?? Promise.resolve()).then(work);
    this.queues.set(
      id,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Resolves when every reservation started so far (including background top-ups) is done. */
  async settled(): Promise<void> {
    await Promise.all([...this.queues.values()]);
  }

  /** Adds a block to the series' ranges, or takes `count` values (with `extra` added first); [] when too few. */
  private async modify(id: string, count: number, extra?: Range): Promise<{ values: number[]; left: number }> {
    await this.meta.insertIfNotExists({ id: `blocks|${id}`, value: { ranges: [] } });
    const doc = (await this.meta.findOne(`blocks|${id}`).exec())!;
    let result = { values: [] as number[], left: 0 };
    await doc.incrementalModify((data) => {
      const ranges = structuredClone((data.value.ranges ?? []) as Range[]);
      if (extra) ranges.push([...extra]);
      const values = held(ranges) >= count ? take(ranges, count) : [];
      result = { values, left: held(ranges) };
      return { ...data, value: { ranges } };
    });
    return result;
  }

  /**
   * `count` counter values of series `id` for new records: from the blocks held, else from a new
   * block reserved now (at least `count` long). Throws `codes-offline` when neither is possible.
   */
  next(
    id: string,
    count: number,
    floor: () => Promise<number>,
    labels: { entity: { en: string; 'zh-CN': string }; field: { en: string; 'zh-CN': string } },
  ): Promise<number[]> {
    return this.queued(id, async () => {
      let got = await this.modify(id, count);
      if (!got.values.length) {
        let block: { first: number; end: number };
        try {
          block = await this.source.reserve(id, await floor(), Math.max(this.source.blockSize, count));
        } catch (error) {
          if (error instanceof CodesUnavailable) throw codesOfflineError(this.locale, labels.entity, labels.field);
          throw error;
        }
        got = await this.modify(id, count, [block.first, block.end]);
      }
      if (got.left < this.source.blockSize / 2) void this.topUp(id, floor).catch(() => undefined);
      return got.values;
    });
  }

  /**
   * Reserves another block when this client holds less than half a block (so it can keep numbering
   * offline); quietly does nothing when the server cannot be reached.
   */
  topUp(id: string, floor: () => Promise<number>): Promise<void> {
    return this.queued(id, async () => {
      const { left } = await this.modify(id, Number.MAX_SAFE_INTEGER);
      if (left >= this.source.blockSize / 2) return;
      try {
        const block = await this.source.reserve(id, await floor(), this.source.blockSize);
        await this.modify(id, Number.MAX_SAFE_INTEGER, [block.first, block.end]);
      } catch (error) {
        if (!(error instanceof CodesUnavailable)) throw error;
      }
    });
  }
}
