import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IndicatorSpec, Observation, Status } from './types.js';
import {
  STATUS_RULES,
  STATUS_RULE_TEXT,
  assess,
  dueDate,
  expectedValue,
  finalTarget,
  isStale,
  nextTarget,
  project,
  rollUp,
  staleAfter,
  summarise,
} from './progress.js';
import { addMonths } from './dates.js';

const spec = (over: Partial<IndicatorSpec> = {}): IndicatorSpec => ({
  direction: 'increase',
  baseline: { date: '2020-12-31', value: 100 },
  targets: [{ date: '2027-12-31', value: 300 }],
  path: 'linear',
  tolerance: 0.1,
  reportingInterval: 'yearly',
  ...over,
});

const DAY = 86_400_000;
const isoFromDay = (day: number): string => new Date(Date.UTC(2000, 0, 1) + day * DAY).toISOString().slice(0, 10);
const RANK: Record<Status, number> = { on_track: 0, at_risk: 1, off_track: 2, no_data: 3 };

// Arbitraries: a spec with a single or several targets after the baseline, and a date within the program window.
const value = fc.integer({ min: -1_000_000, max: 1_000_000 });
const arbSpec = fc
  .record({
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
    baseDay: fc.integer({ min: 0, max: 5000 }),
    baseValue: value,
    steps: fc.array(fc.record({ days: fc.integer({ min: 1, max: 3000 }), value }), { minLength: 1, maxLength: 4 }),
    path: fc.constantFrom('linear' as const, 'stepwise' as const),
    tolerance: fc.constantFrom(0, 0.05, 0.1, 0.25, 1),
  })
  .map(({ direction, baseDay, baseValue, steps, path, tolerance }): IndicatorSpec => {
    let day = baseDay;
    const targets = steps.map((s) => ({ date: isoFromDay((day += s.days)), value: s.value }));
    return {
      direction,
      baseline: { date: isoFromDay(baseDay), value: baseValue },
      targets: targets.reverse(), // order of input must not matter
      path,
      tolerance,
      reportingInterval: 'yearly',
    };
  });
const arbDay = fc.integer({ min: -500, max: 20_000 });

describe('expectedValue', () => {
  it('interpolates linearly between baseline and target', () => {
    expect(expectedValue(spec(), '2024-06-30')).toBeCloseTo(200, 0);
    expect(expectedValue(spec(), '2024-06-30')).toBeCloseTo(100 + 200 * (1277 / 2556), 9);
    expect(expectedValue(spec(), '2020-12-31')).toBe(100);
    expect(expectedValue(spec(), '2027-12-31')).toBe(300);
  });

  it('clamps before the baseline and after the last target', () => {
    expect(expectedValue(spec(), '2015-01-01')).toBe(100);
    expect(expectedValue(spec(), '2035-01-01')).toBe(300);
  });

  it('goes piecewise through intermediate targets in date order', () => {
    const s = spec({ targets: [{ date: '2030-12-31', value: 100 }, { date: '2025-12-31', value: 200 }] });
    expect(expectedValue(s, '2025-12-31')).toBe(200);
    expect(expectedValue(s, '2028-07-01')).toBeCloseTo(150, 0);
    expect(finalTarget(s)).toEqual({ date: '2030-12-31', value: 100 });
  });

  it('stepwise stays at the previous milestone until a target date', () => {
    const s = spec({ path: 'stepwise', targets: [{ date: '2023-12-31', value: 150 }, { date: '2027-12-31', value: 300 }] });
    expect(expectedValue(s, '2023-12-30')).toBe(100);
    expect(expectedValue(s, '2023-12-31')).toBe(150);
    expect(expectedValue(s, '2027-12-30')).toBe(150);
    expect(expectedValue(s, '2027-12-31')).toBe(300);
  });

  it('handles a decrease of 50 %', () => {
    const s = spec({ direction: 'decrease', baseline: { date: '2020-01-01', value: 80 }, targets: [{ date: '2030-01-01', value: 40 }] });
    expect(expectedValue(s, '2025-01-01')).toBeCloseTo(60, 1);
    expect(assess(s, [{ date: '2024-12-31', value: 59 }], '2025-03-01').status).toBe('on_track');
    expect(assess(s, [{ date: '2024-12-31', value: 63 }], '2025-03-01').status).toBe('at_risk'); // allowed 4
    expect(assess(s, [{ date: '2024-12-31', value: 65 }], '2025-03-01').status).toBe('off_track');
  });

  it('is null without baseline or usable targets', () => {
    expect(expectedValue(spec({ baseline: null }), '2024-01-01')).toBeNull();
    expect(expectedValue(spec({ targets: [] }), '2024-01-01')).toBeNull();
    expect(expectedValue(spec({ targets: [{ date: '2019-01-01', value: 5 }] }), '2024-01-01')).toBeNull();
  });

  it('property: lies between the smallest and largest milestone, and between baseline and target for one target', () => {
    fc.assert(
      fc.property(arbSpec, arbDay, (s, day) => {
        const v = expectedValue(s, isoFromDay(day));
        const values = [s.baseline!.value, ...s.targets.map((t) => t.value)];
        expect(v).not.toBeNull();
        expect(v!).toBeGreaterThanOrEqual(Math.min(...values));
        expect(v!).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });

  it('property: with a single target, the path is monotone in time towards the target', () => {
    fc.assert(
      fc.property(arbSpec, arbDay, arbDay, (s0, d1, d2) => {
        const s = { ...s0, targets: s0.targets.slice(0, 1) };
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const va = expectedValue(s, isoFromDay(a))!;
        const vb = expectedValue(s, isoFromDay(b))!;
        const up = s.targets[0]!.value >= s.baseline!.value;
        expect(up ? vb >= va : vb <= va).toBe(true);
      }),
    );
  });
});

describe('staleness', () => {
  it('yearly: a value counts for two years after its period end', () => {
    expect(dueDate('2023-12-31', 'yearly')).toBe('2024-12-31');
    expect(staleAfter('2023-12-31', 'yearly')).toBe('2025-12-31');
    expect(isStale('2023-12-31', '2025-12-31', 'yearly')).toBe(false);
    expect(isStale('2023-12-31', '2026-01-01', 'yearly')).toBe(true);
  });

  it('quarterly and monthly keep month ends as month ends', () => {
    expect(dueDate('2024-03-31', 'quarterly')).toBe('2024-06-30');
    expect(staleAfter('2024-03-31', 'quarterly')).toBe('2024-09-30');
    expect(dueDate('2024-01-31', 'monthly')).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-31');
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(isStale('2024-01-31', '2024-03-31', 'monthly')).toBe(false);
    expect(isStale('2024-01-31', '2024-04-01', 'monthly')).toBe(true);
  });

  it('exports the numbers and texts the public page explains', () => {
    expect(STATUS_RULES.staleAfterIntervals).toBe(2);
    expect(STATUS_RULES.monthsPerInterval).toEqual({ yearly: 12, quarterly: 3, monthly: 1 });
    expect(STATUS_RULE_TEXT.nb).toMatch(/to rapporteringsperioder/);
    expect(STATUS_RULE_TEXT.en).toMatch(/two reporting periods/);
  });

  it('rejects malformed dates', () => {
    expect(() => isStale('2023-02-30', '2024-01-01', 'yearly')).toThrow(RangeError);
    expect(() => expectedValue(spec(), '2024-1-1')).toThrow(RangeError);
  });
});

describe('assess', () => {
  it('on the path → on_track, with expected, gap, projection and next target', () => {
    const a = assess(spec(), [{ date: '2021-12-31', value: 120 }, { date: '2023-12-31', value: 190 }], '2024-03-01');
    expect(a.status).toBe('on_track');
    expect(a.reason.code).toBe('ahead_of_path');
    expect(a.expected).toBeCloseTo(100 + (200 * 1095) / 2556, 9);
    expect(a.gap).toBeCloseTo(190 - a.expected!, 9);
    expect(a.latest).toEqual({ date: '2023-12-31', value: 190 });
    expect(a.projection?.method).toBe('linear_trend');
    expect(a.projection?.value).toBeCloseTo(120 + 35 * 6, 0);
    expect(a.nextTarget).toEqual({ date: '2027-12-31', value: 300 });
  });

  it('behind within tolerance → at_risk, beyond → off_track', () => {
    // expected at 2023-12-31 ≈ 185.68; allowed = 0.1 × 200 = 20
    const at = assess(spec(), [{ date: '2023-12-31', value: 170 }], '2024-03-01');
    expect(at.status).toBe('at_risk');
    expect(at.reason).toMatchObject({ code: 'behind_path_within_tolerance', params: { allowed: 20 } });
    expect(at.projection).toEqual({ date: '2027-12-31', value: 170, method: 'single_point' });
    const off = assess(spec(), [{ date: '2023-12-31', value: 160 }], '2024-03-01');
    expect(off.status).toBe('off_track');
    expect(off.reason.code).toBe('behind_path_beyond_tolerance');
    expect(off.gap!).toBeLessThan(-20);
  });

  it('final target already reached → on_track even if a stepwise path would say otherwise', () => {
    const a = assess(spec({ targets: [{ date: '2027-12-31', value: 150 }] }), [{ date: '2021-12-31', value: 155 }], '2022-01-15');
    expect(a.status).toBe('on_track');
    expect(a.reason.code).toBe('target_reached');
  });

  it('no values, stale values and missing targets give no_data with a reason', () => {
    expect(assess(spec(), [], '2024-01-01').reason.code).toBe('no_values');
    const stale = assess(spec(), [{ date: '2021-12-31', value: 999 }], '2024-01-01');
    expect(stale).toMatchObject({ status: 'no_data', reason: { code: 'stale', params: { staleAfter: '2023-12-31' } } });
    const noTarget = assess(spec({ targets: [] }), [{ date: '2023-12-31', value: 1 }], '2024-01-01');
    expect(noTarget).toMatchObject({ status: 'no_data', reason: { code: 'no_target' }, latest: { value: 1 } });
    expect(assess(spec({ baseline: null }), [{ date: '2023-12-31', value: 1 }], '2024-01-01').reason.code).toBe('no_target');
  });

  it('ignores observations after asOf and non-finite values', () => {
    const obs = [{ date: '2022-12-31', value: 160 }, { date: '2023-12-31', value: NaN }, { date: '2024-12-31', value: 0 }];
    const a = assess(spec(), [obs[1]!, obs[0]!, obs[2]!, { date: '2021-12-31', value: 1 }], '2024-06-01');
    expect(a.latest).toEqual({ date: '2022-12-31', value: 160 }); // expected there ≈ 157.1
    expect(a.status).toBe('on_track');
  });

  const arbCase = fc.record({ s: arbSpec, day: arbDay, v: value });
  const statusOf = (s: IndicatorSpec, day: number, v: number): Status => {
    const date = isoFromDay(day);
    return assess(s, [{ date, value: v }], date).status;
  };

  it('property: a value exactly on the path is on_track', () => {
    fc.assert(
      fc.property(arbSpec, arbDay, (s, day) => {
        const date = isoFromDay(day);
        const a = assess(s, [{ date, value: expectedValue(s, date)! }], date);
        expect(a.status).toBe('on_track');
        expect(a.gap).toBe(0);
      }),
    );
  });

  it('property: moving the value in the good direction never worsens the status, the bad direction never improves it', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 2_000_000 }), ({ s, day, v }, delta) => {
        const sign = s.direction === 'increase' ? 1 : -1;
        const here = statusOf(s, day, v);
        expect(here).not.toBe('no_data');
        expect(RANK[statusOf(s, day, v + sign * delta)]).toBeLessThanOrEqual(RANK[here]);
        expect(RANK[statusOf(s, day, v - sign * delta)]).toBeGreaterThanOrEqual(RANK[here]);
      }),
    );
  });

  it('property: decrease mirrors increase with negated numbers', () => {
    fc.assert(
      fc.property(arbCase, ({ s, day, v }) => {
        const mirrored: IndicatorSpec = {
          ...s,
          direction: s.direction === 'increase' ? 'decrease' : 'increase',
          baseline: { ...s.baseline!, value: -s.baseline!.value },
          targets: s.targets.map((t) => ({ ...t, value: -t.value })),
        };
        const date = isoFromDay(day);
        const a = assess(s, [{ date, value: v }], date);
        const b = assess(mirrored, [{ date, value: -v }], date);
        expect(b.status).toBe(a.status);
        expect(b.reason.code).toBe(a.reason.code);
        expect(b.gap).toBe(a.gap);
        expect(b.expected === -a.expected!).toBe(true);
      }),
    );
  });

  it('property: the status is no_data exactly when the latest value is stale', () => {
    fc.assert(
      fc.property(arbSpec, arbDay, fc.integer({ min: 0, max: 1500 }), (s, day, lag) => {
        const a = assess(s, [{ date: isoFromDay(day), value: 0 }], isoFromDay(day + lag));
        if (lag <= 730) expect(a.status).not.toBe('no_data'); // two years are at least 730 days
        if (lag > 731) expect(a.reason.code).toBe('stale'); // and at most 731
        expect(a.status === 'no_data').toBe(isStale(isoFromDay(day), isoFromDay(day + lag), 'yearly'));
      }),
    );
  });
});

describe('nextTarget', () => {
  it('is the first target on or after asOf, null after the last', () => {
    const s = spec({ targets: [{ date: '2025-12-31', value: 200 }, { date: '2030-12-31', value: 300 }] });
    expect(nextTarget(s, '2024-01-01')).toEqual({ date: '2025-12-31', value: 200 });
    expect(nextTarget(s, '2025-12-31')).toEqual({ date: '2025-12-31', value: 200 });
    expect(nextTarget(s, '2026-01-01')).toEqual({ date: '2030-12-31', value: 300 });
    expect(nextTarget(s, '2031-01-01')).toBeNull();
  });
});

describe('project', () => {
  it('fits a least-squares line and handles one or no observation', () => {
    const obs: Observation[] = [
      { date: '2021-12-31', value: 10 },
      { date: '2022-12-31', value: 14 },
      { date: '2023-12-31', value: 16 },
    ];
    const p = project(obs, '2024-12-31')!;
    expect(p.method).toBe('linear_trend');
    expect(p.value).toBeCloseTo(19.33, 1); // slope ≈ 3/yr, mean 13.33 at 2022-12-31
    expect(project(obs.slice(0, 1), '2030-01-01')).toEqual({ date: '2030-01-01', value: 10, method: 'single_point' });
    expect(project([], '2030-01-01')).toBeNull();
  });

  it('property: exactly linear data is reproduced', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        arbDay,
        (days, a, b, target) => {
          const years = (day: number): number => (Date.UTC(2000, 0, 1) + day * DAY) / (365.2425 * DAY);
          const line = (day: number): number => a + b * (years(day) - 30);
          const p = project(days.map((d) => ({ date: isoFromDay(d), value: line(d) })), isoFromDay(target))!;
          expect(p.method).toBe('linear_trend');
          expect(Math.abs(p.value - line(target))).toBeLessThan(1e-6 * (1 + Math.abs(a) + Math.abs(b) * 100));
        },
      ),
    );
  });
});

describe('rollUp and summarise', () => {
  const arbStatus = fc.constantFrom<Status>('on_track', 'at_risk', 'off_track', 'no_data');

  it('picks the worst status with data', () => {
    expect(rollUp([])).toBe('no_data');
    expect(rollUp(['no_data', 'no_data'])).toBe('no_data');
    expect(rollUp(['on_track', 'no_data'])).toBe('on_track');
    expect(rollUp(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(rollUp(['at_risk', 'off_track', 'on_track'])).toBe('off_track');
    expect(summarise(['on_track', 'on_track', 'no_data'])).toEqual({ on_track: 2, at_risk: 0, off_track: 0, no_data: 1 });
  });

  it('property: order-independent and equal to the worst status with data', () => {
    fc.assert(
      fc.property(fc.array(arbStatus), fc.array(fc.nat()), (statuses, keys) => {
        const shuffled = statuses
          .map((s, i) => ({ s, k: keys[i] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.s);
        const withData = statuses.filter((s) => s !== 'no_data');
        const worst = withData.length ? withData.reduce((w, s) => (RANK[s] > RANK[w] ? s : w)) : 'no_data';
        expect(rollUp(shuffled)).toBe(rollUp(statuses));
        expect(rollUp(statuses)).toBe(worst);
        const counts = summarise(shuffled);
        expect(counts.on_track + counts.at_risk + counts.off_track + counts.no_data).toBe(statuses.length);
        expect(counts.off_track).toBe(statuses.filter((s) => s === 'off_track').length);
      }),
    );
  });
});
