import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { enterpriseReference } from './enterprise.reference.js';
import { ENTERPRISE_PUBLISHERS } from './enterprise.publishers.js';
import { addEngagement, addEvent, addMember, addProject, clusterAdmin, createVenture, createYouth, figures, getVenture, listVentures, listYouth, publicCluster, registerOptions, updateMember, type RegisterDeps } from './enterprise-register.service.js';

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

describe.each(ENGINES)('enterprise register, youth companies and cluster on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: RegisterDeps;
  const org = { retur: '', tomra: '', abb: '', holmsbu: '', bruktbua: '', cambi: '' };
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const jonas = () => user({ role: 'editor', domains: ['enterprise'], name: 'Jonas Fjellvik' });
  const business = () => user({ role: 'business', organisationId: org.retur });
  const count = async (table: 'ent_venture' | 'ent_engagement' | 'ent_youth_company' | 'ent_cluster_member' | 'ent_cluster_event' | 'ent_cluster_project' | 'audit_log') => Number((await ctx.scope.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    deps = { reference: enterpriseReference(env.deps.config.dataDir), industryNames: env.deps.reference.industryNames };
    const orgs = organisationsRepository(ctx.scope);
    for (const [k, nr] of [['retur', '984023316'], ['tomra', '927124238'], ['abb', '971115947'], ['holmsbu', '939375635'], ['bruktbua', '934126823'], ['cambi', '941371876']] as const) org[k] = (await orgs.organisationByNumber(nr))!.id;
  }, 180_000);
  afterAll(() => env?.close());

  it('loads the demo: ventures linked to the organisations register, grants linked to the grant round, a contract linked to a tender', async () => {
    const list = await listVentures(jonas(), { limit: 50 });
    expect(list.total).toBe(10);
    const retur = list.items.find((v) => v.orgNumber === '984023316')!;
    expect(retur).toMatchObject({ organisationId: org.retur, kind: 'both', sdgs: [8, 12, 13] });
    expect(list.items.find((v) => v.name === 'Tang og Tare Asker')!.organisationId).toBeNull();
    const one = await getVenture(jonas(), retur.id);
    expect(one.engagements.find((e) => e.kind === 'grant')).toMatchObject({ valueNok: 220_000, application: 'Møbler av returtre fra byggeplasser' });
    const arbeidsglede = list.items.find((v) => v.orgNumber === '924904895')!;
    expect((await getVenture(jonas(), arbeidsglede.id)).engagements.find((e) => e.tenderId)!.tender).toBe('2026/0305 Renholdstjenester for rådhuset');
    expect((await listVentures(jonas(), { kind: 'green' })).items.every((v) => v.kind !== 'social')).toBe(true);
  });

  it('refuses bad ventures and engagements with field messages, and saves nothing', async () => {
    const before = [await count('ent_venture'), await count('ent_engagement'), await count('audit_log')];
    let e = await appError(createVenture(jonas(), { name: 'Ny', orgNumber: '984023317', kind: 'social', activity: 'Noe nyttig for byen', impactArea: 'Ombruk', sdgs: [12] }));
    expect(e.details).toEqual([{ field: 'orgNumber', message: 'Organisasjonsnummeret 984023317 har feil kontrollsiffer' }]);
    e = await appError(createVenture(jonas(), { name: 'Retur igjen', orgNumber: '984 023 316', kind: 'social', activity: 'Noe nyttig for byen', impactArea: 'Ombruk', sdgs: [12] }));
    expect(e.details[0]!.message).toBe('984 023 316 er allerede i registeret som «Snekkerverkstedet Retur AS»');
    const ventureId = (await listVentures(jonas(), { q: 'Retur' })).items[0]!.id;
    e = await appError(addEngagement(jonas(), ventureId, { kind: 'pilot', title: 'Pilot', startDate: '2026-05-01', endDate: '2026-04-01' }));
    expect(e.details).toEqual([{ field: 'endDate', message: 'Sluttdatoen er før startdatoen' }]);
    e = await appError(addEngagement(jonas(), ventureId, { kind: 'reserved_contract', title: 'Kontrakt', startDate: '2026-05-01', valueNok: 10, tenderId: 'finnes-ikke' }));
    expect(e.details).toEqual([{ field: 'tenderId', message: 'Konkurransen finnes ikke' }]);
    const granted = (await registerOptions(jonas(), deps)).grantedApplications;
    const other = granted.find((a) => a.organisationId !== org.retur)!;
    e = await appError(addEngagement(jonas(), ventureId, { kind: 'grant', title: 'Tilskudd', startDate: '2026-05-01', applicationId: other.id }));
    expect(e.details[0]!.message).toBe('Søknaden er fra en annen virksomhet');
    const own = granted.find((a) => a.organisationId === org.retur)!;
    e = await appError(addEngagement(jonas(), ventureId, { kind: 'grant', title: 'Tilskudd', startDate: '2026-05-01', applicationId: own.id }));
    expect(e.details[0]!.message).toBe('Tilskuddet er allerede registrert');
    expect((await appError(createVenture(business(), { name: 'X', kind: 'social', activity: 'Noe nyttig for byen', impactArea: 'Ombruk', sdgs: [12] }))).code).toBe('forbidden');
    expect((await appError(listVentures(business(), {}))).code).toBe('forbidden');
    expect([await count('ent_venture'), await count('ent_engagement'), await count('audit_log')]).toEqual(before);
  });

  it('registers a venture without an org. number and a contract, audited, and the figures follow', async () => {
    const before = await figures(jonas());
    const v = await createVenture(jonas(), { name: 'Lappeverkstedet', orgNumber: '', kind: 'green', activity: 'Reparerer turutstyr og telt', impactArea: 'Reparasjon', sdgs: [13, 12] });
    expect(v).toMatchObject({ orgNumber: null, organisationId: null, sdgs: [12, 13] });
    const c = await addEngagement(jonas(), v.id, { kind: 'innovation_partnership', title: 'Reparasjon av utlånsutstyr', startDate: '2025-01-01', endDate: '2025-12-31', valueNok: 365_000 });
    expect(c.valueNok).toBe(365_000);
    const after = await figures(jonas());
    const y = (f: typeof after, year: number) => f.register.find((r) => r.year === year)!;
    expect(y(after, 2025).contracts - y(before, 2025).contracts).toBe(1);
    expect(y(after, 2025).spendNok - y(before, 2025).spendNok).toBe(365_000);
    expect(y(after, 2025).greenSupported - y(before, 2025).greenSupported).toBe(1);
    const audit = await ctx.scope.selectFrom('audit_log').select(['entity_type', 'action']).where('entity_id', 'in', [v.id, c.id]).execute();
    expect(audit.map((a) => a.entity_type).sort()).toEqual(['ent_engagement', 'ent_venture']);
  });

  it('publishes the indicators: contracts at year end, spend in mill. kr, youth companies per year, members per quarter', async () => {
    const pub = (metric: string) => ENTERPRISE_PUBLISHERS.find((p) => p.metric === metric)!.compute(ctx, '2026-11-27');
    const contracts = await pub('social_enterprise_contracts');
    expect(contracts.map((o) => o.period)).toEqual(['2022', '2023', '2024', '2025']);
    // 2025-12-31: canteen (to 31.12.), green spaces, furniture repair, demolition reuse, biogas, + the contract added above.
    expect(contracts.find((o) => o.period === '2025')!.value).toBe(6);
    const spend = await pub('social_enterprise_spend_nok');
    expect(spend.find((o) => o.period === '2022')!.value).toBe(1.2); // 4.8 mill. over four years
    expect((await pub('youth_enterprises_supported')).map((o) => o.value)).toEqual([11, 14, 17, 21, 25]);
    const members = await pub('green_cluster_members');
    expect(members[0]).toMatchObject({ period: '2024-Q2', date: '2024-06-30', value: 8 });
    expect(members.at(-1)).toMatchObject({ period: '2026-Q3', value: 13 }); // Bruktbua left 30 June 2026
    expect((await pub('green_cluster_projects')).map((o) => [o.period, o.value])).toEqual([
      ['2024', 1],
      ['2025', 3],
    ]);
  });

  it('registers youth companies and refuses one counted twice or continued without an org. number', async () => {
    const list = await listYouth(jonas(), { year: 2025, limit: 10 });
    expect(list.total).toBe(25);
    expect(list.items).toHaveLength(10);
    expect(list.perYear.find((p) => p.year === 2025)!.count).toBe(25);
    const base = { name: 'Tarechips UB', schoolName: 'Asker videregående skole', year: 2026, idea: 'Chips av sukkertare fra fjorden', participants: 5, outcome: 'ongoing', support: 'Veiledning' };
    const before = await count('ent_youth_company');
    const made = await createYouth(jonas(), base);
    expect(made.school).toBe('Asker videregående skole');
    expect((await appError(createYouth(jonas(), base))).details[0]!.message).toBe('«Tarechips UB» er allerede registrert for 2026; samme bedrift kan ikke telles to ganger');
    expect((await appError(createYouth(jonas(), { ...base, name: 'Annen', outcome: 'continued' }))).details).toEqual([{ field: 'orgNumber', message: 'En bedrift som er videreført, trenger organisasjonsnummeret sitt' }]);
    expect((await appError(createYouth(jonas(), { ...base, name: 'Tredje', year: 2031, participants: 0 }))).details.map((d) => d.field)).toEqual(['year', 'participants']);
    expect(await count('ent_youth_company')).toBe(before + 1);
  });

  it('runs the cluster: suggestions by industry code, members once, projects of two members, events of members', async () => {
    const admin = await clusterAdmin(jonas(), deps);
    expect(admin.members.filter((m) => m.current)).toHaveLength(13);
    expect(admin.members.find((m) => m.organisationId === org.tomra)!.industry).toEqual({ code: '28.290', name: 'Produksjon av maskiner og utstyr til generell bruk, ikke nevnt annet sted' });
    // Bruktbua left: it is suggested again; members are not; the largest first.
    const s = admin.suggestions.map((x) => x.organisationId);
    expect(s).toContain(org.bruktbua);
    expect(s).not.toContain(org.tomra);
    expect(admin.suggestions.map((x) => x.employees ?? -1)).toEqual([...admin.suggestions.map((x) => x.employees ?? -1)].sort((a, b) => b - a));
    expect(admin.suggestions.find((x) => x.organisationId === org.bruktbua)!.theme.key).toBe('circular_economy');

    const before = [await count('ent_cluster_member'), await count('ent_cluster_project'), await count('ent_cluster_event')];
    expect((await appError(addMember(jonas(), deps, { organisationId: org.tomra, theme: 'environmental_technology', joinedOn: '2026-01-01', description: 'Pantemaskiner og sortering' }))).details[0]!.field).toBe('organisationId');
    expect((await appError(addProject(jonas(), deps, { title: 'Alene', description: 'Et prosjekt med bare ett medlem', theme: 'bioeconomy', startDate: '2026-01-01', memberIds: [org.cambi] }))).details[0]!.message).toBe('Et samarbeidsprosjekt har minst to medlemmer');
    expect((await appError(addProject(jonas(), deps, { title: 'Med gjest', description: 'Et prosjekt med en som ikke er medlem', theme: 'bioeconomy', startDate: '2026-01-01', memberIds: [org.cambi, org.holmsbu] }))).details[0]!.message).toBe('Bare medlemmer av klyngen kan være med i et klyngeprosjekt');
    expect((await appError(addEvent(jonas(), { title: 'Møte', date: '2026-10-01', participantIds: [org.bruktbua] }))).details[0]!.field).toBe('participantIds');
    expect((await appError(addMember(business(), deps, { organisationId: org.holmsbu, theme: 'bioeconomy', joinedOn: '2026-01-01', description: 'Hotell med egen kjøkkenhage' }))).code).toBe('forbidden');
    expect([await count('ent_cluster_member'), await count('ent_cluster_project'), await count('ent_cluster_event')]).toEqual(before);

    const m = await addMember(jonas(), deps, { organisationId: org.holmsbu, theme: 'bioeconomy', joinedOn: '2026-11-01', description: 'Hotell med egen kjøkkenhage og matsvinnarbeid' });
    const p = await addProject(jonas(), deps, { title: 'Kortreist mat', description: 'Hotellet kjøper grønnsaker fra gartneriet', theme: 'bioeconomy', startDate: '2026-11-15', memberIds: [org.holmsbu, org.cambi] });
    expect(p.members.map((x) => x.name)).toEqual(['Holmsbu Fjordhotell AS', 'Cambi ASA']);
    await updateMember(jonas(), deps, m.id, { theme: 'bioeconomy', joinedOn: '2026-11-01', leftOn: '2026-10-01', description: 'Hotell' }).then(
      () => expect.unreachable(),
      (e: AppError) => expect(e.details[0]!.message).toBe('Utmeldingen er før innmeldingen'),
    );
  });

  it('shows the public directory without internal data', async () => {
    const anon: Ctx = { ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } };
    const view = await publicCluster(anon, deps);
    expect(view.memberCount).toBe(14); // 13 from the demo + the hotel added above
    const names = view.themes.flatMap((t) => t.members.map((m) => m.name));
    expect(names).toContain('TOMRA Systems ASA');
    expect(names).not.toContain('Bruktbua Nesbru AS'); // left
    const text = JSON.stringify(view);
    for (const hidden of [org.tomra, 'joinedOn', 'employees', '927124238', 'Stiftelsesmøte', 'rationale']) expect(text).not.toContain(hidden);
  });
});
