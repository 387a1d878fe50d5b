import { sameValue } from '../audit/diff.js';
import type { FieldModel } from '../entity/types.js';
import type { Locale } from '../i18n/locale.js';
import { fieldForbidden } from './forbidden.js';
import type { EntityPolicy } from './policy.js';
import { mask } from './redact.js';
import type { PermissionAction } from './types.js';

type Data = Record<string, unknown>;
const isData = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);
const systemFields = new Set(['id', 'createdAt', 'updatedAt', '_v']);

/** Whether every field under `field` (itself included) is writable for the user. */
function fullyWritable(field: FieldModel, path: string[], policy: EntityPolicy): boolean {
  if (policy.field(path) !== 'write') return false;
  return (field.children ?? []).every((child) => fullyWritable(child, [...path, child.key], policy));
}

interface Context {
  policy: EntityPolicy;
  action: PermissionAction;
  locale: Locale;
  /** A patch: fields the caller did not mention keep their stored values. */
  partial: boolean;
}

/**
 * Merges what a caller sends with what is stored, the way the user's field access allows:
 * writable fields take the caller's value; fields the user may not change keep the stored value,
 * and the caller may only echo what it was shown (the stored value, its mask, or nothing). Anything
 * else is refused naming the field — a read-only price sent back changed, a hidden cost price set.
 * For a new record (`stored` undefined) a field the user may not write may only carry its default.
 */
function mergeLevel(
  stored: Data | undefined,
  incoming: Data,
  fields: FieldModel[],
  prefix: string[],
  ctx: Context,
): Data {
  const out: Data = ctx.partial && stored ? { ...stored } : {};
  const keys = new Set([...Object.keys(incoming), ...Object.keys(stored ?? {})]);
  for (const key of keys) {
    const path = [...prefix, key];
    const field = fields.find((f) => f.key === key);
    const has = Object.prototype.hasOwnProperty.call(incoming, key);
    const value = incoming[key];
    const before = stored?.[key];
    if (!field) {
      // System fields are the repository's; unknown keys are the validator's to refuse.
      if (has) out[key] = value;
      else if (prefix.length && before !== undefined && !ctx.partial) out[key] = before;
      continue;
    }
    if (fullyWritable(field, path, ctx.policy)) {
      if (has) out[key] = value;
      else if (!ctx.partial) delete out[key];
      continue;
    }
    const access = ctx.policy.field(path);
    if (access === 'write' && field.children && has && value !== undefined) {
      out[key] = mergeChildren(before, value, field, path, ctx);
      continue;
    }
    if (has && !echoes(value, before, access, field, stored === undefined)) {
      throw fieldForbidden(ctx.policy, ctx.action, path, ctx.locale);
    }
    if (stored === undefined) {
      if (has && value !== undefined) out[key] = value;
    } else if (before === undefined) delete out[key];
    else out[key] = before;
  }
  return out;
}

/** Whether a sent value only repeats what the user was shown (or, for a new record, the default). */
function echoes(value: unknown, before: unknown, access: string, field: FieldModel, creating: boolean): boolean {
  if (value === undefined) return true;
  if (creating) return field.default !== undefined && sameValue(value, field.default);
  if (sameValue(value, before)) return true;
  return access === 'masked' && value === mask(before);
}

function mergeChildren(before: unknown, value: unknown, field: FieldModel, path: string[], ctx: Context): unknown {
  const children = field.children ?? [];
  if (isData(value))
    return mergeLevel(isData(before) ? before : undefined, value, children, path, { ...ctx, partial: false });
  if (!Array.isArray(value)) return value;
  const rows = Array.isArray(before) ? before.filter(isData) : [];
  const byId = new Map(rows.filter((r) => typeof r.id === 'string').map((r) => [r.id as string, r]));
  return value.map((row, index) => {
    if (!isData(row)) return row;
    const match = typeof row.id === 'string' ? byId.get(row.id) : byId.size ? undefined : rows[index];
    return mergeLevel(match, row, children, path, { ...ctx, partial: false });
  });
}

/** A new record as the user may write it; refuses fields the user may not set. */
export function guardCreate(data: Data, policy: EntityPolicy, locale: Locale): Data {
  return mergeLevel(undefined, data, policy.entity.fields, [], { policy, action: 'create', locale, partial: false });
}

/** A patch's changes applied to the stored record, as the user may change it. */
export function guardPatch(stored: Data, changes: Data, policy: EntityPolicy, locale: Locale): Data {
  const merged = mergeLevel(stored, changes, policy.entity.fields, [], {
    policy,
    action: 'update',
    locale,
    partial: true,
  });
  // Only what the caller sent and may write: echoes of read-only values are dropped, so a
  // concurrent change by someone allowed to make it is never reverted by this patch.
  const out: Data = {};
  for (const key of Object.keys(changes)) {
    if (systemFields.has(key)) continue;
    const known = policy.entity.fields.some((f) => f.key === key);
    // Unknown keys go on to the validator, which names them; known ones only when writable.
    if (!known || policy.field([key]) === 'write') out[key] = merged[key];
  }
  return out;
}

/** A whole-record replacement, keeping what the user may not see or change as stored. */
export function guardReplace(stored: Data, data: Data, policy: EntityPolicy, locale: Locale): Data {
  return mergeLevel(stored, data, policy.entity.fields, [], { policy, action: 'update', locale, partial: false });
}
