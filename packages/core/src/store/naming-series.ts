/**
 * Naming series (Frappe's term): codes like `KH2026000123` from a pattern `KH{YYYY}{######}`.
 * Tokens: {YYYY} {YY} {MM} {DD}, and one counter `{###…}` whose width is the number of `#`.
 */
export interface SeriesParts {
  /** Everything before the counter, dates filled in: the counter runs per prefix (per year, say). */
  prefix: string;
  suffix: string;
  width: number;
}

export function seriesParts(pattern: string, date = new Date()): SeriesParts {
  const fill = (text: string) =>
    text
      .replace(/\{YYYY\}/g, String(date.getFullYear()))
      .replace(/\{YY\}/g, String(date.getFullYear()).slice(-2))
      .replace(/\{MM\}/g, String(date.getMonth() + 1).padStart(2, '0'))
      .replace(/\{DD\}/g, String(date.getDate()).padStart(2, '0'));
  const match = /\{(#+)\}/.exec(pattern);
  if (!match) return { prefix: fill(pattern), suffix: '', width: 0 };
  return {
    prefix: fill(pattern.slice(0, match.index)),
    suffix: fill(pattern.slice(match.index + match[0].length)),
    width: match[1].length,
  };
}

export function seriesCode(parts: SeriesParts, counter: number): string {
  return parts.prefix + String(counter).padStart(parts.width, '0') + parts.suffix;
}

/** The counter inside a code of this series, or undefined when the code is not one. */
export function seriesCounter(parts: SeriesParts, code: string): number | undefined {
  if (!code.startsWith(parts.prefix) || !code.endsWith(parts.suffix)) return undefined;
  const digits = code.slice(parts.prefix.length, code.length - parts.suffix.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
