import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTS, listKeyFromLabel, listLabelNb, mergeLists, validateListItem, type ListItem } from './lists.js';
import { parseKg, validateRegistration, type RegistrationInput } from './registration.js';
import { intensity, kgPerResidentPerYear, kitchenProgress, normalise, quartersBetween, totals, weekdayOf, type KitchenPlan, type WasteRecord } from './metrics.js';
import { effectiveOfferState, isFinalOfferState, mealsFrom, nextOfferState, OFFER_STATES, validateOffer, type OfferEvent } from './offers.js';

const TODAY = '2026-11-27';
const ok: RegistrationInput = { date: '2026-11-27', stage: 'serving', category: 'dinner', reason: 'overproduction', destination: 'biogas', kg: 2.5 };
const fields = (i: RegistrationInput) => validateRegistration(i, DEFAULT_LISTS, TODAY).map((x) => x.field);

describe('registration', () => {
  it('accepts a normal registration and names every bad field in Norwegian', () => {
    expect(fields(ok)).toEqual([]);
    const bad = validateRegistration({ date: '2026-11-28', stage: 'bin', category: 'x', reason: 'y', destination: 'z', kg: -1 }, DEFAULT_LISTS, TODAY);
    expect(bad.map((x) => x.field)).toEqual(['date', 'stage', 'category', 'reason', 'destination', 'kg']);
    expect(bad[0]!.message).toContain('fram i tid');
    expect(fields({ ...ok, kg: 0 })).toEqual(['kg']);
    expect(fields({ ...ok, kg: 501 })).toEqual(['kg']);
    expect(fields({ ...ok, kg: Number.NaN })).toEqual(['kg']);
    expect(fields({ ...ok, date: '2026-02-30' })).toEqual(['date']);
    expect(fields({ ...ok, date: '2002-01-01' })).toEqual(['date']);
    expect(validateRegistration({ ...ok, kg: 80 }, DEFAULT_LISTS, TODAY, { maxKg: 50, maxAgeDays: 30 })[0]!.message).toContain('50 kg');
  });

  it('accepts exactly the weights in (0, max] and dates up to today (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: -400, max: 400 }), (kg, offset) => {
        const date = new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const f = fields({ ...ok, kg, date });
        expect(f.includes('kg')).toBe(!(kg > 0 && kg <= 500));
        expect(f.includes('date')).toBe(offset > 0);
      }),
    );
  });

  it('reads weights with a decimal comma and spaces', () => {
    expect(parseKg('1,5')).toBe(1.5);
    expect(parseKg(' 1 234,5 kg')).toBe(1234.5);
    expect(parseKg('2.25')).toBe(2.25);
    expect(parseKg('abc')).toBeNull();
    expect(parseKg('')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
      expect(parseKg(`${a},${String(b).padStart(2, '0')}`)).toBeCloseTo(a + b / 100, 6);
    }));
  });
});

const rec = (date: string, kg: number, over: Partial<WasteRecord> = {}): WasteRecord => ({ kitchenId: 'k', date, kg, stage: 'plate', category: 'dinner', reason: 'overproduction', destination: 'biogas', ...over });

describe('normalisation and progress', () => {
  it('turns kg and portions into g per portion and refuses a division by no activity', () => {
    expect(normalise(9.2, 100, 'portions')).toBeCloseTo(92);
    expect(normalise(5, 0, 'portions')).toBeNull();
    expect(intensity([rec('2025-01-10', 10), rec('2025-05-01', 99)], [{ kitchenId: 'k', date: '2025-01-31', amount: 200 }], 'portions', '2025-01-01', '2025-03-31')).toEqual({ kg: 10, activity: 200, value: 50 });
  });

  it('normalising is scale-free: doubling waste and activity keeps the intensity (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }), (kg, act, k) => {
      expect(normalise(kg * k, act * k, 'guest_nights')!).toBeCloseTo(normalise(kg, act, 'guest_nights')!, 6);
    }));
  });

  it('lists calendar quarters', () => {
    expect(quartersBetween('2025-02-10', '2025-08-01').map((q) => `${q.period}:${q.start}..${q.end}`)).toEqual(['2025-Q1:2025-01-01..2025-03-31', '2025-Q2:2025-04-01..2025-06-30', '2025-Q3:2025-07-01..2025-09-30']);
    expect(quartersBetween('2024-11-01', '2025-01-01').map((q) => q.period)).toEqual(['2024-Q4', '2025-Q1']);
  });

  it('judges a kitchen against −50 % by 2030 from its baseline with the program status rule', () => {
    const plan: KitchenPlan = { activityKind: 'portions', baselineFrom: '2024-01-01', baselineTo: '2024-12-31', targetReduction: 0.5, targetDate: '2030-12-31' };
    const act = [
      { kitchenId: 'k', date: '2024-06-30', amount: 1000 },
      { kitchenId: 'k', date: '2026-09-30', amount: 1000 },
    ];
    const improving = kitchenProgress(plan, [rec('2024-06-01', 100), rec('2026-09-01', 70)], act, '2026-11-27');
    expect(improving.baseline).toBeCloseTo(100);
    expect(improving.target).toBeCloseTo(50);
    expect(improving.assessment.status).toBe('on_track');
    const worse = kitchenProgress(plan, [rec('2024-06-01', 100), rec('2026-09-01', 110)], act, '2026-11-27');
    expect(worse.assessment.status).toBe('off_track');
    const noBase = kitchenProgress({ ...plan, baselineFrom: null, baselineTo: null }, [rec('2026-09-01', 70)], act, '2026-11-27');
    expect(noBase.assessment.status).toBe('no_data');
    expect(noBase.series).toHaveLength(1);
  });

  it('adds up totals, CO2e and money, and the kg by stage, weekday… sum to the total (property)', () => {
    const factors = { kgCo2ePerKg: 2.5, nokPerKg: 50, mealsPerKg: 2 };
    const t = totals([rec('2026-11-23', 2), rec('2026-11-24', 3, { stage: 'serving' })], factors);
    expect(t).toMatchObject({ kg: 5, kgCo2e: 12.5, moneyLostOre: 25000, byStage: { plate: 2, serving: 3 } });
    expect(t.byWeekday.monday).toBe(2);
    expect(weekdayOf('2026-11-23')).toBe('monday');
    expect(weekdayOf('2026-11-27')).toBe('friday');
    const arb = fc.array(fc.record({ day: fc.integer({ min: 0, max: 700 }), kg: fc.double({ min: 0.01, max: 100, noNaN: true }), stage: fc.constantFrom(...DEFAULT_LISTS.stages) }), { maxLength: 40 });
    fc.assert(fc.property(arb, (rows) => {
      const w = rows.map((r) => rec(new Date(Date.UTC(2025, 0, 1 + r.day)).toISOString().slice(0, 10), r.kg, { stage: r.stage }));
      const s = totals(w, factors);
      const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      expect(sum(s.byStage)).toBeCloseTo(s.kg, 6);
      expect(sum(s.byWeekday)).toBeCloseTo(s.kg, 6);
      expect(s.kgCo2e).toBeCloseTo(s.kg * 2.5, 6);
    }));
  });

  it('gives kg per resident per year', () => {
    expect(kgPerResidentPerYear(3_890_000, 100_000)).toBeCloseTo(38.9);
    expect(kgPerResidentPerYear(10, 0)).toBeNull();
  });
});

describe('surplus offers', () => {
  it('moves open → claimed → collected | no_show, open → expired, and nothing leaves a final state (property)', () => {
    expect(nextOfferState('open', 'claim')).toBe('claimed');
    expect(nextOfferState('claimed', 'collect')).toBe('collected');
    expect(nextOfferState('claimed', 'no_show')).toBe('no_show');
    expect(nextOfferState('open', 'expire')).toBe('expired');
    expect(nextOfferState('claimed', 'claim')).toBeNull();
    expect(nextOfferState('expired', 'claim')).toBeNull();
    const events: OfferEvent[] = ['claim', 'collect', 'no_show', 'expire'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...events), { maxLength: 10 }), (seq) => {
      let s: (typeof OFFER_STATES)[number] = 'open';
      let claims = 0;
      for (const e of seq) {
        const n = nextOfferState(s, e);
        if (isFinalOfferState(s)) expect(n).toBeNull();
        if (n) {
          if (e === 'claim') claims++;
          s = n;
        }
      }
      expect(claims).toBeLessThanOrEqual(1); // an offer is claimed at most once
    }));
  });

  it('treats an open offer past its expiry as expired', () => {
    expect(effectiveOfferState('open', '2026-11-27T12:00:00Z', '2026-11-27T12:00:01Z')).toBe('expired');
    expect(effectiveOfferState('open', '2026-11-27T12:00:00Z', '2026-11-27T11:00:00Z')).toBe('open');
    expect(effectiveOfferState('claimed', '2026-11-27T12:00:00Z', '2026-11-28T00:00:00Z')).toBe('claimed');
  });

  it('checks an offer and counts meals', () => {
    const now = '2026-11-27T10:00:00.000Z';
    const good = { title: 'Brød', kg: 12, bestBefore: '2026-11-28', pickupFrom: '2026-11-27T15:00:00.000Z', pickupTo: '2026-11-27T18:00:00.000Z', place: 'Heggedal', coldChain: false };
    expect(validateOffer(good, now, 1000)).toEqual([]);
    expect(validateOffer({ ...good, kg: -2, bestBefore: '2026-11-26', pickupTo: '2026-11-27T09:00:00.000Z', title: ' ' }, now, 1000).map((i) => i.field)).toEqual(['title', 'kg', 'bestBefore', 'pickupTo']);
    expect(mealsFrom(12, 2)).toBe(24);
  });
});

describe('own list entries', () => {
  const own = (over: Partial<ListItem>): ListItem => ({ list: 'stages', key: 'kantinedisk', labelNb: 'Kantinedisk', labelEn: 'Canteen counter', active: true, ...over });
  it('makes keys from Norwegian names', () => {
    expect(listKeyFromLabel('  Rester fra kjølerom ')).toBe('rester_fra_kjolerom');
    expect(listKeyFromLabel('Ærfugl & Åker!')).toBe('aerfugl_aker');
    expect(listKeyFromLabel('Crème brûlée')).toBe('creme_brulee');
  });
  it('adds active own entries after the built-in ones, once', () => {
    const lists = mergeLists(DEFAULT_LISTS, [own({}), own({ key: 'gammel', active: false }), own({ list: 'reasons', key: 'feil_i_bestillingen' }), own({ key: 'plate' })]);
    expect(lists.stages).toEqual(['storage', 'preparation', 'serving', 'plate', 'kantinedisk']);
    expect(lists.reasons.at(-1)).toBe('feil_i_bestillingen');
    expect(lists.categories).toEqual(DEFAULT_LISTS.categories);
  });
  it('refuses duplicates of built-in and own entries, by key or by name', () => {
    expect(validateListItem({ list: 'stages', labelNb: 'Kjølerom' }, [own({})])).toEqual([]);
    expect(validateListItem({ list: 'stages', labelNb: 'kantinedisk' }, [own({})])).toHaveLength(1);
    expect(validateListItem({ list: 'stages', labelNb: 'Lager' }, [])[0]!.message).toBe('Listen over ledd har allerede «Lager»');
    expect(validateListItem({ list: 'reasons', labelNb: 'Kantinedisk' }, [own({})])).toEqual([]); // another list
    expect(validateListItem({ list: 'stages', labelNb: '!!' }, [])[0]!.message).toBe('Navnet må ha minst to bokstaver eller tall');
    expect(validateListItem({ list: 'stages', labelNb: 'Ok navn', labelEn: 'x'.repeat(61) }, [])[0]!.field).toBe('labelEn');
  });
  it('labels by the own name, then the built-in one, else the key', () => {
    expect(listLabelNb('kantinedisk', [own({})])).toBe('Kantinedisk');
    expect(listLabelNb('plate')).toBe('tallerkenrester');
    expect(listLabelNb('ukjent')).toBe('ukjent');
  });
});
