/**
 * Test support for the sync tests: waiting for replication to reach a state, and comparing what two
 * sides hold by content.
 */
import { createHash } from 'node:crypto';

/** Polls until `check` passes (assertions inside), failing with its last error after `ms`. */
export async function eventually(check: () => Promise<void> | void, ms = 20000, every = 100): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, every));
    }
  }
}

/** JSON with object keys sorted, so key order never changes a checksum. */
const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(value);

/** SHA-256 over the sorted `id<TAB>canonical JSON` lines of the records. */
export function contentChecksum(records: Record<string, unknown>[]): string {
  const hash = createHash('sha256');
  for (const line of records.map((r) => `${String(r.id)}\t${canonical(r)}`).sort()) hash.update(line + '\n');
  return hash.digest('hex');
}
