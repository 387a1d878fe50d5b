import { defer, map, type Observable } from 'rxjs';
import { allOf } from '../filter/filter.js';
import type { Locale } from '../i18n/locale.js';
import type { EntityRepository } from '../store/repository.js';
import type { CountOptions, FindOptions, KehuRecord, Repository, Selector } from '../store/types.js';
import { actionForbidden, KehuPermissionError, queryFieldForbidden, scopeForbidden } from './forbidden.js';
import { guardCreate, guardPatch, guardReplace } from './guard.js';
import type { EntityPolicy } from './policy.js';
import { plainSearch } from '../store/query.js';
import { redactRecord } from './redact.js';
import type { PermissionAction } from './types.js';

type Input = Record<string, unknown> & { id?: string };
const logical = new Set(['$and', '$or', '$nor']);

function selectorFields(selector: Selector | undefined, out: string[] = []): string[] {
  for (const [key, condition] of Object.entries(selector ?? {})) {
    if (logical.has(key)) (condition as Selector[]).forEach((part) => selectorFields(part, out));
    else out.push(key.split('.')[0]);
  }
  return out;
}

/**
 * A repository as one user may use it: the store's enforcement of role permissions
 * (docs/decisions/0007-permissions.md). Every read is cut to the user's rows and fields; every write
 * is checked before anything is stored. Elements only reflect these rules; this is where they hold.
 */
export class PermittedRepository implements Repository {
  constructor(
    private inner: EntityRepository,
    private policy: EntityPolicy,
    private locale: Locale,
  ) {}

  get entity() {
    return this.inner.entity;
  }

  private require(action: PermissionAction): void {
    if (!this.policy.can(action)) throw actionForbidden(this.policy, action, this.locale);
  }

  private view = (record: KehuRecord): KehuRecord => redactRecord(record, this.policy);

  /** The query inside the user's rows; refuses conditions, sorts and searches on fields the user may not read. */
  private scoped<O extends CountOptions & FindOptions>(options: O): O {
    this.require('query');
    const sorts = options.sort ? (Array.isArray(options.sort) ? options.sort : [options.sort]) : [];
    const fields = [...selectorFields(options.selector), ...sorts.map((s) => s.field)];
    if (options.search?.trim()) {
      // Sensitive fields never enter the search text (docs/decisions/0007-permissions.md).
      fields.push(...this.entity.search.filter((f) => !this.entity.field(f)?.sensitive));
    }
    for (const field of fields) {
      const access = this.policy.field([field]);
      if (access === 'none' || access === 'masked') throw queryFieldForbidden(this.policy, [field], this.locale);
    }
    const sensitiveHidden = this.entity.search.some(
      (f) => this.entity.field(f)?.sensitive && !['read', 'write'].includes(this.policy.field([f])),
    );
    return {
      ...options,
      selector: allOf(options.selector, this.policy.scopeSelector()),
      [plainSearch]: sensitiveHidden,
    };
  }

  /** The stored record if the user reaches it (live or, with `removed`, soft-deleted); else not-found. */
  private async reachable(id: string, removed = false): Promise<KehuRecord> {
    const stored = await this.inner.raw(id);
    if (!stored || (stored.removed && !removed) || !this.policy.inScope(stored.record)) throw this.inner.notFound(id);
    return stored.record;
  }

  /** Whether the user reaches the record, live or deleted (for its history). */
  async reaches(id: string): Promise<boolean> {
    const stored = await this.inner.raw(id);
    return Boolean(stored && this.policy.inScope(stored.record));
  }

  async get(id: string): Promise<KehuRecord | null> {
    this.require('query');
    const record = await this.inner.get(id);
    return record && this.policy.inScope(record) ? this.view(record) : null;
  }

  async find(options: FindOptions = {}): Promise<KehuRecord[]> {
    return (await this.inner.find(this.scoped(options))).map(this.view);
  }

  async count(options: CountOptions = {}): Promise<number> {
    return this.inner.count(this.scoped(options));
  }

  find$(options: FindOptions = {}): Observable<KehuRecord[]> {
    return defer(() => this.inner.find$(this.scoped(options))).pipe(map((records) => records.map(this.view)));
  }

  count$(options: CountOptions = {}): Observable<number> {
    return defer(() => this.inner.count$(this.scoped(options)));
  }

  watch(options: FindOptions, listener: (records: KehuRecord[]) => void): () => void {
    const subscription = this.find$(options).subscribe(listener);
    return () => subscription.unsubscribe();
  }

  async searchReady(): Promise<void> {
    this.require('query');
    return this.inner.searchReady();
  }

  /** A new record as the user may write it, stamped with owner and organisation, inside the user's rows. */
  private created(data: Input): Input {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return data; // the repository names the problem
    // Naming oneself (or one's organisation) as owner is allowed even where the field is read-only.
    const { owner, organisation } = this.entity.ownership;
    const own = { ...data };
    const self: Record<string, unknown> = {};
    for (const [field, value] of [
      [owner, this.policy.user.id],
      [organisation, this.policy.user.organisation],
    ] as const) {
      if (field && value !== undefined && own[field] === value) {
        self[field] = value;
        delete own[field];
      }
    }
    const record = this.policy.stamp({ ...guardCreate(own, this.policy, this.locale), ...self });
    if (!this.policy.inScope(record)) throw scopeForbidden(this.policy, 'create', this.locale);
    return record as Input;
  }

  async insert(data: Input): Promise<KehuRecord> {
    this.require('create');
    return this.view(await this.inner.insert(this.created(data)));
  }

  async upsert(data: Input): Promise<KehuRecord> {
    const stored = data?.id ? await this.inner.raw(data.id) : null;
    if (!stored) return this.insert(data);
    this.require('update');
    if (stored.removed) this.require('delete'); // replacing a deleted record restores it
    if (!this.policy.inScope(stored.record)) throw this.inner.notFound(data.id!);
    const record = guardReplace(stored.record, data, this.policy, this.locale);
    if (!this.policy.inScope(record)) throw scopeForbidden(this.policy, 'update', this.locale);
    return this.view(await this.inner.upsert({ ...record, id: data.id }));
  }

  async patch(id: string, changes: Record<string, unknown>): Promise<KehuRecord> {
    this.require('update');
    const stored = await this.reachable(id);
    const safe = guardPatch(stored, changes ?? {}, this.policy, this.locale);
    if (!this.policy.inScope({ ...stored, ...safe })) throw scopeForbidden(this.policy, 'update', this.locale);
    return this.view(await this.inner.patch(id, safe));
  }

  async remove(id: string): Promise<void> {
    this.require('delete');
    await this.reachable(id);
    await this.inner.remove(id);
  }

  async restore(id: string): Promise<KehuRecord> {
    this.require('delete');
    await this.reachable(id, true);
    return this.view(await this.inner.restore(id));
  }

  async bulkInsert(data: Input[], options?: { batchSize?: number }): Promise<number> {
    this.require('create');
    return this.inner.bulkInsert(
      this.rows(data, (row) => this.created(row)),
      options,
    );
  }

  async bulkUpsert(data: Input[], options?: { dryRun?: boolean; writeSize?: number }) {
    const ids = data.flatMap((row) => (typeof row?.id === 'string' && row.id ? [row.id] : []));
    const stored = ids.length ? await this.inner.rawMany(ids) : new Map();
    const rows = this.rows(data, (row) => {
      const existing = row?.id ? stored.get(row.id) : undefined;
      if (!existing) {
        this.require('create');
        return this.created(row);
      }
      this.require('update');
      if (existing.removed) this.require('delete');
      if (!this.policy.inScope(existing.record)) throw scopeForbidden(this.policy, 'update', this.locale);
      const record = guardReplace(existing.record, row, this.policy, this.locale);
      if (!this.policy.inScope(record)) throw scopeForbidden(this.policy, 'update', this.locale);
      return { ...record, id: row.id };
    });
    return this.inner.bulkUpsert(rows, options);
  }

  /** Each row through `check`; a refusal names its row, as validation errors of bulk writes do. */
  private rows(data: Input[], check: (row: Input) => Input): Input[] {
    return data.map((row, index) => {
      try {
        return check(row);
      } catch (error) {
        if (!(error instanceof KehuPermissionError)) throw error;
        // Name the row, as validation errors of bulk writes do; nothing is written.
        throw new KehuPermissionError(
          error.entity,
          error.action,
          {
            en: `Row ${index + 1}: ${error.messageIn('en')}`,
            'zh-CN': `第 ${index + 1} 行：${error.messageIn('zh-CN')}`,
          },
          this.locale,
          error.field,
        );
      }
    });
  }
}
