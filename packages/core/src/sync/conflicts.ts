import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { KehuError } from '../errors/errors.js';
import { primaryKey, toPhysical, type PhysicalRecord } from '../store/physical.js';
import type { KehuRecord, Store } from '../store/types.js';
import { CONFLICT_ENTITY, conflictEntity, type ConflictRecord } from './conflict-entity.js';
import type { ConflictKeeper, KeptConflict } from './conflict-handler.js';
import type { ConflictChoices, StoreConflicts } from './types.js';

/** A short stable id for a conflict key (FNV-1a, two rounds), so the same conflict is kept once. */
function conflictId(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    a = Math.imul(a ^ key.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ key.charCodeAt(key.length - 1 - i), 0x01000193) >>> 0;
  }
  return `cf-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

type Conflict = KehuRecord<ConflictRecord>;

/**
 * The conflicts a sync kept (see `ConflictKeeper`), as records of the built-in `kehu-conflict`
 * entity. They are written straight to this client's storage, not through a repository: they are
 * the client's own bookkeeping, never replicated, and must be kept even for users whose roles do
 * not include the entity. Resolving writes the chosen values through the record's repository.
 */
export class SyncConflicts implements StoreConflicts {
  /** Writes in flight, so tests and `close` can wait for them. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private records: RxCollection<PhysicalRecord>,
    private store: Pick<Store, 'entity' | 'locale'>,
    keeper: ConflictKeeper,
  ) {
    keeper.onKept = (conflict) => {
      this.writing = this.writing.then(() => this.keep(conflict)).catch(() => undefined);
    };
  }

  /** Resolves when every conflict kept so far is stored. */
  settled(): Promise<unknown> {
    return this.writing;
  }

  private async keep(kept: KeptConflict): Promise<void> {
    const id = conflictId(kept.key);
    if (await this.records.findOne(primaryKey(CONFLICT_ENTITY, id)).exec()) return;
    const now = new Date().toISOString();
    const record: Conflict = {
      id,
      createdAt: now,
      updatedAt: now,
      _v: conflictEntity.version,
      entity: kept.entity,
      recordId: kept.recordId,
      kind: kept.kind,
      status: 'open',
      fields: kept.fields,
      detectedAt: now,
      ...(kept.reason ? { reason: kept.reason } : {}),
    };
    await this.records.insert(toPhysical(conflictEntity, record as unknown as KehuRecord));
  }

  private query() {
    return this.records.find({ selector: { e: CONFLICT_ENTITY, t: 0 } });
  }

  private shown(docs: { _data: PhysicalRecord }[], all?: boolean): Conflict[] {
    return docs
      .map((doc) => structuredClone(doc._data.d) as unknown as Conflict)
      .filter((c) => all || c.status === 'open')
      .sort((x, y) => (x.detectedAt < y.detectedAt ? 1 : x.detectedAt > y.detectedAt ? -1 : x.id < y.id ? 1 : -1));
  }

  async list(options: { all?: boolean } = {}): Promise<Conflict[]> {
    await this.writing;
    return this.shown(await this.query().exec(), options.all);
  }

  list$(options: { all?: boolean } = {}): Observable<Conflict[]> {
    return this.query().$.pipe(map((docs) => this.shown(docs, options.all)));
  }

  private error(code: string, en: string, zh: string): KehuError {
    return new KehuError(code, { en, 'zh-CN': zh }, this.store.locale);
  }

  async resolve(id: string, choices: ConflictChoices): Promise<KehuRecord> {
    await this.writing;
    const doc = await this.records.findOne(primaryKey(CONFLICT_ENTITY, id)).exec();
    const conflict = doc?._data.d as unknown as Conflict | undefined;
    if (!doc || !conflict) throw this.error('not-found', `No sync conflict "${id}".`, `找不到同步冲突「${id}」。`);
    if (conflict.status !== 'open')
      throw this.error(
        'conflict-resolved',
        `Sync conflict "${id}" is already resolved.`,
        `同步冲突「${id}」已经解决。`,
      );
    const known = new Set(conflict.fields.map((f) => f.field));
    for (const [field, choice] of Object.entries(choices)) {
      if (!known.has(field) || (choice !== 'local' && choice !== 'server'))
        throw this.error(
          'invalid-choice',
          `"${field}: ${String(choice)}" is not a choice of this conflict; pick "local" or "server" for ${[...known].join(', ')}.`,
          `「${field}: ${String(choice)}」不是此冲突的选项；请为 ${[...known].join('、')} 选择 "local" 或 "server"。`,
        );
    }
    const changes: Record<string, unknown> = {};
    for (const field of conflict.fields) {
      if (choices[field.field] !== 'local') continue;
      changes[field.field] = field.local === undefined ? undefined : JSON.parse(field.local);
    }
    const repository = this.store.entity(conflict.entity);
    const record = Object.keys(changes).length
      ? await repository.patch(conflict.recordId, changes)
      : await repository.get(conflict.recordId);
    const resolved: Conflict = {
      ...conflict,
      status: 'resolved',
      choices: Object.fromEntries(conflict.fields.map((f) => [f.field, choices[f.field] ?? 'server'])),
      resolvedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await doc.incrementalModify(() => toPhysical(conflictEntity, resolved as unknown as KehuRecord));
    if (!record)
      throw this.error(
        'not-found',
        `The record ${conflict.recordId} no longer exists.`,
        `记录 ${conflict.recordId} 已不存在。`,
      );
    return record;
  }
}
