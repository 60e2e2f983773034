import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOpen, rankApplications, validateApplication, validateCall, validateReview, type CallInput, type Review } from './grants.js';

const call: CallInput = {
  title: 'Grønne gründere 2027',
  opensAt: '2027-01-10T08:00:00.000Z',
  deadline: '2027-03-01T11:00:00.000Z',
  budgetNok: 500_000,
  minReviewers: 2,
  criteria: [
    { key: 'climate', name: 'Klima- og miljøeffekt', weight: 40, maxScore: 6 },
    { key: 'jobs', name: 'Lokale arbeidsplasser', weight: 30, maxScore: 6 },
    { key: 'feasibility', name: 'Gjennomførbarhet', weight: 30, maxScore: 6 },
  ],
};
const fields = (c: Partial<CallInput>) => validateCall({ ...call, ...c }).map((i) => i.field);
const review = (applicationId: string, reviewerId: string, s: [number, number, number] | null): Review & { applicationId: string } => ({ applicationId, reviewerId, conflict: s === null, scores: s ? { climate: s[0], jobs: s[1], feasibility: s[2] } : {} });

describe('calls', () => {
  it('needs weights that sum to 100 %, unique keys, a deadline after the opening', () => {
    expect(fields({})).toEqual([]);
    expect(validateCall({ ...call, criteria: call.criteria.map((k) => ({ ...k, weight: 30 })) })[0]!.message).toBe('Vektene summerer til 90 %; de må summere til 100 %');
    expect(fields({ deadline: '2027-01-01T00:00:00.000Z' })).toEqual(['deadline']);
    expect(fields({ criteria: [call.criteria[0]!, { ...call.criteria[0]!, weight: 60 }] })).toEqual(['criteria.1.key']);
    expect(fields({ budgetNok: 0, minReviewers: 0, title: ' ' })).toEqual(['title', 'budgetNok', 'minReviewers']);
  });
  it('is open from the opening until the deadline, not at the deadline', () => {
    expect(callOpen(call, '2027-01-10T07:59:59.000Z').open).toBe(false);
    expect(callOpen(call, '2027-02-01T00:00:00.000Z').open).toBe(true);
    expect(callOpen(call, '2027-03-01T11:00:00.000Z')).toEqual({ open: false, message: 'Søknadsfristen gikk ut 2027-03-01 kl. 11:00; søknaden kan ikke sendes inn' });
  });
});

describe('applications and reviews', () => {
  it('refuses an application after the deadline or above the budget', () => {
    const ok = { title: 'Reparasjonskafé på Nesbru', summary: 'Et fast verksted for reparasjon av klær og småelektronikk.', amountNok: 120_000 };
    expect(validateApplication(ok, call, '2027-02-01T00:00:00.000Z')).toEqual([]);
    expect(validateApplication(ok, call, '2027-03-02T00:00:00.000Z').map((i) => i.field)).toEqual(['deadline']);
    expect(validateApplication({ ...ok, amountNok: 600_000, summary: 'kort' }, call, '2027-02-01T00:00:00.000Z').map((i) => i.field)).toEqual(['summary', 'amountNok']);
  });
  it('does not let a reviewer with a conflict of interest score, and checks every score', () => {
    expect(validateReview({ reviewerId: 'r', conflict: false, scores: { climate: 5, jobs: 4, feasibility: 6 } }, call, true)[0]!.message).toBe('Du har meldt deg inhabil i denne søknaden og kan ikke gi poeng');
    expect(validateReview({ reviewerId: 'r', conflict: true, scores: {} }, call, false)).toEqual([]);
    expect(validateReview({ reviewerId: 'r', conflict: false, scores: { climate: 7, jobs: 2.5, extra: 1 } }, call, false).map((i) => i.field)).toEqual(['scores.climate', 'scores.jobs', 'scores.feasibility', 'scores.extra']);
  });
});

describe('ranking', () => {
  it('weights the mean scores of the reviewers without a conflict, flags ties and thin reviews, and fills the budget in rank order', () => {
    const apps = [
      { id: 'a', amountNok: 300_000 },
      { id: 'b', amountNok: 250_000 },
      { id: 'c', amountNok: 100_000 },
      { id: 'd', amountNok: 50_000 },
    ];
    const reviews = [review('a', 'r1', [6, 6, 6]), review('a', 'r2', [4, 4, 4]), review('a', 'r3', null), review('b', 'r1', [6, 3, 3]), review('b', 'r2', [6, 3, 3]), review('c', 'r1', [6, 3, 3]), review('c', 'r2', [6, 3, 3]), review('d', 'r1', [6, 6, 6])];
    const r = rankApplications(call, apps, reviews);
    // a: means 5,5,5 → 40·5/6 + 30·5/6 + 30·5/6 = 83.33; b and c: 40 + 15 + 15 = 70; d: 100 but one review.
    expect(r.map((x) => [x.applicationId, x.rank, x.total])).toEqual([
      ['d', 1, 100],
      ['a', 2, 83.33],
      ['b', 3, 70],
      ['c', 3, 70],
    ]);
    expect(r[0]!.warnings).toEqual(['too_few_reviews']);
    expect(r[1]!).toMatchObject({ reviewers: 2, conflicts: 1, warnings: [] });
    expect(r[2]!.warnings).toEqual(['tie']);
    expect(r.map((x) => x.withinBudget)).toEqual([true, true, false, true]); // 50 + 300 = 350; 250 does not fit in 150; 100 does
    expect(r[1]!.perCriterion.climate).toEqual({ mean: 5, contribution: 33.33 });
  });
  it('property: a total is always within 0–100 and never falls when a score rises', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 2 }), (scores, k) => {
        const reviews = scores.map((s, i) => review('x', `r${i}`, s));
        const before = rankApplications(call, [{ id: 'x', amountNok: 1 }], reviews)[0]!.total;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100);
        const raised = scores.map((s, i) => (i === 0 ? (s.map((v, j) => (j === k ? Math.min(6, v + 1) : v)) as [number, number, number]) : s));
        expect(rankApplications(call, [{ id: 'x', amountNok: 1 }], raised.map((s, i) => review('x', `r${i}`, s)))[0]!.total).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
