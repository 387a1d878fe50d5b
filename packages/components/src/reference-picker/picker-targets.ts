import { parseReference, type Locale, type Store } from '@kehu/core';
import { t } from '../i18n/strings.js';
import type { SearchTarget } from './record-search.js';

/** The named entities that exist in `store`, with their repositories; unknown names are left out. */
export function resolveTargets(store: Store | undefined, names: readonly string[]): SearchTarget[] {
  if (!store) return [];
  return names
    .filter((name) => store.has(name))
    .map((name) => ({ entity: store.entities.get(name)!, repository: store.entity(name) }));
}

/** Why a polymorphic picker cannot work: no store, or targets the store does not define (all named). */
export function targetsProblem(store: Store | undefined, names: readonly string[], locale: Locale): string | undefined {
  if (!store) return t(locale, 'noStore');
  const unknown = names.filter((name) => !store.has(name));
  if (!unknown.length) return undefined;
  return t(locale, 'unknownEntity', { entity: unknown.join(', '), known: [...store.entities.keys()].join(', ') });
}

/**
 * The target and record id a value points at: the id itself for a one-entity picker, `entity:id`
 * for a polymorphic one. Undefined when it cannot be read or names an entity that is not a target.
 */
export function pointerOf(
  value: string,
  targets: SearchTarget[],
  polymorphic: boolean,
): { target: SearchTarget; id: string } | undefined {
  if (!polymorphic) return targets[0] ? { target: targets[0], id: value } : undefined;
  const parsed = parseReference(
    value,
    targets.map((target) => target.entity.name),
  );
  const target = parsed && targets.find((candidate) => candidate.entity.name === parsed.entity);
  return target && parsed ? { target, id: parsed.id } : undefined;
}
