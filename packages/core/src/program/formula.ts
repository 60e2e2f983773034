import type { Observation, ReportingInterval } from './types.js';

/** Parsed formula of a derived indicator. */
export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; key: string }
  | { kind: 'neg'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

/** A formula that cannot be parsed; `position` is the 0-based character offset of the problem. */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(`${detail} at position ${position}`);
  }
}

/** Limits that keep parsing of hostile input cheap and stack-safe. */
export const FORMULA_LIMITS = { maxLength: 2000, maxDepth: 100 } as const;

const KEY_CHAR = /[a-z0-9-]/;
const DIGIT = /[0-9]/;

/** Parses `{ref} * 1000 / {other}`-style text (numbers, + - * /, parentheses, unary minus) into an AST, or throws FormulaError. */
export function parseFormula(text: string): FormulaNode {
  if (text.length > FORMULA_LIMITS.maxLength) {
    throw new FormulaError(FORMULA_LIMITS.maxLength, `formula longer than ${FORMULA_LIMITS.maxLength} characters`);
  }
  let pos = 0;
  let depth = 0;
  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const peek = (): string | undefined => {
    skipSpace();
    return text[pos];
  };
  const describe = (c: string | undefined): string => (c === undefined ? 'end of formula' : `"${c}"`);

  const expression = (): FormulaNode => {
    if (++depth > FORMULA_LIMITS.maxDepth) throw new FormulaError(pos, 'formula nested too deeply');
    let node = term();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) {
      pos++;
      node = { kind: 'binary', op: c, left: node, right: term() };
    }
    depth--;
    return node;
  };
  const term = (): FormulaNode => {
    let node = unary();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) {
      pos++;
      node = { kind: 'binary', op: c, left: node, right: unary() };
    }
    return node;
  };
  const unary = (): FormulaNode => {
    if (peek() !== '-') return primary();
    pos++;
    if (++depth > FORMULA_LIMITS.maxDepth) throw new FormulaError(pos, 'formula nested too deeply');
    const operand = unary();
    depth--;
    return { kind: 'neg', operand };
  };
  const primary = (): FormulaNode => {
    const c = peek();
    const start = pos;
    if (c === '(') {
      pos++;
      const node = expression();
      if (peek() !== ')') throw new FormulaError(pos, `expected ")" but found ${describe(text[pos])}`);
      pos++;
      return node;
    }
    if (c === '{') {
      pos++;
      while (pos < text.length && KEY_CHAR.test(text[pos]!)) pos++;
      const key = text.slice(start + 1, pos);
      if (text[pos] !== '}') {
        throw new FormulaError(pos, `expected a key of a-z, 0-9 and "-" followed by "}" but found ${describe(text[pos])}`);
      }
      if (key === '') throw new FormulaError(pos, 'empty reference "{}"');
      pos++;
      return { kind: 'ref', key };
    }
    if (c !== undefined && DIGIT.test(c)) {
      while (pos < text.length && DIGIT.test(text[pos]!)) pos++;
      if (text[pos] === '.') {
        pos++;
        if (!DIGIT.test(text[pos] ?? '')) throw new FormulaError(pos, 'expected a digit after "."');
        while (pos < text.length && DIGIT.test(text[pos]!)) pos++;
      }
      const value = Number(text.slice(start, pos));
      if (!Number.isFinite(value)) throw new FormulaError(start, 'number too large');
      return { kind: 'number', value };
    }
    throw new FormulaError(pos, `expected a number, "{reference}", "(" or "-" but found ${describe(c)}`);
  };

  const ast = expression();
  if (peek() !== undefined) throw new FormulaError(pos, `unexpected ${describe(text[pos])}`);
  return ast;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** Canonical text of a formula with only the parentheses it needs; parseFormula(formatFormula(ast)) equals ast. */
export function formatFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'ref':
      return `{${node.key}}`;
    case 'neg':
      return node.operand.kind === 'binary' ? `-(${formatFormula(node.operand)})` : `-${formatFormula(node.operand)}`;
    case 'binary': {
      const p = PRECEDENCE[node.op];
      const wrap = (child: FormulaNode, needs: boolean): string =>
        needs ? `(${formatFormula(child)})` : formatFormula(child);
      const left = wrap(node.left, node.left.kind === 'binary' && PRECEDENCE[node.left.op] < p);
      const right = wrap(node.right, node.right.kind === 'binary' && PRECEDENCE[node.right.op] <= p);
      return `${left} ${node.op} ${right}`;
    }
  }
}

/** The distinct reference keys a formula uses, in order of first appearance. */
export function formulaReferences(node: FormulaNode): string[] {
  const keys = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'ref') keys.add(n.key);
    else if (n.kind === 'neg') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...keys];
}

/** Computes a formula; null when a reference is missing or not finite, on division by zero, or when the result is not finite. */
export function evaluateFormula(node: FormulaNode, values: Readonly<Record<string, number>>): number | null {
  const ev = (n: FormulaNode): number | null => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'ref': {
        const v = Object.hasOwn(values, n.key) ? values[n.key] : undefined;
        return v !== undefined && Number.isFinite(v) ? v : null;
      }
      case 'neg': {
        const v = ev(n.operand);
        return v === null ? null : -v;
      }
      case 'binary': {
        const a = ev(n.left);
        const b = ev(n.right);
        if (a === null || b === null) return null;
        if (n.op === '/') return b === 0 ? null : a / b;
        return n.op === '+' ? a + b : n.op === '-' ? a - b : a * b;
      }
    }
  };
  const result = ev(node);
  return result !== null && Number.isFinite(result) ? result : null;
}

interface SeriesIndex {
  byDate: Map<string, number>;
  byYear: Map<string, { date: string; value: number }>;
  yearly: boolean;
}

function indexSeries(series: readonly Observation[], interval: ReportingInterval | undefined): SeriesIndex {
  const byDate = new Map<string, number>();
  const byYear = new Map<string, { date: string; value: number }>();
  const years = new Set<string>();
  let repeatsYear = false;
  for (const o of series) {
    if (!Number.isFinite(o.value)) continue;
    const year = o.date.slice(0, 4);
    if (years.has(year) && !byDate.has(o.date)) repeatsYear = true;
    years.add(year);
    byDate.set(o.date, o.value);
    const prev = byYear.get(year);
    if (!prev || o.date >= prev.date) byYear.set(year, { date: o.date, value: o.value });
  }
  return { byDate, byYear, yearly: interval ? interval === 'yearly' : !repeatsYear };
}

/**
 * Computes a derived series: one value for each date present in every referenced series. A yearly reference
 * (per `intervals`, or when no interval is given: at most one date per calendar year) also matches any date in the same
 * year. When all references are yearly, there is one value per year, dated with the latest of the matched dates.
 * Dates where the formula gives null (e.g. division by zero) are left out.
 */
export function deriveSeries(
  ast: FormulaNode,
  seriesByKey: Readonly<Record<string, readonly Observation[]>>,
  intervals: Readonly<Record<string, ReportingInterval>> = {},
): Observation[] {
  const keys = formulaReferences(ast);
  if (keys.length === 0) return [];
  const index = new Map<string, SeriesIndex>();
  for (const key of keys) {
    const series = Object.hasOwn(seriesByKey, key) ? seriesByKey[key] : undefined;
    if (!series) return [];
    index.set(key, indexSeries(series, Object.hasOwn(intervals, key) ? intervals[key] : undefined));
  }
  const exactKey = keys.find((k) => !index.get(k)!.yearly);
  const out: Observation[] = [];
  const emit = (date: string, pick: (s: SeriesIndex) => { date: string; value: number } | undefined): void => {
    const values: Record<string, number> = {};
    let latest = date;
    for (const key of keys) {
      const hit = pick(index.get(key)!);
      if (!hit) return;
      values[key] = hit.value;
      if (hit.date > latest) latest = hit.date;
    }
    const value = evaluateFormula(ast, values);
    if (value !== null) out.push({ date: latest, value });
  };
  if (exactKey) {
    for (const date of index.get(exactKey)!.byDate.keys()) {
      emit(date, (s) => {
        const exact = s.byDate.get(date);
        if (exact !== undefined) return { date, value: exact };
        const sameYear = s.yearly ? s.byYear.get(date.slice(0, 4)) : undefined;
        return sameYear && { date, value: sameYear.value };
      });
    }
  } else {
    for (const year of index.get(keys[0]!)!.byYear.keys()) emit(`${year}-01-01`, (s) => s.byYear.get(year));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
