import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apprenticesByYear, canMovePlace, countBy, firstTimeBusinesses, isActiveOn, isNationalIdNumber, trajectory, unitsWithout, validatePlace, type PlaceFacts, type PlaceInput, type Trade } from './places.js';

const TRADES: Trade[] = [
  { key: 'helsearbeiderfaget', nb: 'Helsearbeiderfaget', en: 'Health worker', programme: 'helse-og-oppvekstfag' },
  { key: 'kokkfaget', nb: 'Kokkfaget', en: 'Cook', programme: 'restaurant-og-matfag' },
];
const ok: PlaceInput = { unitId: 'u1', organisationId: null, tradeKey: 'helsearbeiderfaget', startDate: '2026-08-15', endDate: '2028-08-14', status: 'filled', contractRef: 'OKA-2026-0412' };
const fields = (p: Partial<PlaceInput>) => validatePlace({ ...ok, ...p }, TRADES).map((i) => i.field);

/** The one pair of check digits that makes an 11-digit number of these nine digits valid, if any. */
const completions = (nine: string) => Array.from({ length: 100 }, (_, i) => `${nine}${String(i).padStart(2, '0')}`).filter(isNationalIdNumber);

describe('national identity numbers', () => {
  it('accepts at most one completion of nine digits, and a changed digit breaks it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const nine = String(n).padStart(9, '0');
        const found = completions(nine);
        expect(found.length).toBeLessThanOrEqual(1);
        for (const id of found) {
          const changed = `${id.slice(0, 3)}${(Number(id[3]) + 1) % 10}${id.slice(4)}`;
          expect(isNationalIdNumber(changed)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('is refused as a contract reference, with or without a space', () => {
    const id = completions('150589123')[0] ?? completions('150589124')[0]!;
    expect(fields({ contractRef: id })).toEqual(['contractRef']);
    expect(fields({ contractRef: `${id.slice(0, 6)} ${id.slice(6)}` })).toEqual(['contractRef']);
    expect(fields({ contractRef: 'OKA-2026-0412' })).toEqual([]);
  });
});

describe('validatePlace', () => {
  it('names every problem', () => {
    expect(fields({ unitId: null })).toEqual(['unitId']);
    expect(fields({ organisationId: 'o1' })).toEqual(['unitId']);
    expect(fields({ tradeKey: 'astronaut' })).toEqual(['tradeKey']);
    expect(fields({ endDate: '2026-08-01' })).toEqual(['endDate']);
    expect(validatePlace({ ...ok, endDate: '2026-08-01' }, TRADES)[0]!.message).toBe('Sluttdatoen (2026-08-01) må være etter startdatoen (2026-08-15)');
    expect(fields({ endDate: '2036-08-01' })).toEqual(['endDate']);
    expect(fields({ startDate: '2026-02-30' })).toEqual(['startDate']);
    expect(fields({ status: 'paused' })).toEqual(['status']);
    expect(fields({ contractRef: null })).toEqual(['contractRef']);
    expect(fields({ contractRef: null, status: 'open' })).toEqual([]);
  });
  it('moves open → filled → completed or dropped out, never back', () => {
    expect(canMovePlace('open', 'filled')).toBe(true);
    expect(canMovePlace('filled', 'dropped_out')).toBe(true);
    expect(canMovePlace('completed', 'filled')).toBe(false);
    expect(canMovePlace('open', 'completed')).toBe(false);
  });
});

const place = (over: Partial<PlaceFacts>): PlaceFacts => ({ id: Math.random().toString(36), unitId: 'u1', organisationId: null, tradeKey: 'kokkfaget', startDate: '2025-08-15', endDate: '2027-08-14', status: 'filled', closedOn: null, ...over });

describe('counts', () => {
  it('counts filled places within their term on 31 December; open places and early drop-outs do not count', () => {
    const ps = [place({}), place({ status: 'open' }), place({ status: 'dropped_out', closedOn: '2025-11-01' }), place({ status: 'completed', startDate: '2023-08-15', endDate: '2025-08-14' })];
    expect(apprenticesByYear(ps, [2024, 2025, 2026])).toEqual([
      { year: 2024, count: 1 },
      { year: 2025, count: 1 },
      { year: 2026, count: 1 },
    ]);
    expect(isActiveOn(ps[2]!, '2025-10-31')).toBe(true);
  });
  it('draws a straight road from the baseline to three times it', () => {
    expect(trajectory(2018, 100, 2027)).toEqual([100, 123, 145, 167, 189, 212, 234, 256, 278, 300].map((expected, i) => ({ year: 2018 + i, expected })));
    expect(trajectory(2020, 10, 2020)).toEqual([{ year: 2020, expected: 10 }]);
  });
  it('finds businesses taking apprentices for the first time, and units without any, largest first', () => {
    const ps = [place({ unitId: null, organisationId: 'b1', startDate: '2024-08-01' }), place({ unitId: null, organisationId: 'b1', startDate: '2026-08-01' }), place({ unitId: null, organisationId: 'b2', startDate: '2026-01-10' }), place({ unitId: 'sub1' })];
    expect(Object.fromEntries(firstTimeBusinesses(ps))).toEqual({ 2024: ['b1'], 2026: ['b2'] });
    const units = [
      { id: 'u1', staff: 40, kind: 'unit' },
      { id: 'u2', staff: 90, kind: 'unit' },
      { id: 'u3', staff: 10, kind: 'unit' },
      { id: 's', staff: 500, kind: 'sector' },
    ];
    const below = (id: string) => (id === 'u1' ? ['u1', 'sub1'] : [id]);
    expect(unitsWithout(units, ps, '2025-12-31', below).map((u) => u.id)).toEqual(['u2', 'u3']);
    expect(Object.fromEntries(countBy(ps, '2026-12-31', (p) => p.organisationId))).toEqual({ b1: 2, b2: 1 }); // b1 has two apprentices at once
  });
});
