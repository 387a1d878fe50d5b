import type { Store } from '../store/types.js';
import { detectDuplicates, type DetectOptions, type DuplicatePair } from './detect.js';

/**
 * Candidate duplicate pairs among the live records of `entity` (by its `x-kehu.match` rules), best
 * first. Reads through the repository, so a user sees pairs only among records they may read.
 */
export async function findDuplicates(
  store: Store,
  entity: string,
  options: DetectOptions = {},
): Promise<DuplicatePair[]> {
  const repository = store.entity(entity);
  const records = await repository.find({ sort: { field: 'id', direction: 'asc' } });
  return detectDuplicates(repository.entity, records, options);
}
