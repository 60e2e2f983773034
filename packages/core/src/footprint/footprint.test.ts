import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOOTPRINT_CATEGORIES, FOOTPRINT_FACTORS, FOOTPRINT_SOURCES, factor, kgPerNok } from './factors.js';
import { FOOTPRINT_QUESTIONS, QUESTION_BY_ID } from './questions.js';
import { averageFootprintKg, defaultAnswers, evaluateFootprint, publicShareKg, validateAnswers, type FootprintAnswers } from './model.js';
import { halvingPlan, PLEDGE_ACTIONS, pledgeSavings } from './pledges.js';
import { MIN_GROUP, tallyFootprint } from './tally.js';

const numberQs = FOOTPRINT_QUESTIONS.filter((q) => q.kind === 'number');
const choiceQs = FOOTPRINT_QUESTIONS.filter((q) => q.kind === 'choice');

/** Any valid set of answers (some questions left out). */
const answersArb: fc.Arbitrary<FootprintAnswers> = fc.record(
  Object.fromEntries([
    ...numberQs.map((q) => [q.id, fc.double({ min: q.min, max: q.max, noNaN: true })]),
    ...choiceQs.map((q) => [q.id, fc.constantFrom(...q.options.map((o) => o.value))]),
  ]) as Record<string, fc.Arbitrary<number | string>>,
  { requiredKeys: [] },
) as fc.Arbitrary<FootprintAnswers>;

describe('factors and questions', () => {
  it('give every factor a known source and year, and every question a default inside its range', () => {
    const sources = new Set(FOOTPRINT_SOURCES.map((s) => s.id));
    for (const f of FOOTPRINT_FACTORS) {
      expect(sources.has(f.source), f.id).toBe(true);
      expect(f.year).toBeGreaterThan(2000);
      expect(f.value).toBeGreaterThan(0);
    }
    expect(new Set(FOOTPRINT_FACTORS.map((f) => f.id)).size).toBe(FOOTPRINT_FACTORS.length);
    for (const q of FOOTPRINT_QUESTIONS) {
      expect(sources.has(q.defaultSource.source), q.id).toBe(true);
      if (q.kind === 'number') expect(q.default >= q.min && q.default <= q.max, q.id).toBe(true);
      else {
        expect(q.options.map((o) => o.value)).toContain(q.default);
        for (const o of q.options) expect(() => factor(o.factor)).not.toThrow();
      }
    }
  });

  it('converts kroner of today to the EXIOBASE price basis', () => {
    // 1 EUR 2011 = 7.79 NOK 2011 = 7.79 × 1.447 NOK 2024.
    expect(kgPerNok(1) * 7.79 * 1.447).toBeCloseTo(1, 10);
    expect(() => factor('nope')).toThrow();
  });
});

describe('evaluateFootprint', () => {
  it('gives the average resident when nothing is answered, and the average compares to itself', () => {
    const r = evaluateFootprint();
    expect(r.totalKg).toBe(averageFootprintKg());
    expect(evaluateFootprint(defaultAnswers()).totalKg).toBeCloseTo(r.totalKg, 9);
    expect(r.earths).toBeCloseTo(factor('norway_earths'), 9);
    expect(r.halfKg).toBeCloseTo(r.totalKg / 2, 9);
    // A plausible Norwegian consumption footprint: between 7 and 13 tonnes.
    expect(r.totalKg).toBeGreaterThan(7000);
    expect(r.totalKg).toBeLessThan(13000);
    expect(Object.keys(r.categories)).toEqual(FOOTPRINT_CATEGORIES);
    expect(r.categories.public).toBeCloseTo(publicShareKg(), 9);
    expect(r.lifestyleKg).toBeCloseTo(r.totalKg - r.categories.public, 9);
  });

  it('traces each line to its factors (hand-checked example)', () => {
    const r = evaluateFootprint({ 'transport.car_km': 10000, 'transport.car_type': 'electric', 'food.diet': 'vegan', 'housing.people': 1, 'housing.area_m2': 50, 'housing.heating': 'district' });
    const line = (id: string) => r.lines.find((l) => l.id === id)!;
    expect(line('transport.car_km').kg).toBeCloseTo(10000 * 0.06, 9);
    expect(line('food.diet').kg).toBe(1055);
    // 50 m² × 130 kWh: 40 % electricity at 0.019, 60 % district heat at 0.06.
    expect(line('housing.heating').kg).toBeCloseTo(6500 * 0.4 * 0.019 + 6500 * 0.6 * 0.06, 9);
    expect(line('housing.heating').factors).toContain('district_heat_kg_per_kwh');
    expect(line('transport.flights_long').kg).toBeCloseTo(0.2 * 2100, 9);
  });

  it('sums categories to the total, never goes negative, and rises with every number answer (property)', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...numberQs), fc.double({ min: 0, max: 1, noNaN: true }), (a, q, t) => {
        const r = evaluateFootprint(a);
        const sum = Object.values(r.categories).reduce((s, x) => s + x, 0);
        expect(sum).toBeCloseTo(r.totalKg, 6);
        for (const l of r.lines) expect(l.kg).toBeGreaterThanOrEqual(0);
        if (q.kind !== 'number') return;
        const lo = q.min + (q.max - q.min) * t * 0.5;
        const hi = lo + (q.max - q.min) * 0.5;
        const dLo = evaluateFootprint({ ...a, [q.id]: lo }).totalKg;
        const dHi = evaluateFootprint({ ...a, [q.id]: hi }).totalKg;
        // More people share the home: less per person; everything else: more.
        if (q.id === 'housing.people') expect(dHi).toBeLessThanOrEqual(dLo + 1e-9);
        else expect(dHi).toBeGreaterThanOrEqual(dLo - 1e-9);
      }),
    );
  });

  it('ranks diets as the source does', () => {
    const kg = (d: string) => evaluateFootprint({ 'food.diet': d }).categories.food;
    expect(kg('high')).toBeGreaterThan(kg('medium'));
    expect(kg('medium')).toBeGreaterThan(kg('low'));
    expect(kg('vegetarian')).toBeGreaterThan(kg('vegan'));
  });
});

describe('validateAnswers', () => {
  it('names every bad answer in Norwegian and keeps the good ones', () => {
    const { answers, errors } = validateAnswers({ 'transport.car_km': -5, 'housing.area_m2': 2000, 'food.diet': 'carnivore', 'goods.clothing_nok': '5 000', 'transport.public_km': 'mye', 'x.y': 1, 'housing.people': 3 });
    expect(errors.map((e) => e.field)).toEqual(['transport.car_km', 'housing.area_m2', 'food.diet', 'transport.public_km', 'x.y']);
    expect(errors[0]!.message).toContain('kan ikke være negativt');
    expect(errors[1]!.message).toContain('mellom 10 og 1 000 m²');
    expect(errors[2]!.message).toContain('Gyldige valg');
    expect(errors[3]!.message).toContain('må være et tall');
    expect(errors[4]!.message).toContain('Ukjent spørsmål');
    expect(answers).toEqual({ 'goods.clothing_nok': 5000, 'housing.people': 3 });
    expect(validateAnswers([1]).errors).toHaveLength(1);
    expect(validateAnswers(null)).toEqual({ answers: {}, errors: [] });
  });

  it('accepts exactly the numbers inside each question’s range (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numberQs), fc.double({ min: -1e6, max: 3e6, noNaN: true }), (q, v) => {
        if (q.kind !== 'number') return;
        const { errors } = validateAnswers({ [q.id]: v });
        expect(errors.length === 0).toBe(v >= q.min && v <= q.max);
      }),
    );
  });
});

describe('pledges', () => {
  it('give each action a saving from the same model, zero where the action changes nothing', () => {
    const avg = pledgeSavings();
    expect(avg.map((s) => s.id).sort()).toEqual(PLEDGE_ACTIONS.map((p) => p.id).sort());
    const fly = avg.find((s) => s.id === 'fly_less')!.savingKg;
    expect(fly).toBeCloseTo((1.5 * 225 + 0.8 * 512 + 0.2 * 2100) / 2, 6);
    const none = pledgeSavings({ 'transport.flights_domestic': 0, 'transport.flights_europe': 0, 'transport.flights_long': 0, 'food.diet': 'vegan' });
    expect(none.find((s) => s.id === 'fly_less')!.savingKg).toBe(0);
    expect(none.find((s) => s.id === 'plant_based_days')!.savingKg).toBe(0);
    expect(QUESTION_BY_ID.size).toBe(FOOTPRINT_QUESTIONS.length);
  });

  it('never increase a footprint and the halving plan adds up (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        for (const s of pledgeSavings(a)) expect(s.savingKg).toBeGreaterThanOrEqual(0);
        const plan = halvingPlan(a);
        const saved = plan.steps.reduce((s, x) => s + x.savingKg, 0);
        expect(plan.totalKg - saved).toBeCloseTo(plan.afterAllKg, 6);
        expect(plan.reachesHalf).toBe(plan.afterAllKg <= plan.halfKg);
        expect(plan.gapKg).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('shows that actions alone do not halve the average footprint (the public share and the rest remain)', () => {
    const plan = halvingPlan();
    expect(plan.steps.length).toBeGreaterThanOrEqual(5);
    expect(plan.afterAllKg).toBeLessThan(plan.totalKg);
    expect(plan.reachesHalf).toBe(false);
    expect(plan.steps[0]!.id).toBe('fly_less');
  });

  it('evaluates one person in well under a millisecond', () => {
    const a = defaultAnswers();
    const t = performance.now();
    for (let i = 0; i < 1000; i++) evaluateFootprint({ ...a, 'transport.car_km': i });
    expect((performance.now() - t) / 1000).toBeLessThan(1);
  });
});

describe('tallyFootprint', () => {
  const r = (district: string | null, totalKg: number) => ({ district, totalKg, categories: { food: totalKg / 4 }, at: '2026-11-01T10:00:00Z' });
  it('counts per action and district and hides averages of groups under the minimum', () => {
    const results = [r('a', 8000), r('a', 9000), r('a', 10000), r('a', 11000), r('a', 12000), r('b', 5000), r(null, 7000)];
    const pledges = [{ action: 'fly_less', district: 'a', savingKg: 500, at: '' }, { action: 'fly_less', district: 'b', savingKg: 300, at: '' }, { action: 'repair_reuse', district: 'gone', savingKg: 100, at: '' }];
    const t = tallyFootprint(results, pledges, ['a', 'b']);
    expect(t.results).toBe(7);
    expect(t.averageKg).toBeCloseTo(62000 / 7, 9);
    expect(t.averageCategories!.food).toBeCloseTo(62000 / 7 / 4, 9);
    expect(t.pledges).toBe(3);
    expect(t.savingKg).toBe(900);
    expect(t.byAction.find((a) => a.action === 'fly_less')).toEqual({ action: 'fly_less', pledges: 2, savingKg: 800 });
    expect(t.byAction).toHaveLength(PLEDGE_ACTIONS.length);
    expect(t.byDistrict).toEqual([
      { district: 'a', results: 5, averageKg: 10000, pledges: 1 },
      { district: 'b', results: 1, averageKg: null, pledges: 1 },
      { district: null, results: 1, averageKg: null, pledges: 1 },
    ]);
    expect(tallyFootprint(results.slice(0, MIN_GROUP - 1), [], []).averageKg).toBeNull();
  });
});
