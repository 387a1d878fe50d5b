import { _, str, type KeywordCxt, type KeywordDefinition } from 'ajv';

/** Decimal places of a step (0.01 → 2, 0.25 → 2, 5 → 0); undefined when it has more than 15. */
function decimalPlaces(step: number): number | undefined {
  for (let places = 0; places <= 15; places++) {
    const scale = 10 ** places;
    if (Math.round(step * scale) / scale === step) return places;
  }
  return undefined;
}

/**
 * Whether `value` is a whole number of `step`s.
 *
 * ajv divides and allows 1e-6 off a whole quotient, but from about 10^10 steps (money over
 * ¥100,000,000) a double's rounding error alone is larger: 578922817.31 / 0.01 is
 * 57892281731.00001, so valid amounts were refused. A value is therefore also accepted when it is
 * exactly the double nearest to a whole number of decimal steps (0.01 → n / 100), which is what a
 * typed or rounded amount is; the division test still covers sums like 0.1 + 0.2 and odd steps.
 */
export function isMultipleOf(value: number, step: number): boolean {
  if (step === 0) return true;
  const quotient = value / step;
  if (Math.abs(Math.round(quotient) - quotient) <= 1e-6) return true;
  const places = decimalPlaces(step);
  if (places === undefined) return false;
  const scale = 10 ** places;
  const units = Math.round(value * scale);
  return Number.isSafeInteger(units) && units / scale === value && units % Math.round(step * scale) === 0;
}

/** Replaces ajv's `multipleOf` (same errors and params, so messages are unchanged) with {@link isMultipleOf}. */
export const multipleOfKeyword: KeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  error: {
    message: ({ schemaCode }) => str`must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => _`{multipleOf: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    // `code` names the function in standalone (precompiled) code, which imports Kehu's runtime.
    const check = cxt.gen.scopeValue('func', { ref: isMultipleOf, code: _`runtime.isMultipleOf` });
    cxt.fail(_`!${check}(${cxt.data}, ${cxt.schemaCode})`);
  },
};
