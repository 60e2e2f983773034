import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatOrgNumber, isValidOrgNumber, normaliseOrgNumber, orgNumberCheckDigit } from './orgnr.js';

const prefix8 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 });
const validOrgNumber = prefix8
  .map((p) => ({ p, c: orgNumberCheckDigit(p) }))
  .filter((x): x is { p: string; c: number } => x.c !== null)
  .map(({ p, c }) => `${p}${c}`);

describe('orgnr', () => {
  it('normalises, validates and formats known numbers', () => {
    expect(normaliseOrgNumber('927 124 238')).toBe('927124238');
    expect(normaliseOrgNumber('927.124.238')).toBe('927124238');
    expect(normaliseOrgNumber('927\u00a0124\u00a0238')).toBe('927124238');
    expect(normaliseOrgNumber('92712423')).toBeNull();
    expect(normaliseOrgNumber('9271242380')).toBeNull();
    expect(normaliseOrgNumber('927-124-238')).toBeNull();
    expect(isValidOrgNumber('927124238')).toBe(true);
    expect(isValidOrgNumber('927 124 238')).toBe(true);
    expect(isValidOrgNumber('927124239')).toBe(false);
    expect(isValidOrgNumber('123456789')).toBe(false); // check digit would be 5
    expect(isValidOrgNumber('')).toBe(false);
    expect(formatOrgNumber('927124238')).toBe('927 124 238');
    expect(formatOrgNumber(' abc ')).toBe('abc');
  });

  it('check digit: 11 -> 0, 10 -> null, bad input -> null', () => {
    expect(orgNumberCheckDigit('92712423')).toBe(8);
    expect(orgNumberCheckDigit('00000000')).toBe(0); // r = 0 -> 11 -> 0
    expect(orgNumberCheckDigit('10000000')).toBe(8); // sum 3
    expect(orgNumberCheckDigit('00000001')).toBe(9); // sum 2
    expect(orgNumberCheckDigit('00000300')).toBeNull(); // sum 12, r = 1 -> 10
    expect(orgNumberCheckDigit('1234567')).toBeNull();
    expect(orgNumberCheckDigit('1234567a')).toBeNull();
  });

  it('repdigit numbers (used by the anonymised brreg fixtures) are all valid', () => {
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(String(d).repeat(9))).toBe(true);
  });

  it('property: every 8-digit prefix with a check digit yields a valid number', () => {
    fc.assert(fc.property(validOrgNumber, (n) => isValidOrgNumber(n) && isValidOrgNumber(formatOrgNumber(n))));
  });

  it('property: exactly one check digit (or none) makes a prefix valid', () => {
    fc.assert(
      fc.property(prefix8, (p) => {
        const ok = [...'0123456789'].filter((d) => isValidOrgNumber(p + d));
        const c = orgNumberCheckDigit(p);
        expect(ok).toEqual(c === null ? [] : [String(c)]);
      }),
    );
  });

  // Weights 3,2,7,6,5,4,3,2 (and 1 for the check digit) are all non-zero mod 11 and a digit change is
  // |delta| <= 9 < 11, so w*delta is never 0 mod 11: every single-digit substitution is detected.
  it('property: changing any single digit invalidates a valid number', () => {
    fc.assert(
      fc.property(validOrgNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const d = (Number(n[pos]) + delta) % 10;
        return !isValidOrgNumber(n.slice(0, pos) + d + n.slice(pos + 1));
      }),
    );
  });

  // Adjacent weights always differ (3,2,7,6,5,4,3,2,1), so adjacent transpositions are detected...
  it('property: swapping two different adjacent digits invalidates a valid number', () => {
    fc.assert(
      fc.property(validOrgNumber, fc.integer({ min: 0, max: 7 }), (n, i) => {
        fc.pre(n[i] !== n[i + 1]);
        return !isValidOrgNumber(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2));
      }),
    );
  });

  // ...but positions 1&7 (weight 3) and 2&8 (weight 2) share a weight, so swapping those is NOT detected.
  it('property: swapping digits at equal-weight positions keeps a number valid (known MOD11 blind spot)', () => {
    fc.assert(
      fc.property(validOrgNumber, fc.constantFrom<[number, number]>([0, 6], [1, 7]), (n, [i, j]) => {
        const a = [...n];
        [a[i], a[j]] = [a[j]!, a[i]!];
        return isValidOrgNumber(a.join(''));
      }),
    );
  });
});
