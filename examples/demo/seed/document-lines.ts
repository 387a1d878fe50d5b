/** Document lines whose amounts, and their sum, are stored to the cent and pass the schema's `multipleOf: 0.01`. */
import { storableCents } from './random.js';

export interface Line {
  product?: string;
  description: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  amount: number;
}

/** Fills in `amount` = quantity × unit price × (1 − discount), rounded to the cent. */
export function priced(line: Line): Line {
  const cents = Math.round((line.quantity * Math.round(line.unitPrice * 100) * (100 - line.discount)) / 100);
  return { ...line, amount: cents / 100 };
}

/**
 * Keeps every amount and the total storable under `multipleOf: 0.01` (see `storableCents`), as a
 * salesperson would: another discount step, a few cents off the unit price, or one more unit. Only
 * the last line moves for the total; the failing values cluster, so one lever alone can run dry.
 */
export function balanced(lines: Line[]): Line[] {
  const fixed = lines.map((l) => (storableCents(Math.round(l.amount * 100)) ? l : concede(l, () => true)));
  const total = () => fixed.reduce((sum, l) => sum + Math.round(l.amount * 100), 0);
  if (!storableCents(total())) {
    const last = fixed.length - 1;
    const rest = total() - Math.round(fixed[last].amount * 100);
    fixed[last] = concede(fixed[last], (cents) => storableCents(rest + cents));
  }
  return fixed;
}

function concede(line: Line, accept: (cents: number) => boolean): Line {
  for (const candidate of concessions(line)) {
    const cents = Math.round(candidate.amount * 100);
    if (storableCents(cents) && accept(cents)) return candidate;
  }
  throw new Error(
    `No storable amount near ${line.description}: ${line.quantity} × ${line.unitPrice} − ${line.discount}%`,
  );
}

function* concessions(line: Line): Generator<Line> {
  const listCents = Math.round(line.unitPrice * 100);
  for (let extra = 0; extra <= 10; extra++) {
    for (let off = 0; off <= Math.min(listCents, 300); off++) {
      if (!storableCents(listCents - off)) continue;
      for (const discount of off === 0 ? [line.discount, 0, 5, 10, 15, 2, 3, 8] : [line.discount]) {
        yield priced({ ...line, quantity: line.quantity + extra, unitPrice: (listCents - off) / 100, discount });
      }
    }
  }
}
