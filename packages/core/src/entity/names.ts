import type { LocalizedText } from '../i18n/locale.js';

/** Entity names are what elements and the store use: lowercase words joined by dashes. */
export const entityNamePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** `customer.schema.json`, `https://x.org/schemas/Maintenance_Order.json` → `customer`, `maintenance-order`. */
export function entityNameFrom(value: string): string {
  const last =
    value
      .split(/[/\\#]/)
      .filter(Boolean)
      .pop() ?? value;
  return kebab(last.replace(/\.schema\.json$|\.json$/i, ''));
}

/** `MaintenanceOrder`, `maintenance_order`, `Maintenance Order` → `maintenance-order`. */
export function kebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** `purchaseDate` → `Purchase date`, so a schema without titles still reads well. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label given as a locale map, a plain string, or nothing, as text in every locale. */
export function toText(value: LocalizedText | string | undefined, fallback: string): LocalizedText {
  if (value === undefined || value === '') return { 'zh-CN': fallback, en: fallback };
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  return { 'zh-CN': value['zh-CN'] || value.en || fallback, en: value.en || value['zh-CN'] || fallback };
}

/** Levenshtein distance, for "did you mean" hints on typos in schema files. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The closest candidate within two edits, if any. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
