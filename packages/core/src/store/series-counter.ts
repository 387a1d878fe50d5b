import type { RxCollection } from 'rxdb';
import type { Entity } from '../entity/types.js';
import { invertKey, sortKey } from './keys.js';
import { seriesCode, seriesCounter, seriesParts } from './naming-series.js';
import type { PhysicalRecord } from './physical.js';
import type { SeriesBlocks } from './naming-blocks.js';

export interface MetaDoc {
  id: string;
  value: Record<string, unknown>;
}

/**
 * Hands out naming-series codes from counters kept in the meta collection, or — when the store
 * syncs — from blocks of counter values reserved on the server (`blocks`, set by the sync), so
 * two clients never hand out one code (docs/decisions/0012-codes-across-clients.md).
 */
export class NamingSeries {
  /** Set by the sync: counter values come from blocks reserved on the server, not a local counter. */
  blocks?: SeriesBlocks;

  constructor(
    private meta: RxCollection<MetaDoc>,
    private records: RxCollection<PhysicalRecord>,
  ) {}

  /** Gives every record without a code the next codes of its entity's series, in order. */
  async assign(entity: Entity, records: Record<string, unknown>[]): Promise<void> {
    const series = entity.namingSeries;
    if (!series) return;
    const missing = records.filter((r) => r[series.field] === undefined || r[series.field] === '');
    if (!missing.length) return;
    const parts = seriesParts(series.pattern);
    const id = `series|${entity.name}|${parts.prefix}|${parts.suffix}`;
    if (this.blocks) {
      const field = entity.field(series.field)?.label ?? { en: series.field, 'zh-CN': series.field };
      const values = await this.blocks.next(id, missing.length, async () => (await this.highest(entity, parts)) + 1, {
        entity: entity.label,
        field,
      });
      missing.forEach((record, i) => (record[series.field] = seriesCode(parts, values[i])));
      return;
    }
    const existing = await this.meta.findOne(id).exec();
    // A new counter starts after the highest code already stored (seeded or imported records).
    const start = existing ? 0 : await this.highest(entity, parts);
    await this.meta.insertIfNotExists({ id, value: { next: start + 1 } });
    const doc = await this.meta.findOne(id).exec();
    let first = 0;
    await doc!.incrementalModify((data) => {
      first = Number(data.value.next);
      return { ...data, value: { next: first + missing.length } };
    });
    missing.forEach((record, i) => (record[series.field] = seriesCode(parts, first + i)));
  }

  /** With `blocks`: makes sure this client holds codes of the entity's series for today, to use offline. */
  async topUp(entity: Entity): Promise<void> {
    if (!this.blocks || !entity.namingSeries) return;
    const parts = seriesParts(entity.namingSeries.pattern);
    const id = `series|${entity.name}|${parts.prefix}|${parts.suffix}`;
    await this.blocks.topUp(id, async () => (await this.highest(entity, parts)) + 1);
  }

  private async highest(entity: Entity, parts: ReturnType<typeof seriesParts>): Promise<number> {
    const slot = entity.indexes.indexOf(entity.namingSeries!.field);
    if (slot < 0) return 0;
    // Codes of one series share the prefix, and equal widths sort like their counters: walk the
    // inverted slot from the top of the prefix's range, for live and removed records alike.
    const inverted = invertKey(sortKey(parts.prefix)).slice(0, -1);
    const range = { $gt: inverted + '\u0000', $lt: inverted + '\uffff' };
    const docs = [];
    for (const t of [0, 1]) {
      const selector = { e: entity.name, t, [`r${slot}`]: range };
      docs.push(...(await this.records.find({ selector, sort: [{ [`r${slot}`]: 'asc' }], limit: 20 }).exec()));
    }
    let max = 0;
    for (const doc of docs) {
      const counter = seriesCounter(
        parts,
        String((doc._data.d as Record<string, unknown>)[entity.namingSeries!.field] ?? ''),
      );
      if (counter !== undefined && counter > max) max = counter;
    }
    return max;
  }
}
