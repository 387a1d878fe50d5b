/**
 * Row 11 of the benchmarks: Kehu's duplicate scan (`detectDuplicates`, blocking plus name, phone,
 * ID and address similarity) over customers with planted duplicates — full-width names, stray
 * spaces, `有限公司` vs `公司`, two characters swapped, `+86` phones, some keyed in with another
 * phone — and the recall and precision it reaches. Shared by the page and the bench's worker.
 */
import { defineEntity, detectDuplicates, type Entity, type JsonSchema } from '@kehu/core';
// Not exported from @kehu/core on purpose (a test and bench generator, not shipped API).
import { plantedCustomers, plantedScore } from '../packages/core/src/dedupe/planted-duplicates.js';

/** What one scan found and how well. */
export interface DedupeScan {
  /** Generating the customers (not part of the scan). */
  generateMs: number;
  scanMs: number;
  customers: number;
  planted: number;
  pairs: number;
  /** Planted pairs found / planted pairs. */
  recall: number;
  /** Pairs whose two records go back to the same original / pairs found. */
  precision: number;
  /** Where the scan ran. */
  where: 'worker' | 'page';
}

let customer: Promise<Entity> | undefined;
const customerEntity = () =>
  (customer ??= fetch('/schemas/customer.schema.json')
    .then((response) => response.json() as Promise<JsonSchema>)
    .then((schema) => defineEntity(schema, 'schemas/customer.schema.json')));

/** Generates `size` customers of which `duplicates` are planted variants, scans them, scores the pairs. */
export async function scanPlanted(size: number, duplicates: number, where: DedupeScan['where']): Promise<DedupeScan> {
  const entity = await customerEntity();
  let started = performance.now();
  const { customers, planted } = plantedCustomers(size, duplicates);
  const generateMs = performance.now() - started;
  started = performance.now();
  const pairs = detectDuplicates(entity, customers);
  const scanMs = performance.now() - started;
  const { recall, precision } = plantedScore(pairs, planted);
  return {
    generateMs,
    scanMs,
    customers: customers.length,
    planted: planted.size,
    pairs: pairs.length,
    recall,
    precision,
    where,
  };
}

/** Runs `scanPlanted` in a fresh module Web Worker; resolves with its answer and the round trip. */
export function scanInWorker(size: number, duplicates: number): Promise<DedupeScan & { roundTripMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker(new URL('./dedupe.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<{ scan?: DedupeScan; error?: string }>) => {
      worker.terminate();
      if (event.data.scan) resolve({ ...event.data.scan, roundTripMs: performance.now() - started });
      else reject(new Error(event.data.error ?? 'no answer'));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the dedupe worker failed to start'));
    });
    worker.postMessage({ size, duplicates });
  });
}
