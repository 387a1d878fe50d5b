import type { Entity } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';

/**
 * The field and value that lock a stored record under the entity's `x-kehu.lockedWhen`, or
 * undefined when the record may change. Checked against the record as stored, so the write that
 * approves a document still goes through; every write after it is refused.
 */
export function lockOf(entity: Entity, stored: Record<string, unknown>): { field: string; value: unknown } | undefined {
  for (const [field, values] of Object.entries(entity.lockedWhen ?? {})) {
    const value = stored[field];
    if (values.includes(value as string | number | boolean)) return { field, value };
  }
  return undefined;
}

/** Refuses to change or delete a locked record, naming why it is locked and how to correct it. */
export function assertNotLocked(
  entity: Entity,
  stored: Record<string, unknown>,
  action: 'update' | 'remove',
  locale: Locale,
): void {
  const lock = lockOf(entity, stored);
  if (!lock) return;
  const field = entity.field(lock.field);
  const fieldLabel = field?.label ?? { 'zh-CN': lock.field, en: lock.field };
  const option = field?.options?.find((o) => o.value === lock.value)?.label;
  const valueLabel: LocalizedText = option ?? { 'zh-CN': String(lock.value), en: String(lock.value) };
  const id = String(stored.id ?? '');
  const label = entity.label;
  const verb = action === 'remove' ? { en: 'deleted', 'zh-CN': '删除' } : { en: 'changed', 'zh-CN': '修改' };
  throw new KehuError(
    'locked',
    {
      en: `This ${label.en.toLowerCase()} (${id}) cannot be ${verb.en}: its ${fieldLabel.en.toLowerCase()} is "${valueLabel.en}". Correct it with a reversal instead.`,
      'zh-CN': `该${label['zh-CN']}（${id}）的${fieldLabel['zh-CN']}为「${valueLabel['zh-CN']}」，不能${verb['zh-CN']}。如需更正，请做冲销（红冲）。`,
    },
    locale,
  );
}
