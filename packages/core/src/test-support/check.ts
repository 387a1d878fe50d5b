/**
 * Tiny assertions that run the same in Node and in the browser, so one contract suite serves every
 * storage on every platform (node:assert does not exist in the browser, chai not in core).
 */
export class CheckError extends Error {
  override name = 'CheckError';
}

const show = (value: unknown) => JSON.stringify(value, null, 1)?.slice(0, 500);

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new CheckError(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (!Object.is(actual, expected))
    throw new CheckError(`${message} expected ${show(expected)}, got ${show(actual)}`.trim());
}

export function deepEqual(actual: unknown, expected: unknown, message = ''): void {
  const a = show(sorted(actual));
  const b = show(sorted(expected));
  if (a !== b) throw new CheckError(`${message} expected ${b}, got ${a}`.trim());
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}

/** Awaits `promise`, expecting it to reject; returns the error for further checks. */
export async function rejects<E = Error>(promise: Promise<unknown>, name?: string): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (name && (error as Error).name !== name)
      throw new CheckError(`expected a ${name}, got ${(error as Error).name}: ${(error as Error).message}`);
    return error as E;
  }
  throw new CheckError(`expected a rejection${name ? ` with ${name}` : ''}, but it resolved`);
}
