import type { RxCollection } from 'rxdb';
import type { Entity } from '../entity/types.js';
import { formatReference } from '../entity/polymorphic-reference.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { PhysicalRecord } from './physical.js';
import { baseSelector } from './query.js';

/** A field of another entity that can point at records of this one. */
export interface Referrer {
  entity: Entity;
  /** Top-level field key, or the array field holding rows with the reference. */
  field: string;
  /** For references inside rows of an array field (a document line's product). */
  rowField?: string;
  /** The value is `entity:id` (a polymorphic reference) rather than the id. */
  polymorphic: boolean;
}

/** Every field, in every entity, that references `target`: top level, and one level of line rows. */
export function referrersOf(target: string, entities: Iterable<Entity>): Referrer[] {
  const out: Referrer[] = [];
  const points = (f: { ref?: string; refs?: string[] }) => f.ref === target || !!f.refs?.includes(target);
  for (const entity of entities) {
    for (const field of entity.fields) {
      if (points(field)) out.push({ entity, field: field.key, polymorphic: !!field.refs });
      if (field.type === 'array')
        for (const child of field.children ?? [])
          if (points(child)) out.push({ entity, field: field.key, rowField: child.key, polymorphic: !!child.refs });
    }
  }
  return out;
}

/**
 * Refuses to delete a record that live records still point at (a customer level customers use, a
 * customer with vehicles), naming who uses it and how often, so nothing is left pointing at nothing.
 * Top-level reference fields answer from their index; references inside line rows are scanned.
 */
export async function assertNotInUse(
  target: Entity,
  id: string,
  referrers: Referrer[],
  collection: RxCollection<PhysicalRecord>,
  locale: Locale,
): Promise<void> {
  const uses: { label: Entity['label']; count: number }[] = [];
  for (const referrer of referrers) {
    const value = referrer.polymorphic ? formatReference(target.name, id) : id;
    const selector = referrer.rowField
      ? { [referrer.field]: { $elemMatch: { [referrer.rowField]: value } } }
      : { [referrer.field]: value };
    const count = await collection.count({ selector: baseSelector(referrer.entity, { selector }) }).exec();
    if (count) uses.push({ label: referrer.entity.pluralLabel, count });
  }
  if (!uses.length) return;
  const list = (l: Locale) => uses.map((u) => `${u.label[l]} ${u.count}`).join(l === 'en' ? ', ' : '，');
  throw new KehuError(
    'in-use',
    {
      en: `This ${target.label.en.toLowerCase()} (${id}) is still used by ${list('en')}; change or delete those first.`,
      'zh-CN': `该${target.label['zh-CN']}（${id}）仍被使用：${list('zh-CN')} 条，请先修改或删除这些记录。`,
    },
    locale,
  );
}
