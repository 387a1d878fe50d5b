import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { localDocument, sameWrite, type StoreMigrations } from '../migration/versions.js';
import type { Entity } from '../entity/types.js';
import { toPhysical, type PhysicalRecord } from '../store/physical.js';
import { CONFLICT_ENTITY, type ConflictField } from './conflict-entity.js';
import { mergeEdits, sameValue, type FieldConflict, type MergeSide } from './merge.js';

/** What the handler asks to keep: the local values of one record the record no longer holds. */
export interface KeptConflict {
  entity: string;
  recordId: string;
  kind: 'edit' | 'refused' | 'duplicate';
  fields: ConflictField[];
  reason?: string;
  /** Identifies this conflict (same record and both versions → same key), so repeated resolutions keep one. */
  key: string;
}

const system = new Set(['id', 'createdAt', 'updatedAt', '_v']);

const text = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

/** Field conflicts as a conflict record keeps them (values as JSON text). */
export function toFields(conflicts: FieldConflict[]): ConflictField[] {
  return conflicts.map((c) => {
    const field: ConflictField = { field: c.field };
    if ('local' in c) field.local = text(c.local);
    if ('server' in c) field.server = text(c.server);
    if ('base' in c) field.base = text(c.base);
    return field;
  });
}

const sideOf = (doc: WithDeleted<PhysicalRecord> | undefined): MergeSide | undefined =>
  doc && !doc._deleted && doc.d ? { record: doc.d, removed: doc.t === 1 } : undefined;

/**
 * The `records` collection's conflict handler, and what it learned while resolving. RxDB's default
 * handler keeps the server's document and drops the local edit; this one merges per field
 * (`mergeEdits`) and hands every local value the record cannot hold to `onKept`, so it is kept
 * as a `kehu-conflict` record. A write the server refused (`refused`, filled by the sync's fetch)
 * is resolved to the server's document, with all the refused values kept and the reason named.
 */
export class ConflictKeeper {
  /** Record ids (`entity|id`) whose last push the server refused, with its reason. */
  readonly refused = new Map<string, string>();
  /** Called for every kept conflict; set by the store's conflict list. */
  onKept: (conflict: KeptConflict) => void = () => {};

  constructor(
    private entities: ReadonlyMap<string, Entity>,
    private migrations: StoreMigrations = {},
  ) {}

  readonly handler: RxConflictHandler<PhysicalRecord> = {
    // Index slots are derived per client, and one write may be held at two versions (decision 0013).
    isEqual: (a, b) => sameWrite(a, b),
    // Both server-side states are read as this client stores records: older versions upgraded.
    resolve: async (input) =>
      this.resolve(
        input.assumedMasterState && (await this.local(input.assumedMasterState)),
        input.newDocumentState,
        await this.local(input.realMasterState),
      ),
  };

  private local(doc: WithDeleted<PhysicalRecord>): Promise<WithDeleted<PhysicalRecord>> {
    return localDocument(this.entities, this.migrations, doc);
  }

  private resolve(
    assumed: WithDeleted<PhysicalRecord> | undefined,
    mine: WithDeleted<PhysicalRecord>,
    theirs: WithDeleted<PhysicalRecord>,
  ): WithDeleted<PhysicalRecord> {
    const local = sideOf(mine);
    const server = sideOf(theirs);
    const entity = this.entities.get((theirs.e ?? mine.e) as string);
    const pk = (theirs.pk ?? mine.pk) as string;
    const reason = this.refused.get(pk);
    this.refused.delete(pk);
    // Kehu never deletes records for good; a document gone from the server keeps the local one.
    if (!server) return local ? mine : theirs;
    if (!local || !entity) return theirs;
    // Two users resolved one server-found conflict at once: the first resolution stands.
    if (entity.name === CONFLICT_ENTITY)
      return server.record.status === 'resolved' || local.record.status !== 'resolved' ? theirs : mine;
    const key = `${pk}|${local.record.updatedAt}|${server.record.updatedAt}`;
    if (reason !== undefined) {
      const from = (server.record ?? {}) as Record<string, unknown>;
      const to = local.record as Record<string, unknown>;
      const changed: FieldConflict[] = [...new Set([...Object.keys(from), ...Object.keys(to)])]
        .filter((k) => !system.has(k) && !sameValue(from[k], to[k]))
        .map((k) => ({ field: k, local: to[k], server: from[k] }));
      this.onKept({
        entity: entity.name,
        recordId: local.record.id,
        kind: 'refused',
        fields: toFields(changed),
        reason,
        key,
      });
      return theirs;
    }
    const merged = mergeEdits(sideOf(assumed), local, server);
    if (merged.conflicts.length) {
      this.onKept({
        entity: entity.name,
        recordId: local.record.id,
        kind: 'edit',
        fields: toFields(merged.conflicts),
        key,
      });
    }
    if (merged.sameAsServer) return theirs;
    return { ...toPhysical(entity, merged.record, merged.removed), _deleted: false };
  }
}
