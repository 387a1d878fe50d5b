import { wrapRxStorageInstance, type RxStorage } from 'rxdb';
import type { FieldChange, RowChange } from '../audit/types.js';
import type { Entity } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import { searchText, sensitiveSearchMark } from '../store/physical.js';
import { isSealed, seal, searchToken, unseal, type StoreKeys } from './seal.js';
import { mapPath, sensitivePaths } from './sensitive-paths.js';

type Data = Record<string, unknown>;
type Change = (value: unknown) => Promise<unknown>;

/** Applies `change` to the sensitive values inside audit field changes (from/to, child rows). */
async function mapChanges(
  changes: FieldChange[],
  paths: string[][],
  prefix: string[],
  change: Change,
): Promise<FieldChange[]> {
  const hit = (path: string[]) => paths.some((p) => p.length === path.length && p.every((k, i) => k === path[i]));
  const under = (path: string[]) => paths.filter((p) => p.length > path.length && path.every((k, i) => k === p[i]));
  return Promise.all(
    changes.map(async (original) => {
      const path = [...prefix, ...original.path];
      const out: FieldChange = { ...original };
      if (hit(path)) {
        if (out.from !== undefined) out.from = await change(out.from);
        if (out.to !== undefined) out.to = await change(out.to);
        return out;
      }
      const inner = under(path).map((p) => p.slice(path.length));
      if (!inner.length) return out;
      const sealRow = async (row: Data | undefined) => {
        if (!row) return row;
        const copy = { ...row };
        for (const p of inner) await mapPath(copy, p, change);
        return copy;
      };
      if (out.rows) {
        out.rows = await Promise.all(
          out.rows.map(async (row): Promise<RowChange> => {
            const next: RowChange = { ...row };
            if (row.from) next.from = await sealRow(row.from);
            if (row.to) next.to = await sealRow(row.to);
            if (row.changes) next.changes = await mapChanges(row.changes, paths, path, change);
            return next;
          }),
        );
      }
      if (out.from && typeof out.from === 'object') out.from = await sealRow(out.from as Data);
      if (out.to && typeof out.to === 'object') out.to = await sealRow(out.to as Data);
      return out;
    }),
  );
}

/** The search text without sensitive values, plus a keyed-hash token of each sensitive search field's value. */
async function searchTextWithTokens(entity: Entity, record: Data, hmac: CryptoKey): Promise<string> {
  const sensitive = entity.search.filter(
    (k) => entity.field(k)?.sensitive && record[k] !== undefined && record[k] !== null,
  );
  const tokens = await Promise.all(sensitive.map((k) => searchToken(hmac, String(record[k]))));
  const plain = searchText(entity, record, false);
  return tokens.length ? `${plain}${sensitiveSearchMark}${tokens.join('\u0001')}` : plain;
}

/**
 * Wraps a storage so that sensitive fields (`x-kehu.sensitive`) are sealed with AES-GCM before they
 * reach it, in records and in the audit trail, and opened when read; the quick-search text leaves
 * them out. Queries match stored (sealed) values, so sensitive fields cannot be filtered on.
 */
export function encryptedFieldsStorage<I, S>(
  storage: RxStorage<I, S>,
  entities: ReadonlyMap<string, Entity>,
  keys: StoreKeys,
  locale: Locale,
): RxStorage<I, S> {
  const key = keys.aes;
  const paths = new Map([...entities.values()].map((e) => [e.name, sensitivePaths(e)]));
  const open: Change = async (value) => (isSealed(value) ? unseal(key, value, locale) : value);
  const close: Change = async (value) => (isSealed(value) ? value : seal(key, value));
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const collection = params.collectionName;
      if (collection !== 'records' && collection !== 'changes') return instance;
      const modify = (change: Change, toStorage: boolean) => async (doc: Data) => {
        const entity = paths.get(doc.e as string);
        if (!entity?.length) return doc;
        const out = { ...doc };
        if (collection === 'changes') {
          out.c = await mapChanges((doc.c as FieldChange[]) ?? [], entity, [], change);
          return out;
        }
        const record = { ...(doc.d as Data) };
        for (const path of entity) await mapPath(record, path, change);
        out.d = record;
        if (toStorage) out.s = await searchTextWithTokens(entities.get(doc.e as string)!, doc.d as Data, keys.hmac);
        return out;
      };
      return wrapRxStorageInstance(
        params.schema,
        instance,
        modify(close, true) as never,
        modify(open, false) as never,
      ) as typeof instance;
    },
  };
}
