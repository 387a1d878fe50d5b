/**
 * Normalisation rules for master-data strings, by what the field holds. Each rule only changes
 * what cannot change the meaning (width, spacing, separators, case where case is not significant),
 * so applying it twice gives the same result and a normalised value compares equal to its variants.
 */

/** The rules a field can declare with `"x-kehu": { "normalize": … }`. */
export type NormalizeRule = 'name' | 'phone' | 'address' | 'id' | 'code';

export const normalizeRules: readonly NormalizeRule[] = ['name', 'phone', 'address', 'id', 'code'];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Full-width digits and Latin letters (Ａ-Ｚ, ａ-ｚ, ０-９) to ASCII; other characters untouched. */
export function halfWidthAlnum(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Every full-width ASCII form (！ to ～) and the ideographic space to ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trims and turns every run of white space (ASCII, ideographic, no-break) into one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/**
 * A person's or company's name: half-width letters and digits, spaces collapsed, spaces next to a
 * Chinese character dropped (`张 三` is `张三`), and brackets unified: Chinese names take the
 * full-width （） they are registered with, Latin names the ASCII ().
 */
export function normalizeName(text: string): string {
  let out = collapseSpaces(halfWidthAlnum(text));
  if (CJK.test(out)) out = out.replace(/\(/g, '（').replace(/\)/g, '）');
  else out = out.replace(/（/g, '(').replace(/）/g, ')');
  return out.replace(/ (?=[\u3400-\u9fff（）])|(?<=[\u3400-\u9fff（）]) /g, '');
}

/**
 * A phone number: digits only, without the +86 / 0086 country prefix of a Chinese number. A value
 * without any digit is returned trimmed, so validation can still say what is wrong with it.
 */
export function normalizePhone(text: string): string {
  const half = halfWidth(text).trim();
  let digits = half.replace(/\D/g, '');
  if (!digits) return half;
  if (/^\s*(\+|00)\s*86/.test(half)) digits = digits.replace(/^(00)?86/, '');
  else if (/^861\d{10}$/.test(digits)) digits = digits.slice(2);
  return digits;
}

/** An address: half-width forms, spaces collapsed. */
export function normalizeAddress(text: string): string {
  return collapseSpaces(halfWidth(text));
}

/** A resident ID, credit code, VIN or tax number: half-width, upper case, no spaces at all. */
export function normalizeId(text: string): string {
  return halfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .toUpperCase();
}

/** A code (customer, product, dictionary): half-width, upper case, trimmed. */
export function normalizeCode(text: string): string {
  return collapseSpaces(halfWidth(text)).toUpperCase();
}

const byRule: Record<NormalizeRule, (text: string) => string> = {
  name: normalizeName,
  phone: normalizePhone,
  address: normalizeAddress,
  id: normalizeId,
  code: normalizeCode,
};

/** Applies one rule to a value; values that are not strings come back unchanged. */
export function normalizeValue(rule: NormalizeRule, value: unknown): unknown {
  return typeof value === 'string' ? byRule[rule](value) : value;
}
