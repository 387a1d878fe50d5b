/**
 * Decimal-safe arithmetic for formulas. Binary floats make `0.1 + 0.2` 0.30000000000000004 and
 * `1.005 * 100` 100.49999999999999; rounding those naively loses a cent. Every formula result is
 * first trimmed to 15 significant digits (what a double holds exactly), then rounded half away
 * from zero by shifting the decimal point in the number's text, not by multiplying.
 */

/** `x` trimmed to 15 significant digits: `0.1 + 0.2` → 0.3. */
export function clean(x: number): number {
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(15)) : x;
}

/** `x` rounded to `digits` decimals, half away from zero: `roundTo(1.005, 2)` → 1.01, `roundTo(-2.5, 0)` → -3. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const value = clean(x);
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(shift(Math.abs(value), digits));
  const result = sign * shift(shifted, -digits);
  return result === 0 ? 0 : result; // no -0 in stored records
}

/**
 * `x × 10^by`, exactly, by moving the decimal point in the number's exponential text: `1e-7` and
 * `1e21` print in exponent form, so appending another `e…` to `String(x)` would not parse.
 */
function shift(x: number, by: number): number {
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + by}`);
}

/** Decimals a field keeps: 2 for money and `multipleOf: 0.01`, 0 for integers, else undefined (no rounding). */
export function decimalsOf(type: string, kind: string, multipleOf: number | undefined): number | undefined {
  if (type === 'integer') return 0;
  if (multipleOf !== undefined && multipleOf > 0 && multipleOf < 1) {
    const text = String(multipleOf);
    const exponent = /e-(\d+)$/.exec(text);
    return exponent ? Number(exponent[1]) : (text.split('.')[1]?.length ?? 0);
  }
  if (kind === 'money') return 2;
  return undefined;
}
