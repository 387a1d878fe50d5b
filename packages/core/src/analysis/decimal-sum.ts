/**
 * A sum of decimal numbers without binary floating-point drift: 0.1 + 0.2 is 0.3, and 100,000 money
 * amounts add up to the cent. Each number is taken at the decimal value JavaScript prints for it
 * (`String(0.1)` is `0.1`) and added as a scaled big integer; with `decimals` (2 for a field whose
 * `multipleOf` is 0.01) every number is first rounded to that many places, half away from zero, so
 * the sum is made in integer cents.
 */
export class DecimalSum {
  /** The sum times 10^digits. */
  private units = 0n;
  private digits = 0;

  constructor(private decimals?: number) {}

  add(value: number): void {
    let { units, digits } = scaled(value);
    if (this.decimals !== undefined && digits > this.decimals) {
      units = roundAway(units, 10n ** BigInt(digits - this.decimals));
      digits = this.decimals;
    }
    if (digits > this.digits) {
      this.units *= 10n ** BigInt(digits - this.digits);
      this.digits = digits;
    }
    this.units += digits < this.digits ? units * 10n ** BigInt(this.digits - digits) : units;
  }

  /** Adds another sum (merging groups). */
  merge(other: DecimalSum): void {
    const digits = Math.max(this.digits, other.digits);
    this.units = this.units * 10n ** BigInt(digits - this.digits) + other.units * 10n ** BigInt(digits - other.digits);
    this.digits = digits;
  }

  /** The nearest double to the exact decimal sum. */
  value(): number {
    return Number(decimalString(this.units, this.digits));
  }

  /** The exact sum divided by `n`, as the nearest double. */
  divide(n: number): number {
    return this.value() / n;
  }
}

/** Integer division rounding half away from zero. */
function roundAway(units: bigint, divisor: bigint): bigint {
  const quotient = units / divisor;
  const remainder = units % divisor;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < divisor) return quotient;
  return units < 0n ? quotient - 1n : quotient + 1n;
}

/** `value` as an integer and a count of decimal places: 12.34 → 1234n, 2. */
function scaled(value: number): { units: bigint; digits: number } {
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return { units: BigInt(value), digits: 0 };
  const text = String(value);
  const [mantissa, exponentText] = text.split('e');
  const exponent = exponentText ? Number(exponentText) : 0;
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  let digits = fraction.length - exponent;
  let units = BigInt(whole + fraction);
  if (digits < 0) {
    units *= 10n ** BigInt(-digits);
    digits = 0;
  }
  return { units: negative ? -units : units, digits };
}

/** 1234n, 2 → "12.34"; -5n, 3 → "-0.005". */
function decimalString(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const split = text.length - digits;
  return `${negative ? '-' : ''}${text.slice(0, split)}${digits ? `.${text.slice(split)}` : ''}`;
}
