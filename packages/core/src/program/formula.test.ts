import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FormulaNode } from './formula.js';
import {
  FORMULA_LIMITS,
  FormulaError,
  deriveSeries,
  evaluateFormula,
  formatFormula,
  formulaReferences,
  parseFormula,
} from './formula.js';

const calc = (text: string, values: Record<string, number> = {}): number | null =>
  evaluateFormula(parseFormula(text), values);

const errorAt = (text: string): number => {
  try {
    parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) return e.position;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
};

describe('parseFormula / evaluateFormula', () => {
  it('evaluates the per-capita example', () => {
    const ast = parseFormula('{a6-foodwaste-total-t} * 1000 / {population}');
    expect(formulaReferences(ast)).toEqual(['a6-foodwaste-total-t', 'population']);
    expect(evaluateFormula(ast, { 'a6-foodwaste-total-t': 1500, population: 60_000 })).toBe(25);
  });

  it('follows precedence, left associativity, parentheses and unary minus', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('2 - 3 - 4')).toBe(-5);
    expect(calc('8 / 4 / 2')).toBe(1);
    expect(calc('-2 * -3')).toBe(6);
    expect(calc('--4')).toBe(4);
    expect(calc('-(1 + 2) * 2')).toBe(-6);
    expect(calc('10 / 4')).toBe(2.5);
    expect(calc('  0.25*{x}\t', { x: 8 })).toBe(2);
  });

  it('gives null for missing references, non-finite inputs and division by zero', () => {
    expect(calc('{a} + 1')).toBeNull();
    expect(calc('{a} + 1', { a: NaN })).toBeNull();
    expect(calc('{a} / ({b} - 2)', { a: 1, b: 2 })).toBeNull();
    expect(calc('{constructor} + 1')).toBeNull();
    expect(calc('0 / 1')).toBe(0);
  });

  it('lists each reference once, in order of first use', () => {
    expect(formulaReferences(parseFormula('{b} + {a} * {b} - -{c}'))).toEqual(['b', 'a', 'c']);
    expect(formulaReferences(parseFormula('42'))).toEqual([]);
  });

  it('reports the position of syntax errors', () => {
    expect(errorAt('')).toBe(0);
    expect(errorAt('1 +')).toBe(3);
    expect(errorAt('1 2')).toBe(2);
    expect(errorAt('{Pop}')).toBe(1);
    expect(errorAt('{}')).toBe(1);
    expect(errorAt('{a b}')).toBe(2);
    expect(errorAt('(1 + 2')).toBe(6);
    expect(errorAt('1.')).toBe(2);
    expect(errorAt('.5')).toBe(0);
    expect(errorAt('2 ** 3')).toBe(3);
    expect(errorAt('1 + x')).toBe(4);
    expect(errorAt('9'.repeat(400))).toBe(0);
    expect(() => parseFormula('1 +')).toThrow(/expected a number.*end of formula at position 3/);
  });

  it('rejects hostile input with FormulaError, not a stack overflow', () => {
    expect(() => parseFormula('('.repeat(600) + '1' + ')'.repeat(600))).toThrow(/nested too deeply/);
    expect(() => parseFormula('-'.repeat(600) + '1')).toThrow(/nested too deeply/);
    expect(() => parseFormula('1+'.repeat(FORMULA_LIMITS.maxLength))).toThrow(/longer than/);
    expect(calc('('.repeat(50) + '1' + ')'.repeat(50))).toBe(1);
  });

  it('formats with only the parentheses needed', () => {
    expect(formatFormula(parseFormula('((1+2))*(3*{a})-(4-5)'))).toBe('(1 + 2) * (3 * {a}) - (4 - 5)');
    expect(formatFormula(parseFormula('-(1*2) - -3'))).toBe('-(1 * 2) - -3');
    expect(formatFormula(parseFormula('(1*2)*3 + (4+5)'))).toBe('1 * 2 * 3 + (4 + 5)');
  });

  const key = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  const num = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100));
  const { node: arbAst } = fc.letrec<{ node: FormulaNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      num.map((value): FormulaNode => ({ kind: 'number', value })),
      key.map((k): FormulaNode => ({ kind: 'ref', key: k })),
      tie('node').map((operand): FormulaNode => ({ kind: 'neg', operand })),
      fc
        .record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('node'), right: tie('node') })
        .map((b): FormulaNode => ({ kind: 'binary', ...b })),
    ),
  }));

  it('property: formatting then parsing a well-formed AST gives the same AST', () => {
    fc.assert(
      fc.property(arbAst, (ast) => {
        expect(parseFormula(formatFormula(ast))).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it('property: random strings either parse (and then round-trip) or throw FormulaError', () => {
    const grammarish = fc.string({ unit: fc.constantFrom(...'0123456789.{}()+-*/ ab-xZ'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), grammarish), (text) => {
        let ast: FormulaNode;
        try {
          ast = parseFormula(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
          const { position } = e as FormulaError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
          return;
        }
        expect(parseFormula(formatFormula(ast))).toEqual(ast);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: evaluation agrees with the same formula written with explicit parentheses', () => {
    const explicit = (n: FormulaNode): string =>
      n.kind === 'number' ? String(n.value)
      : n.kind === 'ref' ? `{${n.key}}`
      : n.kind === 'neg' ? `(-${explicit(n.operand)})`
      : `(${explicit(n.left)} ${n.op} ${explicit(n.right)})`;
    fc.assert(
      fc.property(arbAst, fc.integer({ min: -50, max: 50 }), (ast, v) => {
        const values = Object.fromEntries(formulaReferences(ast).map((k, i) => [k, v + i]));
        expect(evaluateFormula(parseFormula(formatFormula(ast)), values)).toBe(evaluateFormula(parseFormula(explicit(ast)), values));
      }),
    );
  });
});

describe('deriveSeries', () => {
  const perCapita = parseFormula('{waste} * 1000 / {population}');

  it('matches yearly series by year and dates the value at the latest matched date', () => {
    const out = deriveSeries(perCapita, {
      waste: [{ date: '2023-12-31', value: 1200 }, { date: '2024-12-31', value: 1100 }, { date: '2025-12-31', value: 1000 }],
      population: [{ date: '2023-01-01', value: 60_000 }, { date: '2024-01-01', value: 55_000 }],
    });
    expect(out).toEqual([
      { date: '2023-12-31', value: 20 },
      { date: '2024-12-31', value: 20 },
    ]);
  });

  it('matches quarterly series by exact date and a yearly series by year', () => {
    const out = deriveSeries(parseFormula('{a} + {b} + {pop}'), {
      a: [{ date: '2024-03-31', value: 1 }, { date: '2024-06-30', value: 2 }, { date: '2024-09-30', value: 3 }],
      b: [{ date: '2024-06-30', value: 10 }, { date: '2024-09-30', value: 20 }, { date: '2024-12-31', value: 30 }],
      pop: [{ date: '2024-01-01', value: 100 }],
    }, { pop: 'yearly' });
    expect(out).toEqual([
      { date: '2024-06-30', value: 112 },
      { date: '2024-09-30', value: 123 },
    ]);
  });

  it('infers yearly when a series has at most one value per year, unless intervals say otherwise', () => {
    const series = {
      a: [{ date: '2024-03-31', value: 1 }, { date: '2024-06-30', value: 2 }],
      pop: [{ date: '2024-01-01', value: 100 }],
    };
    const ast = parseFormula('{a} * {pop}');
    expect(deriveSeries(ast, series).map((o) => o.value)).toEqual([100, 200]);
    expect(deriveSeries(ast, series, { pop: 'quarterly' })).toEqual([]);
  });

  it('skips dates where the formula has no value, and handles missing series', () => {
    const out = deriveSeries(perCapita, {
      waste: [{ date: '2023-12-31', value: 5 }, { date: '2024-12-31', value: 6 }],
      population: [{ date: '2023-12-31', value: 0 }, { date: '2024-12-31', value: 3 }],
    });
    expect(out).toEqual([{ date: '2024-12-31', value: 2000 }]);
    expect(deriveSeries(perCapita, { waste: [{ date: '2023-12-31', value: 5 }] })).toEqual([]);
    expect(deriveSeries(parseFormula('1 + 1'), {})).toEqual([]);
  });

  it('property: a single-reference identity formula reproduces a yearly series', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2000, max: 2100 }), { maxLength: 10 }),
        fc.integer({ min: -1000, max: 1000 }),
        (years, v) => {
          const series = years.map((y, i) => ({ date: `${y}-12-31`, value: v + i }));
          const out = deriveSeries(parseFormula('{x} * 1'), { x: series });
          expect(out).toEqual([...series].sort((a, b) => a.date.localeCompare(b.date)));
        },
      ),
    );
  });
});
