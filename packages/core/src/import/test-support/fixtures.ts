import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../../store/create-store.js';
import type { JsonSchema } from '../../entity/types.js';
import { vinCheckDigit } from '../../validation/formats.js';

let gbk: Map<string, number[]> | undefined;

/**
 * GBK bytes of a text, for building files as Chinese Excel saves them. Node's TextEncoder only
 * writes UTF-8, so the table is the inverse of the platform's GB18030 decoder over all two-byte codes.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !gbk.has(char)) gbk.set(char, [lead, trail]);
      }
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbk.get(char);
      if (!bytes) throw new Error(`no GBK code for ${char}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

let counter = 0;

/** A memory store with the shipped customer and vehicle archives and their dictionaries. */
export function crmStore(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return createStore({
    entities: ['customer', 'customer-class', 'customer-level', 'vehicle', 'insurer', 'product', 'price-tier'].map(
      schema,
    ),
    storage: getRxStorageMemory(),
    name: `import-${Date.now()}-${counter++}`,
    locale,
  });
}

/** A valid VIN whose serial part is `n`. */
export function vin(n: number): string {
  const draft = `LSVAM418X${String(n).padStart(8, '0')}`.slice(0, 17);
  return draft.slice(0, 8) + vinCheckDigit(draft)! + draft.slice(9);
}
