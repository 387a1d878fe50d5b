/**
 * The store the form measures open: the shipped document schema and everything it references, a
 * small demo seed, one document with many lines, and the 150-field entity with one record.
 */
import { createStore, defineEntity, type Entity, type JsonSchema, type Store } from '@kehu/core';
import { generateSeed } from '../examples/demo/seed/index.js';
import { WIDE, WIDE_ID, wideRecord, wideSchema } from './wide-schema.js';

export const FORMS_STORE = 'bench-forms';
/** Referenced entities first, so every reference points at a stored record. */
const SHIPPED = [
  'customer-class',
  'customer-level',
  'insurer',
  'price-tier',
  'customer',
  'vehicle',
  'product',
  'document',
];

export const linesDocumentId = (lines: number) => `doc-bench-${lines}-lines`;

/**
 * The entities, with the document's `lines` allowed to hold `lines` rows: the shipped schema caps
 * them at 200 (`maxItems`), which the measure of a 1,000-line document has to lift.
 */
async function formEntities(lines: number): Promise<Entity[]> {
  const shipped = await Promise.all(
    SHIPPED.map(async (name) => {
      const schema = (await (await fetch(`/schemas/${name}.schema.json`)).json()) as JsonSchema & {
        properties: Record<string, Record<string, unknown>>;
      };
      if (name === 'document')
        schema.properties.lines.maxItems = Math.max(lines, Number(schema.properties.lines.maxItems));
      return defineEntity(schema, `schemas/${name}.schema.json`);
    }),
  );
  return [...shipped, defineEntity(wideSchema(), 'bench/wide-schema.ts')];
}

/** A document of the seed with its lines repeated (amounts as computed) up to `count` lines. */
function linesDocument(seeded: Record<string, Record<string, unknown>[]>, count: number): Record<string, unknown> {
  const documents = seeded.document;
  const pool = documents.flatMap((doc) => doc.lines as Record<string, unknown>[]);
  const lines = Array.from({ length: count }, (_, i) => ({ ...pool[i % pool.length] }));
  const cents = lines.reduce((sum, line) => sum + Math.round((line.amount as number) * 100), 0);
  return {
    ...documents[0],
    id: linesDocumentId(count),
    number: `BENCH-${count}`,
    lines,
    totalAmount: cents / 100,
  };
}

/** Opens the forms store, seeding it on first use in this browser profile. */
export async function openFormsStore(lines: number): Promise<Store> {
  const store = await createStore({ entities: await formEntities(lines), name: FORMS_STORE });
  const wide = await store.entity(WIDE).get(WIDE_ID);
  const document = await store.entity('document').get(linesDocumentId(lines));
  if (wide && document) return store;
  const seeded = generateSeed({ customers: 40, products: 60, documents: 40, opportunities: 0, activities: 0 });
  if (!wide) {
    for (const name of SHIPPED) await store.entity(name).bulkInsert(seeded[name] ?? []);
    await store.entity(WIDE).insert(wideRecord());
  }
  if (!document) await store.entity('document').insert(linesDocument(seeded, lines));
  return store;
}
