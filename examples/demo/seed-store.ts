import type { Store } from '@kehu/core';
import { generateSeed } from './seed/index.js';

/**
 * Fills an empty demo store with the deterministic seed (same data on every machine). Dictionaries
 * go first so pickers find them; entities the store doesn't know (a schema removed) are skipped.
 */
export async function seedIfEmpty(store: Store, progress: (entity: string, count: number) => void): Promise<boolean> {
  if (!store.has('customer') || (await store.entity('customer').count()) > 0) return false;
  const seed = generateSeed();
  const order = Object.keys(seed).sort((a, b) => Number(seed[a].length > 300) - Number(seed[b].length > 300));
  for (const name of order) {
    if (!store.has(name)) continue;
    const repository = store.entity(name);
    if ((await repository.count()) > 0) continue;
    await repository.bulkInsert(seed[name], { batchSize: 500 });
    progress(name, seed[name].length);
  }
  return true;
}
