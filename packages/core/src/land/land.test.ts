import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankApplicants, rankValid, reweightCriteria, rankSensitivity, validateRankInput, type RankInput } from './ranking.js';
import { landApplicationValues, greenShareByYear, isGreenApplicant, jobsPer1000m2ByYear, validateLandApplication, validateLandCallCriteria, validateLandPlot } from './plots.js';

const ISSUE: RankInput = {
  normalisation: 'max',
  criteria: [
    { id: 'jobsPerM2', weight: 50, direction: 'higher' },
    { id: 'green', weight: 30, direction: 'higher' },
    { id: 'trafficPerDay', weight: 20, direction: 'lower' },
  ],
  applicants: [
    { id: 'W', values: { jobsPerM2: 0.004, green: 1, trafficPerDay: 300 } },
    { id: 'G', values: { jobsPerM2: 0.02, green: 5, trafficPerDay: 60 } },
  ],
};

describe('rank (the issue example)', () => {
  it('puts the green, job-intensive company first and the warehouse last, every step shown', () => {
    const r = rankApplicants(ISSUE);
    expect(r.errors).toEqual([]);
    expect(r.ranking.map((x) => x.applicant)).toEqual(['G', 'W']);
    expect(r.ranking[0]!.score).toBeCloseTo(100, 9);
    const w = r.ranking[1]!;
    // jobs 0.004/0.02 × 50 = 10; green 1/5 × 30 = 6; traffic 60/300 × 20 = 4.
    expect(w.contributions.jobsPerM2).toBeCloseTo(10, 9);
    expect(w.contributions.green).toBeCloseTo(6, 9);
    expect(w.contributions.trafficPerDay).toBeCloseTo(4, 9);
    expect(w.score).toBeCloseTo(20, 9);
    expect(w.steps.find((s) => s.criterion === 'trafficPerDay')).toMatchObject({ raw: 300, weight: 20, direction: 'lower' });
    expect(w.steps.find((s) => s.criterion === 'trafficPerDay')!.normalised).toBeCloseTo(0.2, 9);
    expect(r.bounds.find((b) => b.criterion === 'green')).toEqual({ criterion: 'green', min: 1, max: 5 });
  });

  it('a single applicant gets full points for higher-is-better and lower-is-better alike', () => {
    const r = rankApplicants({ ...ISSUE, applicants: [ISSUE.applicants[0]] });
    expect(r.ranking).toHaveLength(1);
    expect(r.ranking[0]!.score).toBeCloseTo(100, 9);
  });

  it('uses minmax when asked: best gets the weight, worst 0, all equal gets 1', () => {
    const r = rankApplicants({ ...ISSUE, normalisation: 'minmax', applicants: [...ISSUE.applicants, { id: 'M', values: { jobsPerM2: 0.012, green: 3, trafficPerDay: 180 } }] });
    expect(r.ranking.map((x) => [x.applicant, Math.round(x.score * 1e6) / 1e6])).toEqual([['G', 100], ['M', 50], ['W', 0]]);
    const same = rankApplicants({ normalisation: 'minmax', criteria: [{ id: 'a', weight: 100, direction: 'lower' }], applicants: [{ id: 'x', values: { a: 4 } }, { id: 'y', values: { a: 4 } }] });
    expect(same.ranking.map((x) => x.score)).toEqual([100, 100]);
  });

  it('defines the zero edge cases of max normalisation', () => {
    const r = rankApplicants({ normalisation: 'max', criteria: [{ id: 'up', weight: 50, direction: 'higher' }, { id: 'down', weight: 50, direction: 'lower' }], applicants: [{ id: 'a', values: { up: 0, down: 0 } }, { id: 'b', values: { up: 0, down: 10 } }] });
    const a = r.ranking.find((x) => x.applicant === 'a')!;
    const b = r.ranking.find((x) => x.applicant === 'b')!;
    expect(a.contributions).toEqual({ up: 0, down: 50 }); // max = 0 → 0 for all; v = 0 lower-is-better → 1
    expect(b.contributions).toEqual({ up: 0, down: 0 }); // min = 0 → others 0
  });

  it('states ties: shared rank, input order kept', () => {
    const r = rankApplicants({ normalisation: 'max', criteria: [{ id: 'a', weight: 100, direction: 'higher' }], applicants: [{ id: 'x', values: { a: 2 } }, { id: 'y', values: { a: 4 } }, { id: 'z', values: { a: 2 } }] });
    expect(r.ranking.map((x) => [x.applicant, x.rank])).toEqual([['y', 1], ['x', 2], ['z', 2]]);
    expect(r.ties).toEqual([['x', 'z']]);
    expect(r.ranking[1]!.tiedWith).toEqual(['z']);
  });
});

describe('rank errors', () => {
  const codes = (x: unknown) => rankApplicants(x).errors.map((e) => e.code);
  it('refuses weights that do not sum to 100, and ranks nothing', () => {
    const r = rankApplicants({ ...ISSUE, criteria: ISSUE.criteria.map((c) => ({ ...c, weight: 40 })) });
    expect(r.errors.map((e) => e.code)).toEqual(['WEIGHTS_NOT_100']);
    expect(r.errors[0]!.message).toContain('120');
    expect(r.ranking).toEqual([]);
  });
  it('names every other problem with its own code', () => {
    expect(codes(null)).toEqual(['INVALID_INPUT']);
    expect(codes({ ...ISSUE, normalisation: 'zscore' })).toEqual(['UNKNOWN_NORMALISATION']);
    expect(codes({ ...ISSUE, criteria: [] })).toContain('NO_CRITERIA');
    expect(codes({ ...ISSUE, criteria: [...ISSUE.criteria.slice(0, 2), { id: 'trafficPerDay', weight: -20, direction: 'lower' }, { id: 'x', weight: 40, direction: 'higher' }] })).toEqual(expect.arrayContaining(['NEGATIVE_WEIGHT', 'MISSING_VALUE']));
    expect(codes({ ...ISSUE, criteria: [{ id: 'a', weight: 50, direction: 'up' }, { id: 'a', weight: 50, direction: 'higher' }], applicants: [] })).toEqual(['INVALID_DIRECTION', 'DUPLICATE_CRITERION']);
    expect(codes({ ...ISSUE, applicants: [ISSUE.applicants[0], ISSUE.applicants[0]] })).toEqual(['DUPLICATE_APPLICANT']);
    expect(codes({ ...ISSUE, applicants: [{ id: 'W', values: { jobsPerM2: 0.004, green: 1, trafficPerDay: 300, parking: 2 } }] })).toEqual(['UNKNOWN_CRITERION']);
    expect(codes({ ...ISSUE, applicants: [{ id: 'W', values: { jobsPerM2: 0.004, green: 1 } }] })).toEqual(['MISSING_VALUE']);
    expect(codes({ ...ISSUE, applicants: [{ id: 'W', values: { jobsPerM2: '0.004', green: 1, trafficPerDay: 3 } }] })).toEqual(['INVALID_VALUE']);
    expect(codes({ ...ISSUE, applicants: [{ id: 'W', values: { jobsPerM2: -1, green: 1, trafficPerDay: 3 } }] })).toEqual(['NEGATIVE_VALUE']);
    expect(codes({ ...ISSUE, normalisation: 'minmax', applicants: [{ id: 'W', values: { jobsPerM2: -1, green: 1, trafficPerDay: 3 } }] })).toEqual([]);
    expect(codes({ ...ISSUE, criteria: [{ id: 'a', weight: '100', direction: 'higher' }], applicants: [] })).toEqual(['INVALID_WEIGHT']);
    expect(codes({ ...ISSUE, applicants: [{ values: {} }] })).toEqual(['INVALID_APPLICANT']);
    expect(codes({ ...ISSUE, applicants: [] })).toEqual([]);
  });
});

// Arbitrary valid inputs: 1–5 criteria with integer weights summing to 100, 1–6 applicants.
const arbInput = (normalisation: 'max' | 'minmax' | null = null) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 5 }),
      cuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
      dirs: fc.array(fc.constantFrom<'higher' | 'lower'>('higher', 'lower'), { minLength: 5, maxLength: 5 }),
      values: fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      norm: fc.constantFrom<'max' | 'minmax'>('max', 'minmax'),
    })
    .map(({ n, cuts, dirs, values, norm }): RankInput => {
      const c = [0, ...cuts.slice(0, n - 1).sort((a, b) => a - b), 100];
      const criteria = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, weight: c[i + 1]! - c[i]!, direction: dirs[i]! }));
      return { normalisation: normalisation ?? norm, criteria, applicants: values.map((v, j) => ({ id: `a${j}`, values: Object.fromEntries(criteria.map((k, i) => [k.id, v[i]!])) })) };
    });

describe('rank properties', () => {
  it('scores lie within 0–100 and are the sum of the contributions; each contribution within 0–weight', () => {
    fc.assert(
      fc.property(arbInput(), (input) => {
        const r = rankApplicants(input);
        expect(r.errors).toEqual([]);
        for (const a of r.ranking) {
          expect(a.score).toBeGreaterThanOrEqual(-1e-9);
          expect(a.score).toBeLessThanOrEqual(100 + 1e-9);
          expect(Object.values(a.contributions).reduce((s, x) => s + x, 0)).toBeCloseTo(a.score, 9);
          for (const s of a.steps) {
            expect(s.points).toBeGreaterThanOrEqual(-1e-9);
            expect(s.points).toBeLessThanOrEqual(s.weight + 1e-9);
          }
        }
        for (let i = 1; i < r.ranking.length; i++) expect(r.ranking[i]!.score).toBeLessThanOrEqual(r.ranking[i - 1]!.score + 1e-9);
      }),
    );
  });

  it('with max normalisation, scaling one criterion by a positive factor changes nothing', () => {
    fc.assert(
      fc.property(arbInput('max'), fc.integer({ min: 0, max: 4 }), fc.double({ min: 0.001, max: 1000, noNaN: true }), (input, k, f) => {
        const id = input.criteria[k % input.criteria.length]!.id;
        const scaled = { ...input, applicants: input.applicants.map((a) => ({ ...a, values: { ...a.values, [id]: a.values[id]! * f } })) };
        const a = rankValid(input).ranking;
        const b = rankValid(scaled).ranking;
        for (const x of a) expect(b.find((y) => y.applicant === x.applicant)!.score).toBeCloseTo(x.score, 6);
      }),
    );
  });

  it('flipping the direction of a single criterion reverses the order of two applicants', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.constantFrom<'max' | 'minmax'>('max', 'minmax'), (x, y, norm) => {
        fc.pre(Math.abs(x - y) > 1e-6 * Math.max(x, y));
        const input = (direction: 'higher' | 'lower'): RankInput => ({ normalisation: norm, criteria: [{ id: 'k', weight: 100, direction }], applicants: [{ id: 'x', values: { k: x } }, { id: 'y', values: { k: y } }] });
        const up = rankValid(input('higher')).ranking.map((a) => a.applicant);
        const down = rankValid(input('lower')).ranking.map((a) => a.applicant);
        expect(down).toEqual([...up].reverse());
      }),
    );
  });

  it('any weight sum other than 100 is WEIGHTS_NOT_100', () => {
    fc.assert(
      fc.property(arbInput(), fc.double({ min: 0.01, max: 50, noNaN: true }), (input, extra) => {
        const bad = { ...input, criteria: input.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight + extra } : c)) };
        expect(validateRankInput(bad).errors.map((e) => e.code)).toEqual(['WEIGHTS_NOT_100']);
      }),
    );
  });
});

describe('sensitivity', () => {
  it('gives the range where the leader stays first and who takes over', () => {
    const s = rankSensitivity(ISSUE);
    expect(s.leader).toBe('G');
    // G is best on every criterion: it leads at any weight.
    expect(s.criteria.every((c) => c.stableFrom === 0 && c.stableTo === 100 && !c.below && !c.above)).toBe(true);
    const two: RankInput = { normalisation: 'max', criteria: [{ id: 'jobs', weight: 60, direction: 'higher' }, { id: 'area', weight: 40, direction: 'lower' }], applicants: [{ id: 'A', values: { jobs: 100, area: 4000 } }, { id: 'B', values: { jobs: 50, area: 1000 } }] };
    // A: 60·1 + 40·0.25 = 70; B: 60·0.5 + 40·1 = 70 → tie at 60. Move: A = t + 0.25(100−t), B = 0.5t + (100−t) → equal at t = 60.
    expect(rankSensitivity(two).leaderTied).toBe(true);
    const s2 = rankSensitivity({ ...two, criteria: [{ id: 'jobs', weight: 70, direction: 'higher' }, { id: 'area', weight: 30, direction: 'lower' }] });
    expect(s2.leader).toBe('A');
    const jobs = s2.criteria.find((c) => c.criterion === 'jobs')!;
    expect(jobs.stableFrom).toBeCloseTo(60, 9);
    expect(jobs.stableTo).toBe(100);
    expect(jobs.below).toEqual({ at: expect.closeTo(60, 9), newLeader: 'B' });
    const area = s2.criteria.find((c) => c.criterion === 'area')!;
    expect(area.stableTo).toBeCloseTo(40, 9);
    expect(area.above?.newLeader).toBe('B');
  });

  it('reweight keeps the sum at 100 and the others in proportion', () => {
    const w = reweightCriteria(ISSUE.criteria, 'green', 50);
    expect(w.map((c) => c.weight)).toEqual([expect.closeTo(50 * (50 / 70), 9), 50, expect.closeTo(50 * (20 / 70), 9)]);
    expect(reweightCriteria([{ id: 'a', weight: 100, direction: 'higher' }, { id: 'b', weight: 0, direction: 'higher' }, { id: 'c', weight: 0, direction: 'lower' }], 'a', 40).map((c) => c.weight)).toEqual([40, 30, 30]);
  });

  it('property: inside the range the leader stays first; just beyond an end the named applicant leads', () => {
    fc.assert(
      fc.property(arbInput(), fc.double({ min: 0, max: 1, noNaN: true }), (input, u) => {
        const s = rankSensitivity(input);
        fc.pre(s.leader !== null && !s.leaderTied);
        for (const c of s.criteria) {
          expect(c.stableFrom).toBeLessThanOrEqual(c.weight + 1e-9);
          expect(c.stableTo).toBeGreaterThanOrEqual(c.weight - 1e-9);
          const t = c.stableFrom + u * (c.stableTo - c.stableFrom);
          const inside = rankValid({ ...input, criteria: reweightCriteria(input.criteria, c.criterion, t) }).ranking;
          const leaderScore = inside.find((a) => a.applicant === s.leader)!.score;
          for (const a of inside) expect(a.score).toBeLessThanOrEqual(leaderScore + 1e-6);
          for (const [end, dir] of [[c.above, 1], [c.below, -1]] as const) {
            if (!end) continue;
            const t2 = end.at + dir * 1e-3;
            if (t2 < 0 || t2 > 100) continue;
            const beyond = rankValid({ ...input, criteria: reweightCriteria(input.criteria, c.criterion, t2) }).ranking;
            const sc = (id: string) => beyond.find((a) => a.applicant === id)!.score;
            expect(sc(end.newLeader)).toBeGreaterThanOrEqual(sc(s.leader!) - 1e-6);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('plots, calls and applications', () => {
  it('refuses plot areas of 0 or less and positions outside WGS84', () => {
    const ok = { name: 'Slemmestad næringspark', areaM2: 8000, zoningPlanId: '3203-2019-004', lat: 59.78, lon: 10.49, status: 'available' };
    expect(validateLandPlot(ok)).toEqual([]);
    expect(validateLandPlot({ ...ok, areaM2: 0 }).map((i) => i.field)).toEqual(['areaM2']);
    expect(validateLandPlot({ ...ok, areaM2: -5, lat: 95, status: 'gone' }).map((i) => i.field)).toEqual(['areaM2', 'lat', 'status']);
  });
  it('refuses an application with more building m² than the plot', () => {
    const a = { expectedJobs: 40, buildingM2: 9000, activity: 'Lager', sn2007Code: '52.100', certification: null, greenScore: 10, trafficPerDay: 300 };
    expect(validateLandApplication(a, 8000)).toEqual([{ field: 'buildingM2', message: 'Bygningsarealet (9000 m²) er større enn tomten (8000 m²)' }]);
    expect(validateLandApplication({ ...a, buildingM2: 8000, sn2007Code: '52', greenScore: 101 }, 8000).map((i) => i.field)).toEqual(['sn2007Code', 'greenScore']);
  });
  it('derives jobs per m² of plot and the green flag', () => {
    const v = landApplicationValues({ expectedJobs: 20, buildingM2: 5000, activity: 'x', sn2007Code: '52.100', certification: null, greenScore: 10, trafficPerDay: 300 }, 10000);
    expect(v).toEqual({ jobsPerM2: 0.002, green: 10, certified: 0, trafficPerDay: 300, jobs: 20, buildingShare: 0.5 });
    expect(isGreenApplicant({ certification: 'Miljøfyrtårn', greenScore: 0 })).toBe(true);
    expect(isGreenApplicant({ certification: null, greenScore: 59 })).toBe(false);
  });
  it('checks call weights', () => {
    expect(validateLandCallCriteria({ normalisation: 'max', criteria: [{ id: 'jobsPerM2', weight: 50 }, { id: 'green', weight: 40 }] })).toEqual([{ field: 'criteria', message: 'Vektene må summere til 100 (nå 90)' }]);
    expect(validateLandCallCriteria({ normalisation: 'x', criteria: [{ id: 'parking', weight: 100 }] }).map((i) => i.field)).toEqual(['normalisation', 'criteria.0.id']);
  });
  it('computes the program figures from allocations', () => {
    const al = [
      { date: '2023-05-01', plotAreaM2: 10000, jobs: 20, green: false },
      { date: '2024-03-01', plotAreaM2: 5000, jobs: 100, green: true },
      { date: '2024-09-01', plotAreaM2: 5000, jobs: 10, green: false },
    ];
    expect(jobsPer1000m2ByYear(al, [2022, 2023, 2024])).toEqual([{ year: 2023, value: 2, plots: 1 }, { year: 2024, value: 6.5, plots: 3 }]);
    expect(greenShareByYear(al, [2023, 2024, 2025])).toEqual([{ year: 2023, value: 0, plots: 1 }, { year: 2024, value: 50, plots: 2 }]);
  });
});
