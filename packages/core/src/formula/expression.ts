import { clean, roundTo } from './decimal.js';

/**
 * A small, safe expression language for computed fields (`x-kehu.formula`), e.g.
 * `quantity * unitPrice * (1 - discount / 100)` or `sum(lines.amount)`. It is parsed here and
 * walked as a tree: no `eval`, no `new Function`, so it runs under a strict Content-Security-Policy.
 *
 * Grammar, loosest first: `a ? b : c` is not supported — use `if(cond, a, b)`.
 *   or: and ('||' and)*          and: compare ('&&' compare)*
 *   compare: sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
 *   sum: product (('+'|'-') product)*   product: unary (('*'|'/'|'%') unary)*
 *   unary: ('-'|'!') unary | primary     primary: number | 'text' | name(.name)* | call | '(' or ')'
 */
export type Expression =
  | { type: 'number'; value: number }
  | { type: 'text'; value: string }
  | { type: 'name'; path: string[] }
  | { type: 'unary'; op: '-' | '!'; operand: Expression }
  | { type: 'binary'; op: string; left: Expression; right: Expression }
  | { type: 'call'; name: string; args: Expression[] };

/** A formula that cannot be parsed; `position` is the 0-based character where it went wrong. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

/** Functions formulas may call, with how many arguments each takes. */
export const formulaFunctions: Record<string, { min: number; max: number; aggregate?: boolean }> = {
  sum: { min: 1, max: 1, aggregate: true },
  count: { min: 1, max: 1, aggregate: true },
  avg: { min: 1, max: 1, aggregate: true },
  min: { min: 1, max: 8 },
  max: { min: 1, max: 8 },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  if: { min: 3, max: 3 },
  coalesce: { min: 2, max: 8 },
};

type Token = { kind: 'num' | 'text' | 'name' | 'op' | 'end'; text: string; at: number };

const operators = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', ',', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'num', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new FormulaSyntaxError(`unclosed text starting at ${i + 1}`, i);
      tokens.push({ kind: 'text', text: source.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = operators.find((o) => source.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`unexpected "${c}" at ${i + 1}`, i);
    tokens.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', at: source.length });
  return tokens;
}

const levels: string[][] = [['||'], ['&&'], ['==', '!=', '<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

/** Parses a formula; throws `FormulaSyntaxError` saying where it went wrong. */
export function parseFormula(source: string): Expression {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (text: string) => {
    const token = tokens[pos];
    if (token.text !== text || token.kind !== 'op') {
      const found = token.kind === 'end' ? 'the end' : `"${token.text}"`;
      throw new FormulaSyntaxError(`expected "${text}" at ${token.at + 1}, found ${found}`, token.at);
    }
    pos++;
  };
  const binary = (level: number): Expression => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    // Comparisons do not chain (`a < b < c` is a mistake, not a range test).
    const once = level === 2;
    while (peek().kind === 'op' && levels[level].includes(peek().text)) {
      const op = tokens[pos++].text;
      left = { type: 'binary', op, left, right: binary(level + 1) };
      if (once) break;
    }
    return left;
  };
  const unary = (): Expression => {
    const token = peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '!')) {
      pos++;
      return { type: 'unary', op: token.text, operand: unary() };
    }
    return primary();
  };
  const primary = (): Expression => {
    const token = tokens[pos++];
    if (token.kind === 'num') return { type: 'number', value: Number(token.text) };
    if (token.kind === 'text') return { type: 'text', value: token.text };
    if (token.kind === 'name') {
      if (peek().text === '(' && peek().kind === 'op') {
        pos++;
        const args: Expression[] = [];
        if (peek().text !== ')') {
          args.push(binary(0));
          while (peek().text === ',' && peek().kind === 'op') {
            pos++;
            args.push(binary(0));
          }
        }
        expect(')');
        return { type: 'call', name: token.text, args };
      }
      const path = [token.text];
      while (peek().text === '.' && peek().kind === 'op') {
        pos++;
        const next = tokens[pos++];
        if (next.kind !== 'name') throw new FormulaSyntaxError(`expected a field name at ${next.at + 1}`, next.at);
        path.push(next.text);
      }
      return { type: 'name', path };
    }
    if (token.kind === 'op' && token.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    const found = token.kind === 'end' ? 'the end' : `"${token.text}"`;
    throw new FormulaSyntaxError(`unexpected ${found} at ${token.at + 1}`, token.at);
  };
  const tree = binary(0);
  const rest = peek();
  if (rest.kind !== 'end') throw new FormulaSyntaxError(`unexpected "${rest.text}" at ${rest.at + 1}`, rest.at);
  return tree;
}

/** Every field path a formula reads, and every function it calls (for checks and dependencies). */
export function formulaNames(tree: Expression): { paths: string[][]; calls: Expression[] } {
  const paths: string[][] = [];
  const calls: Expression[] = [];
  const walk = (node: Expression) => {
    if (node.type === 'name') paths.push(node.path);
    else if (node.type === 'unary') walk(node.operand);
    else if (node.type === 'binary') {
      walk(node.left);
      walk(node.right);
    } else if (node.type === 'call') {
      calls.push(node);
      node.args.forEach(walk);
    }
  };
  walk(tree);
  return { paths, calls };
}

/** Reads a field path from the record being computed; `undefined` when absent. */
export type FormulaScope = (path: string[]) => unknown;

/** `node[key]` when it is the object's own data; inherited members (`constructor`) are absent. */
export function ownValue(node: unknown, key: string): unknown {
  return node && typeof node === 'object' && Object.hasOwn(node, key)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Numbers of an aggregate's argument: `lines.amount` is the `amount` of every row of `lines`. */
function column(scope: FormulaScope, node: Expression): number[] {
  if (node.type !== 'name') return [];
  const [list, ...rest] = node.path;
  const rows = scope([list]);
  if (!Array.isArray(rows)) return [];
  return rows.map((row) => rest.reduce<unknown>((v, k) => ownValue(v, k), row)).filter(isNumber);
}

/**
 * Evaluates a parsed formula. Absent or non-numeric operands make arithmetic absent (`undefined`),
 * so an empty quantity leaves the amount empty instead of 0; division by zero is absent too, never
 * Infinity. Aggregates skip rows without a number. Every arithmetic step is trimmed to 15
 * significant digits (`0.1 + 0.2` is 0.3).
 */
export function evaluateFormula(tree: Expression, scope: FormulaScope): unknown {
  const ev = (node: Expression): unknown => {
    switch (node.type) {
      case 'number':
      case 'text':
        return node.value;
      case 'name': {
        // Only data: a scope that leaks an inherited member (`constructor`) never hands out a function.
        const v = scope(node.path);
        return typeof v === 'function' ? undefined : v;
      }
      case 'unary': {
        const v = ev(node.operand);
        if (node.op === '!') return !v;
        return isNumber(v) ? clean(-v) : undefined;
      }
      case 'binary':
        return binaryOp(node.op, ev(node.left), () => ev(node.right));
      case 'call':
        return call(node, ev, scope);
    }
  };
  return ev(tree);
}

function binaryOp(op: string, a: unknown, right: () => unknown): unknown {
  if (op === '&&') return a ? right() : a;
  if (op === '||') return a ? a : right();
  const b = right();
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (!isNumber(a) || !isNumber(b)) {
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    if (['<', '<=', '>', '>='].includes(op) && typeof a === 'string' && typeof b === 'string') {
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    return undefined;
  }
  switch (op) {
    case '+':
      return clean(a + b);
    case '-':
      return clean(a - b);
    case '*':
      return clean(a * b);
    case '/':
      return b === 0 ? undefined : clean(a / b);
    case '%':
      return b === 0 ? undefined : clean(a % b);
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function call(node: Extract<Expression, { type: 'call' }>, ev: (n: Expression) => unknown, scope: FormulaScope) {
  const args = node.args;
  switch (node.name) {
    case 'sum':
      return column(scope, args[0]).reduce((total, n) => clean(total + n), 0);
    case 'count':
      return column(scope, args[0]).length;
    case 'avg': {
      const values = column(scope, args[0]);
      return values.length ? clean(values.reduce((t, n) => t + n, 0) / values.length) : undefined;
    }
    case 'min':
    case 'max': {
      const values = args.map(ev);
      if (!values.every(isNumber)) return undefined;
      return node.name === 'min' ? Math.min(...values) : Math.max(...values);
    }
    case 'abs': {
      const v = ev(args[0]);
      return isNumber(v) ? Math.abs(v) : undefined;
    }
    case 'round': {
      const v = ev(args[0]);
      const digits = args[1] ? ev(args[1]) : 0;
      return isNumber(v) && isNumber(digits) ? roundTo(v, digits) : undefined;
    }
    case 'if':
      return ev(args[0]) ? ev(args[1]) : ev(args[2]);
    case 'coalesce':
      // The first present value: `coalesce(discount, 0)` reads an empty discount as 0.
      for (const arg of args) {
        const v = ev(arg);
        if (v !== undefined && v !== null && v !== '') return v;
      }
      return undefined;
    default:
      // Unknown functions are refused when the schema is checked; this is only reached for unchecked trees.
      throw new FormulaSyntaxError(`unknown function "${node.name}"`, 0);
  }
}
