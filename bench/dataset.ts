/**
 * The data both sides of every measure work on: seeded customers, a Kehu store holding them, and a
 * raw Dexie database holding the very same physical documents under the same compound indexes.
 */
import Dexie, { type Table } from 'dexie';
import { createStore, defineEntity, type Entity, type JsonSchema, type KehuRecord, type Store } from '@kehu/core';
// Internals on purpose: the baseline must store exactly the documents Kehu stores.
import { recordsSchema, toPhysical, type PhysicalRecord } from '../packages/core/src/store/physical.js';
import { withDefaults, withoutUndefined } from '../packages/core/src/store/checks.js';
import { generateSeed } from '../examples/demo/seed/index.js';

/** The entity listed and counted; the dictionaries are there because customers reference them. */
export const ENTITY = 'customer';
const SCHEMAS = ['customer', 'customer-class', 'customer-level'];
const DICTIONARIES = ['customer-class', 'customer-level'];

let compiled: Promise<Entity[]> | undefined;

/** The shipped schemas the bench needs, compiled once per page. */
export function entities(): Promise<Entity[]> {
  compiled ??= Promise.all(
    SCHEMAS.map(async (name) => {
      const schema = (await (await fetch(`/schemas/${name}.schema.json`)).json()) as JsonSchema;
      return defineEntity(schema, `schemas/${name}.schema.json`);
    }),
  );
  return compiled;
}

export async function customerEntity(): Promise<Entity> {
  return (await entities()).find((e) => e.name === ENTITY)!;
}

/** Seeded records per entity: `count` customers plus the dictionaries they point at. */
export interface Seed {
  customers: Record<string, unknown>[];
  dictionaries: Record<string, Record<string, unknown>[]>;
}

/** Deterministic demo customers (the demo's own generator), a few seconds for 100,000. */
export function seed(count: number): Seed {
  const all = generateSeed({ customers: count, products: 1, documents: 1 });
  // The seed appends a few customers keyed in twice (the demo's data-quality screen): exactly `count` here.
  return {
    customers: all[ENTITY].slice(0, count),
    dictionaries: Object.fromEntries(DICTIONARIES.map((name) => [name, all[name]])),
  };
}

/** Opens (or creates) a Kehu store over IndexedDB, as the demo does. */
export async function openStore(name: string): Promise<Store> {
  return createStore({ entities: await entities(), name });
}

/** Fills a fresh store's dictionaries (not timed: a handful of records). */
export async function insertDictionaries(store: Store, data: Seed): Promise<void> {
  for (const [name, records] of Object.entries(data.dictionaries)) await store.entity(name).bulkInsert(records);
}

/**
 * The documents Kehu writes for `records`, stamped the way the repository stamps them, so that the
 * raw baseline stores byte-for-byte the same payload (minus RxDB's own `_meta`/`_rev` fields).
 */
export function physicalDocuments(entity: Entity, records: Record<string, unknown>[]): PhysicalRecord[] {
  const now = new Date().toISOString();
  return records.map((data) => {
    const record = {
      ...withoutUndefined(withDefaults(entity, data)),
      id: data.id,
      createdAt: data.createdAt ?? now,
      updatedAt: data.updatedAt ?? now,
      _v: entity.version,
    } as KehuRecord;
    return toPhysical(entity, record);
  });
}

/** A raw Dexie database with Kehu's compound indexes (`[e+t+k0]`, `[e+t+r0]`, …, `[e+t+u]`, `[e+t+ru]`). */
export class RawDatabase extends Dexie {
  records!: Table<PhysicalRecord, string>;

  constructor(name: string) {
    super(name);
    const indexes = recordsSchema.indexes.map((index) => `[${index.join('+')}]`);
    this.version(1).stores({ records: ['pk', ...indexes].join(', ') });
  }
}

/** The key range of every live record of the entity on a `[e+t+x]` index. */
export function liveRange(entity: string): [unknown[], unknown[]] {
  return [
    [entity, 0, Dexie.minKey],
    [entity, 0, Dexie.maxKey],
  ];
}

/**
 * Deletes the IndexedDB databases behind a Kehu store or a raw database called `name`: RxDB keeps
 * one Dexie database per collection, named `rxdb-dexie-<name>--<version>--<collection>`.
 */
export async function deleteDatabases(name: string): Promise<string[]> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '');
  const doomed = names.filter((n) => n === name || n.startsWith(`rxdb-dexie-${name}--`));
  await Promise.all(doomed.map((n) => Dexie.delete(n)));
  return doomed;
}
