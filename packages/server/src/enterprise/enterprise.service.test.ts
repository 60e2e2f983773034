import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { usersRepository } from '../platform/users/users.repository.js';
import { createCall, decide, getCall, listApplications, listCalls, saveReview, submitApplication, submitReport } from './enterprise.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('grant rounds on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  const ids = { jonas: '', admin: '', retur: '', kafe: '', arbeidsglede: '', klesbutikk: '', hotel: '', decided: '', open: '' };
  const at = (iso: string) => () => new Date(iso);
  const user = (over: Partial<UserActor>, now = () => NOW): Ctx => ({ ...ctx, now, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const jonas = (now?: () => Date) => user({ role: 'editor', domains: ['enterprise'], userId: ids.jonas, name: 'Jonas Fjellvik' }, now);
  const admin = (now?: () => Date) => user({ role: 'admin', userId: ids.admin, name: 'Admin' }, now);
  const business = (orgId: string, now?: () => Date) => user({ role: 'business', organisationId: orgId }, now);

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    const users = usersRepository(ctx.scope);
    ids.jonas = (await users.byEmail('jonas.fjellvik@asker.example'))!.id;
    ids.admin = (await users.byEmail('admin@asker.example'))!.id;
    const orgs = organisationsRepository(ctx.scope);
    for (const [k, nr] of [['retur', '984023316'], ['kafe', '910805630'], ['arbeidsglede', '924904895'], ['klesbutikk', '901007683'], ['hotel', '939375635']] as const) ids[k] = (await orgs.organisationByNumber(nr))!.id;
    const calls = await listCalls(business(ids.hotel), 'enterprise');
    ids.decided = calls.find((c) => c.title.endsWith('2026'))!.id;
    ids.open = calls.find((c) => c.title.endsWith('2027'))!.id;
    expect(calls.find((c) => c.id === ids.open)!.state).toBe('open');
  }, 120_000);
  afterAll(() => env?.close());

  it('ranks the applications from the reviewers without a conflict, and shows a business only its own', async () => {
    const view = await getCall(jonas(), ids.decided);
    const by = new Map(view.applications.map((a) => [a.id, a.title]));
    expect(view.ranking!.map((r) => [by.get(r.applicationId), r.rank, r.total, r.reviewers, r.conflicts])).toEqual([
      ['Møbler av returtre fra byggeplasser', 1, 84.17, 2, 0],
      ['Arbeidsinkludering i ombruk av kontorutstyr', 2, 81.67, 1, 1],
      ['Fast reparasjonskafé på biblioteket', 3, 80.83, 2, 0],
      ['Elsykkelservice for hjemmetjenesten', 4, 59.17, 2, 0],
    ]);
    expect(view.ranking![1]!.warnings).toEqual(['too_few_reviews']);
    const own = await getCall(business(ids.retur), ids.decided);
    expect(own.applications.map((a) => a.title)).toEqual(['Møbler av returtre fra byggeplasser']);
    expect(own.ranking).toBeNull();
    expect(own.reviews).toEqual([]);
  });

  it('takes an application before the deadline and refuses late, duplicate, too large and foreign-attachment ones', async () => {
    const body = { title: 'Reparasjonsdager i skolene', summary: 'Elevene lærer å reparere klær og sykler på faste reparasjonsdager.', amountNok: 80_000 };
    const ok = await submitApplication(business(ids.klesbutikk), ids.open, { ...body, organisationId: ids.klesbutikk });
    expect(ok).toMatchObject({ organisation: 'Gjenbrukt Klesbutikk Asker', state: 'submitted', amountNok: 80_000 });
    expect((await appError(submitApplication(business(ids.klesbutikk), ids.open, { ...body, organisationId: ids.klesbutikk }))).details).toEqual([{ field: 'title', message: 'Virksomheten har allerede sendt en søknad med denne tittelen i utlysningen' }]);
    const late = await appError(submitApplication(business(ids.klesbutikk), ids.decided, { ...body, organisationId: ids.klesbutikk, title: 'Sent' }));
    expect(late.details[0]).toEqual({ field: 'deadline', message: 'Søknadsfristen gikk ut 2026-03-01 kl. 11:00; søknaden kan ikke sendes inn' });
    expect((await appError(submitApplication(business(ids.klesbutikk), ids.open, { ...body, organisationId: ids.klesbutikk, title: 'For stort', amountNok: 800_000 }))).details.map((d) => d.field)).toEqual(['amountNok']);
    const foreign = (await env.deps.db.selectFrom('stored_file').select('id').executeTakeFirst())?.id ?? 'no-file';
    expect((await appError(submitApplication(business(ids.klesbutikk), ids.open, { ...body, organisationId: ids.klesbutikk, title: 'Med vedlegg', fileIds: [foreign] }))).details.map((d) => d.field)).toEqual(['fileIds']);
    expect((await appError(submitApplication(business(ids.klesbutikk), ids.open, { ...body, organisationId: ids.hotel, title: 'Andres' }))).code).toBe('forbidden');
    expect((await listApplications(business(ids.klesbutikk), {})).map((a) => a.title).sort()).toEqual(['Klesbytte i alle ungdomsskoler', 'Reparasjonsdager i skolene']);
  });

  it('lets a reviewer declare a conflict, then refuses their scores and their decision', async () => {
    const start = '2026-09-01T08:00:00.000Z';
    const c = await createCall(jonas(at(start)), { title: 'Prøverunde', opensAt: start, deadline: '2026-10-01T11:00:00.000Z', budgetNok: 100_000, minReviewers: 1, criteria: [{ key: 'effect', name: 'Effekt', weight: 100, maxScore: 6 }] });
    expect((await appError(createCall(jonas(), { title: 'Feil', opensAt: start, deadline: '2026-10-01T11:00:00.000Z', budgetNok: 1, minReviewers: 1, criteria: [{ key: 'a', name: 'A', weight: 60, maxScore: 6 }] }))).details[0]!.message).toBe('Vektene summerer til 60 %; de må summere til 100 %');
    const app = await submitApplication(business(ids.kafe, at('2026-09-15T10:00:00Z')), c.id, { organisationId: ids.kafe, title: 'Verktøybibliotek', summary: 'Utlån av verktøy fra reparasjonskafeen hver lørdag.', amountNok: 60_000 });
    await saveReview(admin(), app.id, { conflict: true, conflictReason: 'Er medlem i foreningen' });
    expect((await appError(saveReview(admin(), app.id, { conflict: false, scores: { effect: 5 } }))).details[0]!.message).toBe('Du har meldt deg inhabil i denne søknaden og kan ikke gi poeng');
    expect((await appError(saveReview(jonas(), app.id, { conflict: false, scores: { effect: 9 } }))).details[0]!.field).toBe('scores.effect');
    await saveReview(jonas(), app.id, { conflict: false, scores: { effect: 5 } });
    expect((await appError(decide(admin(), app.id, { decision: 'granted', grantedNok: 50_000 }))).code).toBe('forbidden');
    expect((await appError(decide(jonas(at('2026-09-20T00:00:00Z')), app.id, { decision: 'granted', grantedNok: 50_000 }))).details[0]!.message).toBe('Søknadene kan avgjøres først etter søknadsfristen');
    expect((await appError(decide(jonas(), app.id, { decision: 'granted', grantedNok: 70_000 }))).details[0]!.message).toBe('Tilskuddet kan ikke være større enn søknadsbeløpet');
    const granted = await decide(jonas(), app.id, { decision: 'granted', grantedNok: 50_000, caseNumber: '26/09999' });
    expect(granted).toMatchObject({ state: 'granted', grantedNok: 50_000, caseNumber: '26/09999' });
    expect((await appError(saveReview(jonas(), app.id, { conflict: false, scores: { effect: 6 } }))).code).toBe('conflict');
    // The grantee reports back; another business cannot.
    expect((await appError(submitReport(business(ids.hotel), app.id, { text: 'Vi har lånt ut 300 verktøy i høst.' }))).code).toBe('forbidden');
    expect((await appError(submitReport(business(ids.kafe), app.id, { text: 'Kort' }))).details[0]!.field).toBe('text');
    await submitReport(business(ids.kafe), app.id, { text: 'Vi har lånt ut 300 verktøy i høst, de fleste til borettslag.' });
    const mine = (await listApplications(business(ids.kafe), { callId: c.id }))[0]!;
    expect(mine.state).toBe('reported');
    expect(mine.reports.map((r) => r.text)).toEqual(['Vi har lånt ut 300 verktøy i høst, de fleste til borettslag.']);
    const audits = await env.deps.db.selectFrom('audit_log').select('summary').where('entity_id', '=', app.id).orderBy('id').execute();
    expect(audits.map((a) => a.summary!.replace(/\s/g, ' '))).toEqual(['Søknad «Verktøybibliotek» sendt (60 000 kr)', 'Innvilget «Verktøybibliotek»: 50 000 kr']);
  });

  it('shares the mechanism: a circular support scheme is run by circular editors, not by enterprise editors', async () => {
    const circular = (now?: () => Date) => user({ role: 'editor', domains: ['circular'], userId: ids.admin, name: 'Sirkulær' }, now);
    const start = '2026-09-01T08:00:00.000Z';
    const body = { domain: 'circular', title: 'Støtte til reparasjon 2026', opensAt: start, deadline: '2026-10-01T11:00:00.000Z', budgetNok: 200_000, minReviewers: 1, criteria: [{ key: 'effect', name: 'Effekt', weight: 100, maxScore: 6 }] };
    expect((await appError(createCall(jonas(at(start)), body))).code).toBe('forbidden');
    const c = await createCall(circular(at(start)), body);
    expect(c.domain).toBe('circular');
    const circularCalls = await listCalls(business(ids.hotel), 'circular');
    expect(circularCalls.map((x) => x.title)).toContain('Støtte til reparasjon 2026');
    expect(circularCalls.every((x) => x.domain === 'circular')).toBe(true);
    expect((await listCalls(business(ids.hotel), 'enterprise')).some((x) => x.domain !== 'enterprise')).toBe(false);
    const app = await submitApplication(business(ids.kafe, at('2026-09-15T10:00:00Z')), c.id, { organisationId: ids.kafe, title: 'Symaskiner til reparasjonskafeen', summary: 'Tre symaskiner til faste reparasjonskvelder for klær.', amountNok: 30_000 });
    expect((await getCall(jonas(), c.id)).ranking).toBeNull();
    expect((await appError(saveReview(jonas(), app.id, { conflict: false, scores: { effect: 5 } }))).code).toBe('forbidden');
    await saveReview(circular(), app.id, { conflict: false, scores: { effect: 5 } });
    expect((await getCall(circular(), c.id)).ranking!.map((r) => r.total)).toHaveLength(1);
    expect((await appError(decide(jonas(), app.id, { decision: 'declined' }))).code).toBe('forbidden');
    expect(await decide(circular(), app.id, { decision: 'granted', grantedNok: 30_000 })).toMatchObject({ state: 'granted' });
  });
});
