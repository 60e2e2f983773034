import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { ENGINES, systemCtx } from '../testing/databases.js';
import { call, startTestApp, type TestApp, type TestSession } from '../testing/http.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { campaignRepository } from './campaign.repository.js';
import { cancelRegistration, campaignStatistics, createEvent, createPost, createTheme, issueFormToken, listEvents, listThemes, moderatePost, moderationQueue, register, reportPost, themeWithThreads, updateEvent, verifyFormToken } from './campaign.service.js';
import { CAMPAIGN_PUBLISHERS } from './campaign.publishers.js';
import { DEMO_STEPS } from '../demo/demo.steps.js';
import { footprintDemoStep } from '../footprint/footprint.demo.js';
import { campaignDemoStep } from './campaign.demo.js';

// Seed only the demo data this file reads (users, the calculator's shared results and pledges,
// the campaign), so it does not wait for every other domain's demo on a loaded machine. Each test
// file runs in its own process, so no other file sees this.
DEMO_STEPS.splice(0, DEMO_STEPS.length, footprintDemoStep, campaignDemoStep);

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('campaign on %s', (engine) => {
  let t: TestApp;
  let ctx: Ctx;
  let anon: Ctx;
  let secret: string;
  let participantNo = 0;
  const pc = () => ({ secret, address: '10.1.1.1', byStaff: false });
  /** A form shown a minute ago, by a fresh browser. */
  const form = () => ({ formToken: issueFormToken(secret, Date.now() - 60_000), participant: `test-participant-${String(++participantNo).padStart(6, '0')}`, acceptedConduct: true });
  const E = '/api/campaign';
  const P = '/api/public/campaign';
  let camilla: TestSession;
  let other: TestSession;

  beforeAll(async () => {
    t = await startTestApp(engine);
    ctx = await systemCtx(t.deps, 'asker');
    anon = { ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } };
    secret = t.deps.config.sessionSecret;
    camilla = await t.login('camilla.nesseklev@asker.example');
    other = await t.login('ingeborg.lundestad@asker.example');
  });
  afterAll(async () => t?.close());

  const themeByTitle = async (title: string) => (await listThemes(anon)).find((x) => x.titleNb === title)!;

  it('seeds the demo themes, events, threads, a held post and a reported post (once)', async () => {
    const themes = await listThemes(anon);
    expect(themes.map((x) => x.titleNb)).toEqual(['Kjøp mindre, bruk lenger', 'Mat og matsvinn', 'Reise og transport']);
    expect(themes.find((x) => x.titleNb === 'Reise og transport')!.moderation).toBe('pre');
    const queue = await moderationQueue(ctx, { limit: 25, offset: 0 });
    expect(queue.items.map((i) => [i.post.displayName, i.post.status, i.reports.map((r) => r.reason)])).toEqual([
      ['Tor', 'visible', ['spam']],
      ['Per', 'pending', []],
    ]);
    const events = await listEvents(anon, {}, { limit: 25, offset: 0 });
    expect(events.items.every((e) => e.endsAt >= new Date().toISOString())).toBe(true);
    expect(events.items.some((e) => e.kind === 'repair_day')).toBe(true);
  });

  it('never takes more seats than the capacity, however many register at once', async () => {
    const ev = await createEvent(ctx, { kind: 'workshop', title: 'Kappløpsverksted', place: 'Biblioteket', startsAt: '2030-01-10T18:00', endsAt: '2030-01-10T20:00', capacity: 5 });
    const results = await Promise.allSettled(Array.from({ length: 14 }, (_, i) => register({ ...anon }, ev.id, { name: `Deltaker ${i}`, seats: 1 })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok.length).toBe(5);
    expect(refused.length).toBe(9);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'conflict', message: '«Kappløpsverksted» er fullt' });
    const row = await campaignRepository(ctx.scope).event(ev.id);
    expect(Number(row!.seats_taken)).toBe(5);
    expect((await campaignRepository(ctx.scope).registrations(ev.id)).length).toBe(5);

    // Several seats at once: never a partial booking; the message says how many are left.
    const two = await createEvent(ctx, { kind: 'repair_day', title: 'Reparasjon for par', place: 'Vollen', startsAt: '2030-02-10T11:00', endsAt: '2030-02-10T15:00', capacity: 5 });
    const pairs = await Promise.allSettled(Array.from({ length: 6 }, () => register({ ...anon }, two.id, { name: 'Par', seats: 2 })));
    expect(pairs.filter((r) => r.status === 'fulfilled').length).toBe(2);
    const e = await appError(register(anon, two.id, { name: 'Par', seats: 2 }));
    expect(e.message).toBe('Det er bare 1 plass igjen på «Reparasjon for par»');
    expect(e.details).toEqual([{ field: 'seats', message: 'Velg høyst 1 plass' }]);
  });

  it('gives a cancel code, stores only its hash, and frees the seats once', async () => {
    const ev = await createEvent(ctx, { kind: 'meeting', title: 'Avbestillingsmøte', place: 'Rådhuset', startsAt: '2030-03-01T18:00', endsAt: '2030-03-01T20:00', capacity: 3 });
    const reg = await register(anon, ev.id, { name: 'Kari', email: 'kari@example.org', seats: 3 });
    expect(reg.cancelCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(reg.seatsLeft).toBe(0);
    const stored = (await campaignRepository(ctx.scope).registrations(ev.id))[0]!;
    expect(JSON.stringify(stored)).not.toContain(reg.cancelCode);
    expect((await appError(register(anon, ev.id, { name: 'Ola', seats: 1 }))).code).toBe('conflict');
    expect(await cancelRegistration(anon, reg.cancelCode.toLowerCase())).toEqual({ eventId: ev.id, seats: 3 });
    expect((await appError(cancelRegistration(anon, reg.cancelCode))).code).toBe('conflict');
    expect(Number((await campaignRepository(ctx.scope).event(ev.id))!.seats_taken)).toBe(0);
    expect((await appError(cancelRegistration(anon, 'AAAA-BBBB-CCCC'))).details[0]!.field).toBe('code');
    // The capacity cannot go below the seats taken.
    await register(anon, ev.id, { name: 'Ola', seats: 2 });
    const low = await appError(updateEvent(ctx, ev.id, { kind: 'meeting', title: 'Avbestillingsmøte', place: 'Rådhuset', startsAt: '2030-03-01T18:00', endsAt: '2030-03-01T20:00', capacity: 1 }));
    expect(low.details[0]).toMatchObject({ field: 'capacity' });
    expect((await appError(register(anon, ev.id, { name: '', email: 'x', seats: 0 }))).details.map((d) => d.field)).toEqual(['name', 'email', 'seats']);
  });

  it('holds posts in a pre-moderated theme until approved, and shows them at once in a post-moderated one', async () => {
    const pre = await createTheme(ctx, { titleNb: 'Forhåndsmoderert', textNb: 'Tekst', moderation: 'pre', open: true });
    const post = await createTheme(ctx, { titleNb: 'Etterhåndsmoderert', textNb: 'Tekst', moderation: 'post', open: true });
    const held = await createPost(anon, pre.id, { ...form(), displayName: 'Anne', title: 'Min refleksjon', body: 'Jeg har kuttet ut ett fly i året.' }, pc());
    expect(held.status).toBe('pending');
    expect((await themeWithThreads(anon, pre.id, { limit: 10, offset: 0 })).threads).toEqual([]);
    expect((await campaignRepository(ctx.scope).post(held.id))!.body).toBe('Jeg har kuttet ut ett fly i året.'); // stored, not dropped
    await moderatePost(ctx, held.id, { action: 'approve' });
    expect((await themeWithThreads(anon, pre.id, { limit: 10, offset: 0 })).threads.map((x) => x.title)).toEqual(['Min refleksjon']);

    const shown = await createPost(anon, post.id, { ...form(), displayName: 'Bjørn', title: 'Sykkel hele året', body: 'Piggdekk gjør vinteren grei.' }, pc());
    expect(shown.status).toBe('visible');
    const reply = await createPost(anon, post.id, { ...form(), parentId: shown.id, displayName: 'Cecilie', body: 'Enig, og det er billig.' }, pc());
    const view = await themeWithThreads(anon, post.id, { limit: 10, offset: 0 });
    expect(view.threads[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    // The poster is kept only as a keyed hash, never the participant id or address.
    const row = (await campaignRepository(ctx.scope).post(reply.id))!;
    expect(row.poster_key).not.toContain('test-participant');
    expect(row.poster_key).not.toContain('10.1.1.1');

    // A closed theme takes no new posts; its threads stay readable.
    const closed = await createTheme(ctx, { titleNb: 'Avsluttet', textNb: 'Tekst', moderation: 'post', open: false });
    expect((await appError(createPost(anon, closed.id, { ...form(), displayName: 'D', title: 'T', body: 'Hei hei' }, pc()))).code).toBe('conflict');
    // The code of conduct must be accepted.
    const noConduct = await appError(createPost(anon, post.id, { ...form(), acceptedConduct: false, displayName: 'E', title: 'T', body: 'Hei hei' }, pc()));
    expect(noConduct.details.map((d) => d.field)).toEqual(['acceptedConduct']);
  });

  it('refuses spam with the reason: honeypot, too fast, forged token, links, duplicates; a burst gets 429', async () => {
    const theme = await createTheme(ctx, { titleNb: 'Spamtest', textNb: 'Tekst', moderation: 'post', open: true });
    const base = { displayName: 'Spammer', title: 'Tilbud' };
    const fields = async (extra: object, body = 'En helt vanlig tekst') => (await appError(createPost(anon, theme.id, { ...form(), ...base, body, ...extra }, pc()))).details.map((d) => d.field);
    expect(await fields({ website: 'http://spam.example' })).toEqual(['website']);
    expect(await fields({ formToken: issueFormToken(secret, Date.now() - 500) })).toEqual(['formToken']);
    expect(await fields({ formToken: `${Date.now() - 60_000}.forfalsket-signatur-000000000000` })).toEqual(['formToken']);
    expect(verifyFormToken(secret, issueFormToken(secret, 1_700_000_000_000))).toBe(1_700_000_000_000);
    expect(await fields({}, 'Se https://a.example https://b.example https://c.example')).toEqual(['body']);
    await createPost(anon, theme.id, { ...form(), ...base, body: 'Første gang denne teksten' }, pc());
    expect(await fields({}, 'FØRSTE gang, denne teksten!')).toEqual(['body']);
    // One poster, many posts: the sixth within ten minutes is refused as rate_limited.
    const me = form();
    for (let i = 0; i < 5; i++) await createPost(anon, theme.id, { ...me, formToken: issueFormToken(secret, Date.now() - 60_000), ...base, body: `Innlegg nummer ${i} fra meg` }, pc());
    const burst = await appError(createPost(anon, theme.id, { ...me, formToken: issueFormToken(secret, Date.now() - 60_000), ...base, body: 'Innlegg nummer 6 fra meg' }, pc()));
    expect(burst.code).toBe('rate_limited');
    expect(burst.message).toMatch(/For mange innlegg/);
  });

  it('takes reports, queues the post, and lets only moderators approve, hide (with a reason) and restore, all audited', async () => {
    const theme = await themeByTitle('Kjøp mindre, bruk lenger');
    const p = await createPost(anon, theme.id, { ...form(), displayName: 'Frank', title: 'Gamle ting', body: 'Jeg arvet en symaskin som fortsatt virker.' }, pc());
    await reportPost(anon, p.id, { reason: 'offensive', note: 'Tester' });
    expect((await appError(reportPost(anon, p.id, { reason: 'boring' }))).details[0]!.field).toBe('reason');
    const queue = await moderationQueue(ctx, { limit: 200, offset: 0 });
    expect(queue.items.find((i) => i.post.id === p.id)!.reports.map((r) => r.reason)).toEqual(['offensive']);
    const editorOther: UserActor = { kind: 'user', userId: 'u', municipalityId: ctx.scope.municipalityId, name: 'Ingeborg', email: 'i@asker.example', role: 'editor', domains: ['agriculture'], unitScope: [], unitId: null, organisationId: null };
    expect((await appError(moderatePost({ ...ctx, actor: editorOther }, p.id, { action: 'hide', reason: 'x' }))).code).toBe('forbidden');
    expect((await appError(moderationQueue({ ...ctx, actor: editorOther }, { limit: 1, offset: 0 }))).code).toBe('forbidden');
    expect((await appError(moderatePost(ctx, p.id, { action: 'hide' }))).details).toEqual([{ field: 'reason', message: 'Begrunnelse må fylles ut når et innlegg skjules' }]);
    expect((await appError(moderatePost(ctx, p.id, { action: 'approve' }))).code).toBe('conflict');
    await moderatePost(ctx, p.id, { action: 'hide', reason: 'Personangrep' });
    expect((await themeWithThreads(anon, theme.id, { limit: 200, offset: 0 })).threads.map((x) => x.id)).not.toContain(p.id);
    expect((await moderationQueue(ctx, { limit: 200, offset: 0 })).items.map((i) => i.post.id)).not.toContain(p.id);
    expect((await appError(reportPost(anon, p.id, { reason: 'spam' }))).code).toBe('not_found'); // hidden posts cannot be reported
    await moderatePost(ctx, p.id, { action: 'restore', reason: 'Feilvurdering' });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', p.id).where('entity_type', '=', 'cmp_post').orderBy('id').execute();
    expect(audit.map((a) => JSON.parse(a.after as string).status)).toEqual(['visible', 'hidden', 'visible']);
    expect(JSON.parse(audit[1]!.after as string).reason).toBe('Personangrep');
  });

  it('counts participants, posts, calculator results and pledges per month, and publishes the cumulative figure', async () => {
    const s = await campaignStatistics(ctx, { interval: 'month', from: '2026-03-01', to: '2026-09-30' });
    const mar = s.rows.find((r) => r.period === '2026-03')!;
    expect(mar.eventSeats).toBe(34);
    expect(mar.posters).toBe(3); // Sigrid, Jonas, Kari B.
    expect(mar.participants).toBe(37);
    expect(s.rows.find((r) => r.period === '2026-09')!.eventSeats).toBe(180);
    const fp = Number((await t.deps.db.selectFrom('fp_submission').select((eb) => eb.fn.countAll().as('n')).where('created_at', '>=', '2026-03-01').where('created_at', '<', '2026-10-01').executeTakeFirstOrThrow()).n);
    expect(s.totals.calculatorResults).toBe(fp);
    const weeks = await campaignStatistics(ctx, { interval: 'week', from: '2026-03-01', to: '2026-03-31' });
    expect(weeks.rows.map((r) => r.period)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect((await appError(campaignStatistics(ctx, { from: '2026-05-01', to: '2026-01-01' }))).details[0]!.field).toBe('to');
    const obs = await CAMPAIGN_PUBLISHERS[0]!.compute(ctx, '2026-09-30');
    const q3 = obs.find((o) => o.period === '2026-Q3')!;
    const fpToQ3 = Number((await t.deps.db.selectFrom('fp_submission').select((eb) => eb.fn.countAll().as('n')).where('created_at', '<=', '2026-09-30T23:59:59.999Z').executeTakeFirstOrThrow()).n);
    expect(q3.value).toBe(34 + 20 + 180 + 8 + fpToQ3); // seats of past events + 8 posters in 2026 (demo; Per is held) + shared results
    for (let i = 1; i < obs.length; i++) expect(obs[i]!.value).toBeGreaterThanOrEqual(obs[i - 1]!.value);
  });

  it('answers 401 without a session, 403 to non-moderators, and stores nothing for them', async () => {
    const post = (await moderationQueue(ctx, { limit: 1, offset: 0 })).items[0]!.post;
    expect((await call(t.app, 'GET', `${E}/moderation`)).statusCode).toBe(401);
    const res = await call(t.app, 'POST', `${E}/posts/${post.id}/moderation`, other.headers(), { action: 'hide', reason: 'Jeg er ikke moderator' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await campaignRepository(ctx.scope).post(post.id))!.status).toBe(post.status);
    expect((await call(t.app, 'POST', `${E}/themes`, other.headers(), { titleNb: 'X', textNb: 'Y', moderation: 'post', open: true })).statusCode).toBe(403);
    expect((await call(t.app, 'GET', `${E}/stats`, other.headers())).statusCode).toBe(403);
    // The campaign editor can.
    expect((await call(t.app, 'GET', `${E}/moderation`, camilla.headers())).json().total).toBeGreaterThanOrEqual(1);
    expect((await call(t.app, 'GET', `${E}/stats?interval=week`, camilla.headers())).statusCode).toBe(200);
  });

  it('serves the public pages without a session and answers a burst of posts with a clear 429', async () => {
    const themes = (await call(t.app, 'GET', `${P}/themes`)).json();
    expect(themes.length).toBeGreaterThanOrEqual(3);
    const one = await call(t.app, 'GET', `${P}/themes/${themes[0].id}?limit=1`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ limit: 1, offset: 0 });
    expect(one.json().threads.length).toBeLessThanOrEqual(1);
    expect((await call(t.app, 'GET', `${P}/events`)).json().items.length).toBeGreaterThanOrEqual(1);
    const token = (await call(t.app, 'GET', `${P}/form-token`)).json();
    expect(token.minSeconds).toBe(3);
    // Sent at once after the form was shown: refused as too fast, and the seventh request in a minute is rate-limited.
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await t.app.inject({ method: 'POST', url: `${P}/themes/${themes[0].id}/posts`, remoteAddress: '10.99.0.1', payload: { displayName: 'Bot', title: 'Kjøp', body: `Spam ${i}`, acceptedConduct: true, formToken: token.token } });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 6)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(statuses[6]).toBe(429);
    expect(last!.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Vent litt/) });
    // Registration over capacity through HTTP: 409 with the field.
    const ev = await createEvent(ctx, { kind: 'workshop', title: 'Lite verksted', place: 'Her', startsAt: '2030-05-01T10:00', endsAt: '2030-05-01T12:00', capacity: 1 });
    expect((await t.app.inject({ method: 'POST', url: `${P}/events/${ev.id}/registrations`, remoteAddress: '10.99.0.2', payload: { name: 'A', seats: 1 } })).statusCode).toBe(201);
    const full = await t.app.inject({ method: 'POST', url: `${P}/events/${ev.id}/registrations`, remoteAddress: '10.99.0.2', payload: { name: 'B', seats: 1 } });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'conflict', message: '«Lite verksted» er fullt', details: [{ field: 'seats' }] });
  });
});
