import { KehuError } from '../errors/errors.js';
import type { Customer, LevelChange } from '../generated/entities.js';
import type { KehuRecord, Store } from '../store/types.js';

/** The entity that keeps the history of level changes. */
export const LEVEL_CHANGE_ENTITY = 'level-change';

/** What {@link changeCustomerLevel} wrote. */
export interface LevelChangeResult {
  /** The `level-change` record: customer, from and to level, reason, who and when. */
  change: KehuRecord<LevelChange>;
  /** The customer with its new level. */
  customer: KehuRecord<Customer>;
}

const refuse = (store: Store, code: string, en: string, zh: string) =>
  new KehuError(code, { en, 'zh-CN': zh }, store.locale);

/**
 * 更改客户级别: records the change (old level, new level, reason, the store's user, now) and moves
 * the customer to the new level. Both writes or neither: if updating the customer fails, the
 * change record just written is deleted again (soft-deleted, so the audit log still shows the
 * attempt) and the customer's error is thrown. Refused, with a message in the store's locale and
 * nothing written, when the reason is blank, the customer or the level does not exist (or is
 * deleted), or the customer already has that level.
 */
export async function changeCustomerLevel(
  store: Store,
  customerId: string,
  newLevel: string,
  reason: string,
): Promise<LevelChangeResult> {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (!why) {
    throw refuse(
      store,
      'reason-required',
      'Give a reason for changing the customer level.',
      '请填写更改客户级别的原因。',
    );
  }
  const customers = store.entity('customer');
  const customer = await customers.get(customerId);
  if (!customer) {
    throw refuse(
      store,
      'not-found',
      `There is no customer "${customerId}"; it may have been deleted.`,
      `找不到客户「${customerId}」，可能已被删除。`,
    );
  }
  const level = newLevel ? await store.entity('customer-level').get(newLevel) : null;
  if (!level) {
    throw refuse(
      store,
      'not-found',
      `There is no customer level "${newLevel}"; choose one from the customer levels.`,
      `找不到客户级别「${newLevel}」，请从客户级别中选择。`,
    );
  }
  const from = typeof customer.level === 'string' && customer.level ? customer.level : undefined;
  if (from === newLevel) {
    throw refuse(
      store,
      'no-change',
      `${customer.name} is already at level ${String(level.name)}; nothing to change.`,
      `${customer.name} 已经是${String(level.name)}，无需更改。`,
    );
  }

  const changes = store.entity(LEVEL_CHANGE_ENTITY);
  const change = await changes.insert({
    customer: customerId,
    fromLevel: from,
    toLevel: newLevel,
    reason: why,
    changedBy: store.user?.name ?? store.user?.id,
    changedAt: new Date().toISOString(),
  });
  try {
    const updated = await customers.patch(customerId, { level: newLevel });
    return { change, customer: updated };
  } catch (error) {
    // Undo the first write so the history never claims a change the customer does not show.
    await changes.remove(change.id).catch(() => undefined);
    throw error;
  }
}

/** A customer's level changes, newest first. */
export function levelHistory(store: Store, customerId: string): Promise<KehuRecord<LevelChange>[]> {
  return store.entity(LEVEL_CHANGE_ENTITY).find({
    selector: { customer: customerId },
    sort: { field: 'changedAt', direction: 'desc' },
  });
}
