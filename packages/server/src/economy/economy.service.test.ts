import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { economyReference } from './economy.reference.js';
import { economyRepository } from './economy.repository.js';
import { ECONOMY_PUBLISHERS } from './economy.publishers.js';
import { importSnapshot, listEstablishments, mapView, overview, rulesView, saveRuleSet, yearlyTotals, type EconomyDeps } from './economy.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';
const FIXTURE = path.resolve(import.meta.dirname, '../../../../data/reference/enhetsregisteret/brreg_underenheter_page_response_anonymised.json');

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe.each(ENGINES)('economy services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: EconomyDeps;
  const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: `u-${over.role}`, municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@asker.example', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
  const editor = () => user({ role: 'editor', domains: ['economy'] });
  const auditCount = async () => Number((await ctx.scope.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', 'in', ['econ_snapshot', 'econ_rule_set']).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    deps = { reference: economyReference(env.config.dataDir) };
  }, 900_000);
  afterAll(async () => env?.close());

  it('seeds a plausible demo series: about 37–40 thousand jobs, oil-related falling, green rising', async () => {
    const years = await yearlyTotals(ctx, deps);
    expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const y of years) {
      expect(y.total).toBeGreaterThan(35_000);
      expect(y.total).toBeLessThan(41_000);
      expect(y.oil_gas + y.green + y.other).toBe(y.total);
      expect(y.fictional).toBe(true);
    }
    const [first, last] = [years[0]!, years[years.length - 1]!];
    expect(last.oil_gas).toBeLessThan(first.oil_gas);
    expect(last.green).toBeGreaterThan(first.green);
    expect(last.shares.oil_gas!).toBeLessThan(first.shares.oil_gas!);
    const snaps = await economyRepository(ctx.scope).snapshots();
    expect(snaps[0]!.establishments).toBeGreaterThan(250);
  });

  it('counts certified businesses as green, shows the rule per industry code and the caveats', async () => {
    const o = await overview(user({ role: 'unit_manager' }), deps, {});
    expect(o.snapshot!.date).toBe('2025-12-31');
    expect(o.totals!.total).toBe(o.byIndustry.reduce((n, r) => n + r.jobs, 0));
    const tomra = (await listEstablishments(ctx, deps, { q: 'TOMRA' })).items[0]!;
    // TOMRA (28.290, no code rule) is certified from 2024: all its jobs are green by certification.
    expect(tomra).toMatchObject({ certified: true, certificationRuleId: 'green-certified', green: tomra.employees, codeRuleId: null });
    const eng = o.byIndustry.find((r) => r.code === '71.129')!;
    expect(eng.rule).toMatchObject({ id: 'oil-71.12', share: 0.25 });
    expect(eng.uncertain).toBe(true);
    expect(o.caveats.map((c) => c.ruleId)).toEqual(expect.arrayContaining(['oil-71.12', 'green-certified']));
    // Before TOMRA's certificate (2023) its jobs were "other".
    const y2023 = o.snapshots.find((s) => s.date === '2023-12-31')!;
    const old = (await listEstablishments(ctx, deps, { snapshotId: y2023.id, q: 'TOMRA' })).items[0]!;
    expect(old).toMatchObject({ certified: false, green: 0, other: old.employees });
    const map = await mapView(ctx, deps, undefined, null);
    expect(map.points.length).toBeGreaterThan(200);
    expect(map.unplaced).toBeGreaterThan(0); // Holmsbu and Åros have no demo position
  });

  it('publishes oil-and-gas and green jobs per year to the program', async () => {
    const [oil, green] = ECONOMY_PUBLISHERS;
    const years = await yearlyTotals(ctx, deps);
    const o = await oil!.compute(ctx, TODAY);
    const g = await green!.compute(ctx, TODAY);
    expect(o.map((x) => x.period)).toEqual(years.map((y) => String(y.year)));
    expect(o.map((x) => x.value)).toEqual(years.map((y) => y.oil_gas));
    expect(g.map((x) => x.value)).toEqual(years.map((y) => y.green));
    expect(g[0]!.note).toContain('demodata');
    expect(await oil!.compute(ctx, '2022-06-30')).toHaveLength(3);
  });

  it('refuses a bad CSV naming every line and field, writing nothing', async () => {
    const before = (await economyRepository(ctx.scope).snapshots()).length;
    const e = await appError(importSnapshot(editor(), deps, 'feil.csv', csv('orgnr;navn;naeringskode;ansatte;dato', '927124238;TOMRA;28.290;850;31.12.2018', '123;X;99.999;mange;2018-12-31', '941371876;Cambi;71.129;10;2099-01-01')));
    expect(e.code).toBe('import_failed');
    expect(e.details.map((d) => `${d.line}:${d.field}`)).toEqual(['3:orgnr', '3:naeringskode', '3:ansatte']);
    expect(e.details[0]!.file).toBe('feil.csv');
    expect((await economyRepository(ctx.scope).snapshots()).length).toBe(before);
    const future = await appError(importSnapshot(editor(), deps, 'fram.csv', csv('orgnr;navn;naeringskode;ansatte;dato', '941371876;Cambi;71.129;10;2099-01-01')));
    expect(future.details[0]).toMatchObject({ line: 2, field: 'dato' });
    const missing = await appError(importSnapshot(editor(), deps, 'kolonner.csv', csv('orgnr;navn', '941371876;Cambi')));
    expect(missing.details.map((d) => d.field)).toEqual(['naeringskode', 'ansatte', 'dato']);
  });

  it('imports a CSV atomically and idempotently, replacing a changed date, audited', async () => {
    const file = csv('orgnr;navn;naeringskode;ansatte;dato', '927124238;TOMRA;28.290;800;2018-12-31', '941371876;Cambi;71.129;100;2018-12-31');
    const audits = await auditCount();
    const first = await importSnapshot(editor(), deps, 'sysselsetting-2018.csv', file);
    expect(first.snapshots).toEqual([{ date: '2018-12-31', establishments: 2, jobs: 900, status: 'created' }]);
    expect((await importSnapshot(editor(), deps, 'sysselsetting-2018.csv', file)).snapshots[0]!.status).toBe('unchanged');
    expect(await auditCount()).toBe(audits + 1);
    const changed = await importSnapshot(editor(), deps, 'rettet.csv', csv('orgnr;navn;naeringskode;ansatte;dato', '941371876;Cambi;71.129;120;2018-12-31'));
    expect(changed.snapshots[0]).toMatchObject({ status: 'replaced', establishments: 1, jobs: 120 });
    const snap = await economyRepository(ctx.scope).snapshotByDate('2018-12-31');
    expect(await economyRepository(ctx.scope).establishments(snap!.id)).toHaveLength(1);
    expect(await auditCount()).toBe(audits + 2);
    const years = await yearlyTotals(ctx, deps);
    expect(years[0]).toMatchObject({ year: 2018, total: 120, oil_gas: 30 });
  });

  it('imports a Brønnøysund underenheter page for a given date, keeping the municipality (old numbers too)', async () => {
    const data = fs.readFileSync(FIXTURE);
    const noDate = await appError(importSnapshot(editor(), deps, 'underenheter.json', data));
    expect(noDate.details[0]!.field).toBe('date');
    // The fixture's last entry (123456789) fails MOD11: the whole file is refused, naming entry and JSON path.
    const bad = await appError(importSnapshot(editor(), deps, 'underenheter.json', data, { date: '2017-12-31' }));
    expect(bad.code).toBe('import_failed');
    expect(bad.details).toEqual([{ file: 'underenheter.json', line: 10, field: '$._embedded.underenheter[9].organisasjonsnummer', message: 'Organisasjonsnummeret 123456789 har feil kontrollsiffer (MOD11)' }]);
    expect(await economyRepository(ctx.scope).snapshotByDate('2017-12-31')).toBeUndefined();
    const json = JSON.parse(data.toString('utf8'));
    json._embedded.underenheter = json._embedded.underenheter.slice(0, 9);
    const r = await importSnapshot(editor(), deps, 'underenheter.json', Buffer.from(JSON.stringify(json)), { date: '2017-12-31' });
    expect(r.snapshots[0]).toMatchObject({ date: '2017-12-31', establishments: 9, jobs: 18, status: 'created' });
    const enheter = await appError(importSnapshot(editor(), deps, 'enheter.json', Buffer.from('{"_embedded":{"enheter":[]}}'), { date: '2017-06-30' }));
    expect(enheter.code).toBe('import_failed');
    expect(enheter.details[0]!.message).toContain('underenheter');
  });

  it('lets only economy editors import or change rules', async () => {
    const business = user({ role: 'business', organisationId: 'x' });
    expect((await appError(importSnapshot(business, deps, 'x.csv', csv('orgnr')))).code).toBe('forbidden');
    expect((await appError(saveRuleSet(user({ role: 'editor', domains: ['program'] }), deps, { validFrom: TODAY, rules: [] }))).code).toBe('forbidden');
    expect((await appError(overview(business, deps, {}))).code).toBe('forbidden');
  });

  it('saves a new rule version from today on, refusing dates in the past and bad rules by field; old years stay as they were', async () => {
    const before = await yearlyTotals(ctx, deps);
    const rules = deps.reference.defaults.rules;
    const past = await appError(saveRuleSet(editor(), deps, { validFrom: '2024-01-01', rules }));
    expect(past.details.map((d) => d.field)).toEqual(['validFrom']);
    const bad = await appError(saveRuleSet(editor(), deps, { validFrom: TODAY, rules: [{ ...rules[0]!, share: 0.5, caveat: null }] }));
    expect(bad.details.map((d) => d.field)).toEqual(['rules[0].caveat']);
    // TOMRA's reverse vending machines: the editor adds a green rule for 28.29.
    const tomraRule = { id: 'green-28.29', basis: 'code', prefix: '28.29', class: 'green', share: 1, rationale: { nb: 'Panteautomater og sorteringsmaskiner', en: 'Reverse vending and sorting machines' }, caveat: { nb: 'Koden dekker også andre maskiner', en: 'The code covers other machines too' }, sources: ['sn2007'] };
    const saved = await saveRuleSet(editor(), deps, { validFrom: TODAY, rules: [...rules, tomraRule], note: 'Panteautomater' });
    expect(saved.validFrom).toBe(TODAY);
    const again = await appError(saveRuleSet(editor(), deps, { validFrom: TODAY, rules }));
    expect(again.details[0]!.field).toBe('validFrom');
    expect(await yearlyTotals(ctx, deps)).toEqual(before);
    const view = await rulesView(editor(), deps);
    expect(view.current).toBe(TODAY);
    expect(view.versions.map((v) => v.validFrom)).toEqual([TODAY, '1900-01-01']);
    const audit = await ctx.scope.selectFrom('audit_log').selectAll().where('entity_type', '=', 'econ_rule_set').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('Panteautomater');
  });
});
