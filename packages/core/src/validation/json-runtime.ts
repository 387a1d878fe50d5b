/**
 * The two helpers ajv's generated code pulls from its runtime, written as ES modules so the
 * interpreter and the precompiled (standalone) validators share them in browsers without CommonJS.
 */

/** Length in code points, as JSON Schema counts it (an emoji is one character, not two). */
export function ucs2length(text: string): number {
  let length = 0;
  for (let pos = 0; pos < text.length;) {
    length++;
    const value = text.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < text.length && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/**
 * Deep equality with fast-deep-equal's rules (what ajv uses for `enum`, `const` and `uniqueItems`),
 * including its quirks, so both validation paths agree: NaN equals NaN, and objects must share a
 * constructor.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      const other = b as unknown[];
      return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
    }
    if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(left[key], right[key]));
  }
  return a !== a && b !== b;
}
