/**
 * Sort keys for the generic index slots. Every indexed value becomes a string whose code-unit order
 * is the value's order, and a second "inverted" string whose ascending order is the value's
 * descending order — Dexie's RxStorage walks indexes ascending only, so descending sorts walk these.
 */

/** Indexed strings are cut to this many characters; order beyond them is approximate. */
export const keyLength = 40;
/** Room for an inverted key: every character plus a terminator. */
export const slotMaxLength = keyLength + 1;

const view = new DataView(new ArrayBuffer(8));

/** A finite number as 16 hex digits that sort like the numbers (IEEE-754 bits, sign-flipped). */
export function numberKey(value: number): string {
  view.setFloat64(0, value === 0 ? 0 : value); // -0 and 0 are one key
  let hi = view.getUint32(0);
  let lo = view.getUint32(4);
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else {
    hi = (hi | 0x80000000) >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The ascending key of any indexable value; missing values sort first. */
export function sortKey(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? numberKey(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value).slice(0, keyLength);
}

// Code units ranked without the surrogate block, so inverted keys never contain lone surrogates
// (which UTF-8 encoders along the way — sync, encryption — would mangle).
const rank = (c: number) => (c < 0xd800 ? c : c < 0xe000 ? 0xd7ff : c - 0x800);
const unrank = (r: number) => (r < 0xd800 ? r : r + 0x800);
const maxRank = 0xf7fe;

/** The key whose ascending order is `key`'s descending order (shorter prefixes sort after longer). */
export function invertKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++)
    out += String.fromCharCode(unrank(maxRank - Math.min(rank(key.charCodeAt(i)), maxRank)));
  return out + '\uffff';
}
