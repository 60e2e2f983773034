import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignStats, cumulativeParticipants, initialPostStatus, isoWeek, MODERATION_ACTIONS, nextPostStatus, periodsBetween, POST_STATUSES, validateCampaignEvent, validateCampaignRegistration, validatePost, validateTheme, type CampaignActivity } from './rules.js';
import { BURST_MAX, countLinks, MAX_LINKS, MIN_FORM_MS, normaliseForDuplicate, spamFindings, type SpamInput } from './spam.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const clean: SpamInput = { body: 'Jeg har begynt å reparere klærne mine selv, og det er faktisk gøy.', honeypot: '', formIssuedAt: NOW - 60_000, now: NOW, recentBodies: [], recentByPoster: 0 };
const codes = (i: Partial<SpamInput>) => spamFindings({ ...clean, ...i }).map((f) => f.code);

describe('spam checks', () => {
  it('lets an ordinary post through and names each reason to refuse one', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ honeypot: 'http://spam.example' })).toEqual(['honeypot']);
    expect(codes({ formIssuedAt: NOW - 500 })).toEqual(['too_fast']);
    expect(codes({ formIssuedAt: NOW - MIN_FORM_MS })).toEqual([]);
    expect(codes({ formIssuedAt: NOW - 5 * 3600_000 })).toEqual(['token_expired']);
    expect(codes({ body: 'Kjøp her: https://a.example/x www.b.example c.ru/d' })).toEqual(['too_many_links']);
    expect(codes({ body: 'DETTE ER ET VELDIG VIKTIG BUDSKAP TIL ALLE' })).toEqual(['shouting']);
    expect(codes({ body: 'Hei!!!!!!!!!!!!!!!!!!!!' })).toEqual(['repeated']);
    expect(codes({ recentBodies: [normaliseForDuplicate('  jeg HAR begynt å reparere klærne mine selv — og det er faktisk gøy!')] })).toEqual(['duplicate']);
    expect(codes({ recentByPoster: BURST_MAX })).toEqual(['burst']);
    expect(spamFindings({ ...clean, honeypot: 'x' })[0]).toMatchObject({ field: 'website', message: expect.stringMatching(/skjult felt/) });
  });

  it('counts links of several shapes, and never more links than whitespace-separated words', () => {
    expect(countLinks('se https://asker.kommune.no og www.nrk.no')).toBe(2);
    expect(countLinks('ingen lenker her, bare 3.5 kg')).toBe(0);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(countLinks(s)).toBeLessThanOrEqual(s.split(/\s+/).filter(Boolean).length);
      }),
    );
  });

  it('refuses any post with more than MAX_LINKS links, whatever the words around them', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zæøå]{1,8}$/), { maxLength: 10 }), fc.integer({ min: MAX_LINKS + 1, max: 8 }), (words, n) => {
        const body = [...words, ...Array.from({ length: n }, (_, i) => `https://spam${i}.example/x`)].join(' ');
        expect(codes({ body })).toContain('too_many_links');
      }),
    );
  });

  it('finds a duplicate whatever the case, punctuation and spacing', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zæøå0-9]{1,10}$/), { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '  ', ', ', '! ', ' - '), (words, sep) => {
        const original = words.join(' ');
        const variant = words.map((w, i) => (i % 2 ? w.toUpperCase() : w)).join(sep) + '!';
        expect(normaliseForDuplicate(variant)).toBe(normaliseForDuplicate(original));
      }),
    );
  });

  it('is never fooled by a honeypot: any non-blank value refuses the post', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (h) => {
      expect(codes({ honeypot: h })).toContain('honeypot');
    }));
  });
});

describe('themes, events, registrations and posts', () => {
  it('names the bad fields in Norwegian', () => {
    expect(validateTheme({ titleNb: '', textNb: '', moderation: 'maybe', open: true }).map((e) => e.field)).toEqual(['titleNb', 'textNb', 'moderation']);
    expect(validateTheme({ titleNb: 'Mat og matsvinn', textNb: 'Tekst', moderation: 'pre', open: true })).toEqual([]);
    const ev = { title: 'Reparasjonskafé', kind: 'repair_day', place: 'Asker bibliotek', startsAt: '2027-03-06T11:00', endsAt: '2027-03-06T15:00', capacity: 20 };
    expect(validateCampaignEvent(ev)).toEqual([]);
    expect(validateCampaignEvent({ ...ev, kind: 'party', endsAt: '2027-03-06T10:00', capacity: 0 }).map((e) => e.field)).toEqual(['kind', 'endsAt', 'capacity']);
    expect(validateCampaignEvent({ ...ev, capacity: 5 }, 8)[0]).toMatchObject({ field: 'capacity', message: expect.stringContaining('8 plassene') });
    expect(validateCampaignRegistration({ name: 'Kari', seats: 2 })).toEqual([]);
    expect(validateCampaignRegistration({ name: ' ', email: 'ikke-epost', seats: 9 }).map((e) => e.field)).toEqual(['name', 'email', 'seats']);
    expect(validatePost({ displayName: 'Ola', title: '', body: 'x', isReply: false, acceptedConduct: false }).map((e) => e.field)).toEqual(['acceptedConduct', 'title', 'body']);
    expect(validatePost({ displayName: 'Ola', body: 'Et svar', isReply: true, acceptedConduct: true })).toEqual([]);
  });

  it('moderates by mode: pre holds a post, post shows it; actions apply only where they make sense', () => {
    expect(initialPostStatus('pre')).toBe('pending');
    expect(initialPostStatus('post')).toBe('visible');
    expect(nextPostStatus('pending', 'approve')).toBe('visible');
    expect(nextPostStatus('visible', 'approve')).toBeNull();
    expect(nextPostStatus('hidden', 'restore')).toBe('visible');
    expect(nextPostStatus('visible', 'restore')).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom(...POST_STATUSES), fc.constantFrom(...MODERATION_ACTIONS), (s, a) => {
        const next = nextPostStatus(s, a);
        if (next !== null) expect(POST_STATUSES).toContain(next);
        if (a === 'hide') expect(next === 'hidden' || (s === 'hidden' && next === null)).toBe(true);
      }),
    );
  });
});

describe('statistics over time', () => {
  it('numbers ISO weeks as the standard does', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(periodsBetween('2026-11-01', '2027-02-10', 'month')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-12-28', '2027-01-12', 'week')).toEqual(['2026-W53', '2027-W01', '2027-W02']);
  });

  it('has one consecutive week for every 7 days, with no gaps or repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }), (startDay, span) => {
        const from = new Date(Date.UTC(2020, 0, 1) + startDay * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
        const weeks = periodsBetween(from, to, 'week');
        expect(new Set(weeks).size).toBe(weeks.length);
        expect(weeks[0]).toBe(isoWeek(from));
        expect(weeks[weeks.length - 1]).toBe(isoWeek(to));
        expect(weeks.length).toBeGreaterThanOrEqual(Math.ceil((span + 1) / 7));
        expect(weeks.length).toBeLessThanOrEqual(Math.ceil((span + 1) / 7) + 1);
      }),
    );
  });

  const activity: CampaignActivity = {
    registrations: [
      { eventStart: '2026-03-10T18:00:00Z', seats: 3 },
      { eventStart: '2026-03-20T18:00:00Z', seats: 2 },
      { eventStart: '2027-01-15T10:00:00Z', seats: 4 },
    ],
    posts: [
      { at: '2026-03-02T10:00:00Z', posterKey: 'a' },
      { at: '2026-03-05T10:00:00Z', posterKey: 'a' },
      { at: '2026-04-05T10:00:00Z', posterKey: 'b' },
      { at: '2027-01-05T10:00:00Z', posterKey: 'a' },
    ],
    calculatorResults: [{ at: '2026-03-01T00:00:00Z' }, { at: '2026-04-01T00:00:00Z' }],
    pledges: [{ at: '2026-04-02T00:00:00Z' }],
  };

  it('counts seats, distinct posters, posts, results and pledges per month', () => {
    const rows = campaignStats(activity, 'month', '2026-03-01', '2026-05-31');
    expect(rows).toEqual([
      { period: '2026-03', eventSeats: 5, posters: 1, participants: 6, posts: 2, calculatorResults: 1, pledges: 0 },
      { period: '2026-04', eventSeats: 0, posters: 1, participants: 1, posts: 1, calculatorResults: 1, pledges: 1 },
      { period: '2026-05', eventSeats: 0, posters: 0, participants: 0, posts: 0, calculatorResults: 0, pledges: 0 },
    ]);
  });

  it('adds up participants cumulatively: seats of started events, posters once per year, shared results', () => {
    expect(cumulativeParticipants(activity, '2026-12-31')).toEqual({ total: 5 + 2 + 2, eventSeats: 5, posters: 2, calculatorResults: 2 });
    expect(cumulativeParticipants(activity, '2027-03-31')).toEqual({ total: 9 + 3 + 2, eventSeats: 9, posters: 3, calculatorResults: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (a, b) => {
        const d = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const [x, y] = a <= b ? [d(a), d(b)] : [d(b), d(a)];
        expect(cumulativeParticipants(activity, x).total).toBeLessThanOrEqual(cumulativeParticipants(activity, y).total);
      }),
    );
  });
});
