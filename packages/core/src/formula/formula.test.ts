import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defineEntity } from '../entity/define-entity.js';
import { checkEntitySchema } from '../entity/check.js';
import { createStore } from '../store/create-store.js';
import type { JsonSchema } from '../entity/types.js';
import { evaluateFormula, parseFormula, FormulaSyntaxError } from './expression.js';
import { roundTo } from './decimal.js';
import { recompute, withComputed } from './computed.js';

const calc = (formula: string, values: Record<string, unknown> = {}) =>
  evaluateFormula(parseFormula(formula), (path) =>
    path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      values,
    ),
  );

const money = { type: 'number', minimum: 0, multipleOf: 0.01, 'x-kehu': { widget: 'money' } };

/** A quote with lines (amount = quantity × price × (1 − discount %)) and a total. */
const quote = (
  total = 'sum(lines.amount)',
  amount = 'quantity * unitPrice * (1 - coalesce(discount, 0) / 100)',
): JsonSchema => ({
  $id: 'quote',
  type: 'object',
  properties: {
    title: { type: 'string' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          quantity: { type: 'number' },
          unitPrice: money,
          discount: { type: 'number' },
          amount: { ...money, 'x-kehu': { widget: 'money', formula: amount } },
        },
      },
    },
    totalAmount: { ...money, 'x-kehu': { widget: 'money', formula: total } },
  },
});

describe('formula evaluator', () => {
  it('follows arithmetic precedence and parentheses', () => {
    assert.equal(calc('1 + 2 * 3'), 7);
    assert.equal(calc('(1 + 2) * 3'), 9);
    assert.equal(calc('10 - 4 - 3'), 3);
    assert.equal(calc('2 * -3 + 8 / 4'), -4);
    assert.equal(calc('1 + 2 > 2 && 3 < 4'), true);
    assert.equal(calc('if(kind == "b2b", 1, 2)', { kind: 'b2b' }), 1);
  });

  it('reads fields and column aggregates', () => {
    const lines = [{ amount: 1.5 }, { amount: 2 }, {}];
    assert.equal(calc('sum(lines.amount)', { lines }), 3.5);
    assert.equal(calc('count(lines.amount)', { lines }), 2);
    assert.equal(calc('sum(lines.amount)', {}), 0);
    assert.equal(calc('max(a, b) - min(a, b)', { a: 3, b: 8 }), 5);
  });

  it('keeps decimal sums exact: 0.1 + 0.2 is 0.3', () => {
    assert.equal(calc('a + b', { a: 0.1, b: 0.2 }), 0.3);
    assert.equal(calc('sum(l.x)', { l: [{ x: 0.1 }, { x: 0.2 }, { x: 0.3 }] }), 0.6);
    assert.equal(calc('1.1 * 3'), 3.3);
  });

  it('rounds money half away from zero without losing a cent', () => {
    assert.equal(roundTo(1.005, 2), 1.01);
    assert.equal(roundTo(2.675, 2), 2.68);
    assert.equal(roundTo(-2.5, 0), -3);
    assert.equal(roundTo(0.1 + 0.2, 2), 0.3);
    assert.equal(calc('round(a, 2)', { a: 1.345 }), 1.35);
  });

  it('rounds numbers that print in exponent form (tiny and huge amounts) instead of giving NaN', () => {
    assert.equal(roundTo(1e-7, 2), 0);
    assert.equal(roundTo(0.00001 * 0.01, 2), 0);
    assert.equal(roundTo(1e21, 2), 1e21);
    assert.equal(roundTo(1.5e-7, 7), 2e-7);
    assert.equal(calc('round(a, 2)', { a: 1e-9 }), 0);
  });

  it('leaves the result empty on division by zero or a missing operand', () => {
    assert.equal(calc('a / b', { a: 1, b: 0 }), undefined);
    assert.equal(calc('a % 0', { a: 1 }), undefined);
    assert.equal(calc('quantity * unitPrice', { quantity: 2 }), undefined);
    assert.equal(calc('coalesce(discount, 0) + 1', {}), 1);
  });

  it('says where a formula cannot be read', () => {
    assert.throws(() => parseFormula('quantity * '), FormulaSyntaxError);
    assert.throws(() => parseFormula('a + (b'), /expected "\)"/);
    assert.throws(() => parseFormula('a ; b'), /unexpected ";" at 3/);
    assert.throws(() => parseFormula('a < b < c'), /unexpected "<"/);
  });

  it('cannot reach JavaScript: names are field lookups only', () => {
    assert.equal(calc('constructor'), undefined);
    assert.throws(() => calc('alert(1)'), /unknown function/);
  });
});

describe('formulas in entity schemas', () => {
  const messages = (schema: JsonSchema) => checkEntitySchema(schema).map((p) => `${p.pointer}: ${p.message.en}`);

  it('accepts a valid schema', () => {
    assert.deepEqual(messages(quote()), []);
  });

  it('names the field and the unknown name, with a guess', () => {
    const problems = messages(quote('sum(lines.amout)', 'quantity * unitPrise'));
    assert.equal(problems.length, 2);
    assert.match(
      problems[0],
      /\/properties\/lines\/items\/properties\/amount\/x-kehu\/formula: .*"amount" reads "unitPrise".*"unitPrice"/,
    );
    assert.match(
      problems[1],
      /\/properties\/totalAmount\/x-kehu\/formula: .*"totalAmount".*"amout" is not a field of "lines".*"amount"/,
    );
  });

  it('refuses unknown functions, bad syntax and cycles', () => {
    assert.match(messages(quote('summ(lines.amount)'))[0], /unknown function "summ": did you mean "sum"/);
    assert.match(messages(quote('1 +'))[0], /totalAmount.*cannot be read/);
    assert.match(messages(quote('sum(lines)'))[0], /takes a column of line items/);
    const cyclic = quote();
    (cyclic.properties!.title as JsonSchema)['x-kehu'] = { formula: 'totalAmount' };
    (cyclic.properties!.totalAmount as JsonSchema)['x-kehu'] = { formula: 'title + 1' };
    assert.match(
      messages(cyclic).join('\n'),
      /circle: (title → totalAmount → title|totalAmount → title → totalAmount)/,
    );
  });

  it('refuses a visibleWhen on a missing field or on an always-required field', () => {
    const schema = quote();
    schema.required = ['title'];
    (schema.properties!.title as JsonSchema)['x-kehu'] = { visibleWhen: { field: 'kidn', in: ['b2b'] } };
    const problems = messages(schema).join('\n');
    assert.match(problems, /tests "kidn", which is not a field here/);
    assert.match(problems, /"title" is always required/);
  });
});

describe('computed fields', () => {
  const entity = defineEntity(quote());
  const record = () => ({
    lines: [
      { quantity: 3, unitPrice: 0.1 },
      { quantity: 1, unitPrice: 19.99, discount: 15 },
    ],
  });

  it('computes lines, then totals, rounded to the cent', () => {
    const out = withComputed(entity, record());
    assert.deepEqual(
      out.lines.map((l) => (l as Record<string, unknown>).amount),
      [0.3, 16.99],
    );
    assert.equal((out as Record<string, unknown>).totalAmount, 17.29);
    assert.equal(entity.field(['lines', 'amount'])?.readOnly, true);
  });

  it('recomputes only the edited row and reports what changed', () => {
    const data = withComputed(entity, record()) as Record<string, unknown> & { lines: Record<string, unknown>[] };
    data.lines[0].amount = 999; // a stale value in another row stays: only row 1 was edited
    data.lines[1].quantity = 2;
    const changed = recompute(entity, data, ['lines', 1, 'quantity']);
    assert.deepEqual(changed, [['lines', 1, 'amount'], ['totalAmount']]);
    assert.equal(data.lines[0].amount, 999);
    assert.equal(data.lines[1].amount, 33.98);
  });

  it('are recomputed by the store, so imported data cannot carry a wrong total', async () => {
    const store = await createStore({
      entities: [quote()],
      storage: getRxStorageMemory(),
      name: `formula-${Date.now()}`,
    });
    try {
      const repo = store.entity('quote');
      const saved = await repo.insert({ lines: [{ quantity: 2, unitPrice: 5, amount: 1 }], totalAmount: 12345 });
      assert.equal(saved.totalAmount, 10);
      assert.equal((saved.lines as Record<string, unknown>[])[0].amount, 10);
      const patched = await repo.patch(saved.id, {
        lines: [
          { quantity: 1, unitPrice: 0.1 },
          { quantity: 1, unitPrice: 0.2 },
        ],
      });
      assert.equal(patched.totalAmount, 0.3);
      await repo.bulkInsert([{ lines: [{ quantity: 0.5, unitPrice: 2.01 }], totalAmount: 0 }]);
      const all = await repo.find({ selector: { totalAmount: 1.01 } });
      assert.equal(all.length, 1);
    } finally {
      await store.close();
    }
  });
});
