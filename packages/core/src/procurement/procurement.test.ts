import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTenderRules, type RuleCriterion } from './rules.js';
import { evaluateTender, pricePoints, withEnvWeight, type EvalBid, type EvaluationInput } from './evaluation.js';
import { carbonPriceFor, lifeCycleCost } from './lcc.js';
import { followUpDueDates, followUpStatus, procurementFigures, validateOutcome, type FollowUpFacts } from './followup.js';

const criteria: RuleCriterion[] = [
  { id: 'price', kind: 'price', weight: 40 },
  { id: 'env', kind: 'environment', weight: 30 },
  { id: 'quality', kind: 'quality', weight: 30 },
];
const base: EvaluationInput = {
  estimatedValueNok: 2_500_000,
  priceModel: { kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: false },
  criteria,
  exception: null,
  bids: [{ id: 'A', priceNok: 100_000, points: { env: 8, quality: 6 } }],
};
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);

describe('the 30 % rule and the top-three rule', () => {
  it('passes at 30 % and explains it', () => {
    const r = checkTenderRules({ estimatedValueNok: 2_500_000, criteria });
    expect(r.errors).toEqual([]);
    expect(r.envWeight).toBe(30);
    expect(r.explanation).toContain('oppfyller kravet');
  });

  it('stops a tender of NOK 100 000 or more below 30 % with a plain explanation, unless an exception is justified', () => {
    const low = criteria.map((c) => (c.id === 'env' ? { ...c, weight: 20 } : c.id === 'price' ? { ...c, weight: 50 } : c));
    const r = checkTenderRules({ estimatedValueNok: 100_000, criteria: low });
    expect(codes(r.errors)).toEqual(['ENV_WEIGHT_BELOW_30']);
    expect(r.errors[0]!.message).toContain('20 %');
    expect(r.errors[0]!.message).toContain('Øk miljøvekten med 10 %');
    expect(r.explanation).toBe(r.errors[0]!.message);
    const short = checkTenderRules({ estimatedValueNok: 100_000, criteria: low, exception: { kind: 'insignificant', justification: 'Lite.' } });
    expect(codes(short.errors)).toEqual(['ENV_WEIGHT_BELOW_30', 'EXCEPTION_NOT_JUSTIFIED']);
    const ok = checkTenderRules({ estimatedValueNok: 100_000, criteria: low, exception: { kind: 'specification', justification: 'Kravspesifikasjonen krever nullutslippskjøretøy i alle leveranser, som gir større effekt enn vekting.' } });
    expect(ok.errors).toEqual([]);
    expect(ok.exceptionUsed).toBe(true);
    expect(codes(ok.warnings)).toEqual(['EXCEPTION_USED']);
    expect(checkTenderRules({ estimatedValueNok: 99_999, criteria: low }).errors).toEqual([]);
    expect(codes(checkTenderRules({ estimatedValueNok: 99_999, criteria: low }).warnings)).toEqual(['BELOW_THRESHOLD']);
  });

  it('demands weights summing to 100 and environment among the three most important when criteria are ranked', () => {
    expect(codes(checkTenderRules({ estimatedValueNok: 500_000, criteria: criteria.map((c) => ({ ...c, weight: 40 })) }).errors)).toEqual(['WEIGHTS_NOT_100']);
    const ranked = (envRank: number): RuleCriterion[] => [
      { id: 'p', kind: 'price', rank: 1 },
      { id: 'q', kind: 'quality', rank: 2 },
      { id: 'd', kind: 'other', rank: 3 },
      { id: 's', kind: 'other', rank: 4 },
      { id: 'e', kind: 'environment', rank: envRank },
    ];
    expect(checkTenderRules({ estimatedValueNok: 500_000, weighting: 'ranking', criteria: ranked(3) }).errors).toEqual([]);
    expect(checkTenderRules({ estimatedValueNok: 500_000, weighting: 'ranking', criteria: ranked(2) }).errors).toEqual([]);
    const r = checkTenderRules({ estimatedValueNok: 500_000, weighting: 'ranking', criteria: ranked(5) });
    expect(codes(r.errors)).toEqual(['ENV_NOT_TOP_THREE']);
    expect(r.errors[0]!.message).toContain('nummer 5');
  });

  it('flags a breach exactly when value ≥ 100 000 and environment < 30 % without a justified exception (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5_000_000 }), fc.boolean(), (env, value, justified) => {
        const r = checkTenderRules({
          estimatedValueNok: value,
          criteria: [
            { id: 'p', kind: 'price', weight: 100 - env },
            { id: 'e', kind: 'environment', weight: env },
          ],
          exception: justified ? { kind: 'insignificant', justification: 'Kjøp av én lisens uten fysisk leveranse har et ubetydelig avtrykk.' } : null,
        });
        const breach = value >= 100_000 && env < 30;
        expect(r.errors.some((e) => e.code === 'ENV_WEIGHT_BELOW_30')).toBe(breach && !justified);
        expect(r.exceptionUsed).toBe(breach && justified);
      }),
    );
  });
});

describe('evaluation', () => {
  it('scores the example of the interface: a single bid gets full price points', () => {
    const r = evaluateTender(base);
    expect(r.winner).toBe('A');
    expect(r.ranking).toHaveLength(1);
    expect(r.ranking[0]!.points).toEqual({ price: 10, env: 8, quality: 6 });
    expect(r.ranking[0]!.total).toBeCloseTo(0.4 * 10 + 0.3 * 8 + 0.3 * 6, 10);
    expect(codes(r.warnings)).toEqual(['SINGLE_BID']);
    expect(r.errors).toEqual([]);
  });

  it('computes linear points, negative unless floored, and proportional points', () => {
    expect(pricePoints({ kind: 'linear', maxPoints: 10, slope: 1 }, 150, 100)).toBeCloseTo(5);
    expect(pricePoints({ kind: 'linear', maxPoints: 10, slope: 1 }, 250, 100)).toBeCloseTo(-5);
    expect(pricePoints({ kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: true }, 250, 100)).toBe(0);
    expect(pricePoints({ kind: 'linear', maxPoints: 10, slope: 0.5 }, 150, 100)).toBeCloseTo(7.5);
    expect(pricePoints({ kind: 'proportional', maxPoints: 10 }, 200, 100)).toBeCloseTo(5);
    const r = evaluateTender({ ...base, bids: [{ id: 'A', priceNok: 100, points: { env: 0, quality: 0 } }, { id: 'B', priceNok: 300, points: { env: 10, quality: 10 } }] });
    expect(r.ranking.find((x) => x.bid === 'B')!.points.price).toBeCloseTo(-10);
    expect(codes(r.warnings)).toContain('NEGATIVE_PRICE_POINTS');
  });

  it('lets environment decide: ranking, totals and the winner', () => {
    const r = evaluateTender({
      ...base,
      bids: [
        { id: 'A', priceNok: 1_000_000, points: { env: 2, quality: 8 } },
        { id: 'B', priceNok: 1_100_000, points: { env: 9, quality: 8 } },
      ],
    });
    expect(r.ranking.map((x) => x.bid)).toEqual(['B', 'A']);
    expect(r.ranking[0]!.total).toBeCloseTo(0.4 * 9 + 0.3 * 9 + 0.3 * 8, 6);
    expect(r.winner).toBe('B');
    expect(r.sensitivity!.envWeight).toBe(30);
    expect(r.sensitivity!.from).toBeGreaterThan(0);
    expect(r.sensitivity!.from).toBeLessThan(30);
    expect(r.sensitivity!.to).toBe(100);
  });

  it('warns about a rank reversal and names the bid that causes it', () => {
    const bids: EvalBid[] = [
      { id: 'A', priceNok: 100, points: { env: 0, quality: 0 } },
      { id: 'B', priceNok: 120, points: { env: 5, quality: 5 } },
      { id: 'C', priceNok: 140, points: { env: 6, quality: 6.5 } },
    ];
    const r = evaluateTender({ ...base, bids });
    expect(r.winner).toBe('B');
    const rr = r.warnings.filter((w) => w.code === 'RANK_REVERSAL');
    expect(rr).toHaveLength(1);
    expect(rr[0]!.bid).toBe('A');
    expect(rr[0]!.message).toContain('tilbud A tas ut');
    expect(rr[0]!.message).toContain('vinner C');
    // A model that does not depend on the other bids' prices in the same way still evaluates without errors.
    expect(evaluateTender({ ...base, bids: bids.slice(1) }).winner).toBe('C');
  });

  it('handles ties, missing scores, a price of 0 and no bids with clear messages', () => {
    const tie = evaluateTender({ ...base, bids: [{ id: 'A', priceNok: 100, points: { env: 5, quality: 5 } }, { id: 'B', priceNok: 100, points: { env: 5, quality: 5 } }] });
    expect(tie.winner).toBeNull();
    expect(tie.ranking.map((x) => x.rank)).toEqual([1, 1]);
    expect(tie.warnings.find((w) => w.code === 'TIE')!.message).toContain('A og B');
    const missing = evaluateTender({ ...base, bids: [{ id: 'A', priceNok: 100, points: { env: 5 } }, { id: 'B', priceNok: 110, points: { env: 5, quality: null } }] });
    expect(missing.warnings.filter((w) => w.code === 'MISSING_SCORE').map((w) => w.bid)).toEqual(['A', 'B']);
    expect(missing.ranking[0]!.points.quality).toBe(0);
    const zero = evaluateTender({ ...base, bids: [{ id: 'A', priceNok: 0, points: { env: 5, quality: 5 } }, { id: 'B', priceNok: 110, points: { env: 5, quality: 5 } }] });
    expect(codes(zero.errors)).toEqual(['PRICE_ZERO']);
    expect(zero.errors[0]!.message).toContain('Tilbud A har pris 0 kr');
    expect(zero.ranking).toEqual([]);
    const noPrice = evaluateTender({ ...base, bids: [{ id: 'A', priceNok: null, points: { env: 5, quality: 5 } }] });
    expect(codes(noPrice.errors)).toEqual(['MISSING_PRICE']);
    expect(codes(evaluateTender({ ...base, bids: [{ id: 'A', priceNok: 5, points: { env: 11, quality: 5 } }] }).errors)).toEqual(['POINTS_OUT_OF_RANGE']);
    expect(codes(evaluateTender({ ...base, bids: [] }).warnings)).toEqual(['NO_BIDS']);
  });

  it('reports the 30 % breach as an error but still ranks the bids', () => {
    const r = evaluateTender({ ...base, criteria: [{ id: 'price', kind: 'price', weight: 80 }, { id: 'env', kind: 'environment', weight: 20 }] });
    expect(codes(r.errors)).toEqual(['ENV_WEIGHT_BELOW_30']);
    expect(r.ranking).toHaveLength(1);
  });

  it('ranks by quality-adjusted price: the lowest adjusted price wins', () => {
    const r = evaluateTender({
      ...base,
      priceModel: { kind: 'quality_adjusted', maxPoints: 10, valuesNok: { env: 200_000, quality: 100_000 } },
      bids: [
        { id: 'A', priceNok: 1_000_000, points: { env: 0, quality: 10 } },
        { id: 'B', priceNok: 1_150_000, points: { env: 10, quality: 10 } },
      ],
    });
    expect(r.ranking.map((x) => [x.bid, x.adjustedPriceNok])).toEqual([
      ['B', 850_000],
      ['A', 900_000],
    ]);
    expect(r.ranking[0]!.total).toBe(10);
    expect(r.ranking[1]!.total).toBeCloseTo((10 * 850) / 900, 4);
  });

  it('uses life-cycle cost instead of price and shows the climate cost beside it', () => {
    const path = [{ year: 2026, nokPerTonne: 1000 }];
    const years = (t: number) => Array.from({ length: 5 }, () => ({ operationNok: 10_000, energyKwh: 10_000, energyPriceNok: 1, tonnesCo2e: t }));
    const r = evaluateTender({
      ...base,
      criteria: [{ id: 'lcc', kind: 'lcc', weight: 70 }, { id: 'env', kind: 'environment', weight: 30 }],
      carbonPricePath: path,
      bids: [
        { id: 'diesel', priceNok: 400_000, points: { env: 2 }, lcc: { startYear: 2026, years: years(20) } },
        { id: 'electric', priceNok: 480_000, points: { env: 9 }, lcc: { startYear: 2026, years: years(1) } },
      ],
    });
    expect(r.errors).toEqual([]);
    const d = r.ranking.find((x) => x.bid === 'diesel')!;
    expect(d.lcc!.carbonNok).toBeCloseTo(20 * 1000 * ((1 - 1.04 ** -5) / 0.04), 4);
    expect(r.winner).toBe('electric');
    expect(r.warnings.find((w) => w.code === 'CHEAPEST_CLIMATE_COST')!.bid).toBe('diesel');
  });

  it('keeps totals on the 0–max scale, sorted, with the winner first (property)', () => {
    const bid = fc.record({ priceNok: fc.integer({ min: 1, max: 10_000_000 }), env: fc.double({ min: 0, max: 10, noNaN: true }), quality: fc.double({ min: 0, max: 10, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(bid, { minLength: 1, maxLength: 6 }), fc.constantFrom('linear', 'proportional'), fc.integer({ min: 30, max: 60 }), (bs, kind, env) => {
        const r = evaluateTender({
          ...base,
          priceModel: kind === 'linear' ? { kind, maxPoints: 10, slope: 1, floorAtZero: true } : { kind: 'proportional', maxPoints: 10 },
          criteria: [{ id: 'price', kind: 'price', weight: 100 - env - 10 }, { id: 'env', kind: 'environment', weight: env }, { id: 'quality', kind: 'quality', weight: 10 }],
          bids: bs.map((b, i) => ({ id: `B${i}`, priceNok: b.priceNok, points: { env: b.env, quality: b.quality } })),
        });
        expect(r.errors).toEqual([]);
        for (const x of r.ranking) expect(x.total >= -1e-9 && x.total <= 10 + 1e-9).toBe(true);
        for (let i = 1; i < r.ranking.length; i++) expect(r.ranking[i - 1]!.total).toBeGreaterThanOrEqual(r.ranking[i]!.total);
        if (r.winner) expect(r.ranking[0]!.bid).toBe(r.winner);
      }),
    );
  });

  it('gives a sensitivity range inside which the winner holds and at whose edges it changes (property)', () => {
    const bid = fc.record({ priceNok: fc.integer({ min: 100, max: 1000 }), env: fc.integer({ min: 0, max: 10 }), quality: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(bid, { minLength: 2, maxLength: 4 }), (bs) => {
        const input: EvaluationInput = { ...base, priceModel: { kind: 'proportional', maxPoints: 10 }, bids: bs.map((b, i) => ({ id: `B${i}`, priceNok: b.priceNok, points: { env: b.env, quality: b.quality } })) };
        const r = evaluateTender(input);
        if (!r.winner || !r.sensitivity) return;
        const s = r.sensitivity;
        expect(s.from).toBeLessThanOrEqual(30);
        expect(s.to).toBeGreaterThanOrEqual(30);
        const at = (x: number) => evaluateTender({ ...input, estimatedValueNok: 0, criteria: withEnvWeight(input.criteria, x) }).winner;
        expect(at(s.from + 0.01)).toBe(r.winner);
        expect(at(s.to - 0.01)).toBe(r.winner);
        if (s.from > 0.05) expect(at(s.from - 0.05)).not.toBe(r.winner);
        if (s.to < 99.95) expect(at(s.to + 0.05)).not.toBe(r.winner);
      }),
      { numRuns: 60 },
    );
  });
});

describe('life-cycle cost', () => {
  it('discounts operation, energy and the carbon price path and subtracts the residual value', () => {
    const path = [
      { year: 2026, nokPerTonne: 1000 },
      { year: 2030, nokPerTonne: 2000 },
    ];
    expect(carbonPriceFor(path, 2027)).toBe(1250);
    expect(carbonPriceFor(path, 2020)).toBe(1000);
    expect(carbonPriceFor(path, 2040)).toBe(2000);
    const r = lifeCycleCost({ purchasePriceNok: 1000, startYear: 2026, years: [{ operationNok: 100, tonnesCo2e: 1, energyKwh: 10, energyPriceNok: 2 }, { operationNok: 100, tonnesCo2e: 1 }], residualValueNok: 200 }, path);
    expect(r.operationNok).toBeCloseTo(100 / 1.04 + 100 / 1.04 ** 2, 9);
    expect(r.energyNok).toBeCloseTo(20 / 1.04, 9);
    expect(r.carbonNok).toBeCloseTo(1000 / 1.04 + 1250 / 1.04 ** 2, 9);
    expect(r.residualNok).toBeCloseTo(200 / 1.04 ** 2, 9);
    expect(r.lccNok).toBeCloseTo(1000 + r.operationNok + r.energyNok + r.carbonNok - r.residualNok, 9);
    expect(r.tonnesCo2e).toBe(2);
  });

  it('grows with emissions and falls with the discount rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), (n, t, r) => {
        const at = (tonnes: number, rate: number) => lifeCycleCost({ purchasePriceNok: 0, startYear: 2026, discountRate: rate, years: Array.from({ length: n }, () => ({ tonnesCo2e: tonnes })) }, [{ year: 2026, nokPerTonne: 1500 }]).lccNok;
        expect(at(t + 1, r)).toBeGreaterThan(at(t, r));
        expect(at(t + 1, r + 0.01)).toBeLessThan(at(t + 1, r));
      }),
    );
  });
});

describe('contract follow-up', () => {
  const item = (o: Partial<FollowUpFacts>): FollowUpFacts => ({ dueDate: '2026-06-01', outcome: null, checkedOn: null, sanction: null, deviationClosedOn: null, ...o });
  it('knows overdue, met and open or closed deviations', () => {
    expect(followUpStatus(item({}), '2026-06-01')).toBe('upcoming');
    expect(followUpStatus(item({}), '2026-06-02')).toBe('overdue');
    expect(followUpStatus(item({ outcome: 'met', checkedOn: '2026-05-01' }), '2026-07-01')).toBe('met');
    expect(followUpStatus(item({ outcome: 'deviation', checkedOn: '2026-05-01' }), '2026-07-01')).toBe('deviation_open');
    expect(followUpStatus(item({ outcome: 'deviation', checkedOn: '2026-05-01', deviationClosedOn: '2026-06-01' }), '2026-07-01')).toBe('deviation_closed');
  });

  it('checks outcomes in Norwegian', () => {
    expect(validateOutcome({ outcome: 'met', checkedOn: '2026-05-01' }, '2026-06-01')).toEqual([]);
    expect(validateOutcome({ outcome: 'x', checkedOn: '2026-07-01', sanction: 'fine' }, '2026-06-01').map((b) => b.field)).toEqual(['outcome', 'checkedOn', 'sanctionDate']);
    expect(validateOutcome({ outcome: 'deviation', checkedOn: '2026-05-01', deviationClosedOn: '2026-04-01' }, '2026-06-01')[0]!.message).toContain('før');
  });

  it('plans due dates from the start and computes the A2 figures', () => {
    expect(followUpDueDates('2026-01-01', '2027-12-31')).toEqual(['2026-04-01', '2027-04-01']);
    const f = procurementFigures(
      [
        { estimatedValueNok: 500_000, envWeight: 30, exceptionUsed: false },
        { estimatedValueNok: 500_000, envWeight: 10, exceptionUsed: true },
        { estimatedValueNok: 50_000, envWeight: 0, exceptionUsed: false },
      ],
      [[item({ outcome: 'met', checkedOn: '2026-05-01' })], [item({}), item({ outcome: 'deviation', checkedOn: '2026-05-01', deviationClosedOn: '2026-05-20' })]],
      '2026-07-01',
    );
    expect(f).toEqual({ tendersAboveThreshold: 2, shareEnv30: 50, shareException: 50, averageEnvWeight: 20, contracts: 2, shareOnSchedule: 50, deviationsFound: 1, deviationsClosed: 1 });
  });
});
