/** Test support: stores of shipped entities (schemas/), in memory, for Node tests of the CRM services. */
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { JsonSchema } from '../entity/types.js';
import { createStore } from '../store/create-store.js';
import type { StoreOptions } from '../store/types.js';

/** A shipped schema as parsed from `schemas/<name>.schema.json`. */
export const shippedSchema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

/** The dealer's archives and dictionaries every CRM test needs. */
export const dealerEntities = [
  'customer-class',
  'customer-level',
  'customer',
  'insurer',
  'vehicle',
  'price-tier',
  'product',
  'document',
];

let counter = 0;

/** A fresh memory store of the dealer entities plus `extra`, named after the test. */
export function shippedStore(prefix: string, extra: string[], options: Partial<StoreOptions> = {}) {
  return createStore({
    entities: [...dealerEntities, ...extra].map(shippedSchema),
    storage: getRxStorageMemory(),
    name: `${prefix}-${counter++}-${Date.now()}`,
    ...options,
  });
}
