import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { economyReference } from './economy.reference.js';
import { economyRepository } from './economy.repository.js';
import { importSnapshot, listEstablishments, overview, saveRuleSet, yearlyTotals, type EconomyDeps } from './economy.service.js';

// The import, the rule versions and the tenancy without the demo data (fast, both engines);
// economy.service.test.ts checks the same services against the seeded demo municipality.

const NOW = new Date('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const HEADER = 'orgnr;navn;naeringskode;ansatte;dato;lat;lon';

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('economy import and rules on %s (no demo)', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let otherCtx: Ctx;
  let deps: EconomyDeps;
  const as = (c: Ctx, over: Partial<UserActor>): Ctx => ({ ...c, actor: { kind: 'user', userId: 'u', municipalityId: c.scope.municipalityId, name: 'Test', email: 't@x.example', role: 'editor', domains: ['economy'], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    const repo = municipalityRepository(env.deps.db);
    await repo.upsert({ slug: 'asker', name: 'Asker kommune', number: '3203', previousNumbers: ['3025', '0220'], hosts: ['asker.localhost'], locale: 'nb' }, NOW.toISOString());
    await repo.upsert({ slug: 'annen', name: 'Annen kommune', number: '9999', previousNumbers: [], hosts: ['annen.localhost'], locale: 'nb' }, NOW.toISOString());
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    otherCtx = await systemCtx(env.deps, 'annen', () => NOW);
    deps = { reference: economyReference(env.config.dataDir) };
  }, 300_000);
  afterAll(async () => env?.close());

  it('imports several dates at once, classifies by the rules, and totals add up', async () => {
    const r = await importSnapshot(as(ctx, {}), deps, 'to-år.csv', csv(HEADER, '941371876;Cambi ASA;71.129;100;2023-12-31;59,83;10,44', '927124238;TOMRA Systems ASA;28.290;800;2023-12-31;;', '941371876;Cambi ASA;71.129;120;31.12.2024;59,83;10,44', '984487568;Oljeservice AS;09.109;40;2024-12-31;59,8;10,4'));
    expect(r.snapshots.map((s) => [s.date, s.status, s.jobs])).toEqual([
      ['2023-12-31', 'created', 900],
      ['2024-12-31', 'created', 160],
    ]);
    const years = await yearlyTotals(ctx, deps);
    expect(years.map((y) => [y.year, y.oil_gas, y.green, y.other, y.total])).toEqual([
      [2023, 25, 0, 875, 900],
      [2024, 70, 0, 90, 160],
    ]);
    const list = await listEstablishments(ctx, deps, { class: 'oil_gas' });
    expect(list.items.map((e) => e.orgNumber)).toEqual(['941371876', '984487568']);
    expect(list.items[0]).toMatchObject({ lat: 59.83, lon: 10.44, codeRuleId: 'oil-71.12', uncertain: true, sourceLine: 4 });
  });

  it('is idempotent and atomic: the same file changes nothing, a bad line stops everything', async () => {
    const same = await importSnapshot(as(ctx, {}), deps, 'igjen.csv', csv(HEADER, '941371876;Cambi ASA;71.129;100;2023-12-31;59,83;10,44', '927124238;TOMRA Systems ASA;28.290;800;2023-12-31;;'));
    expect(same.snapshots[0]!.status).toBe('unchanged');
    const before = await economyRepository(ctx.scope).snapshots();
    const bad = await appError(importSnapshot(as(ctx, {}), deps, 'blandet.csv', csv(HEADER, '941371876;Cambi ASA;71.129;1;2022-12-31;;', '941371876;Cambi ASA;71.129;2;2022-12-31;;', '927124238;TOMRA;28.290;3;2022-12-31;91;10')));
    expect(bad.details.map((d) => `${d.line}:${d.field}`)).toEqual(['3:orgnr', '4:lat']);
    expect(bad.details[0]!.message).toContain('også linje 2');
    expect(await economyRepository(ctx.scope).snapshots()).toEqual(before);
  });

  it('keeps each municipality to itself', async () => {
    const theirs = await overview(as(otherCtx, {}), deps, {});
    expect(theirs.snapshots).toEqual([]);
    expect(theirs.snapshot).toBeNull();
    const mine = (await economyRepository(ctx.scope).snapshots())[0]!;
    expect((await appError(overview(as(otherCtx, {}), deps, { snapshotId: mine.id }))).code).toBe('not_found');
  });

  it('saves rule versions from today on; earlier snapshots keep the rules of their date', async () => {
    const before = await yearlyTotals(ctx, deps);
    const rules = deps.reference.defaults.rules.map((r) => (r.id === 'oil-71.12' ? { ...r, share: 1 } : r));
    expect((await appError(saveRuleSet(as(ctx, { role: 'business', domains: [], organisationId: 'o' }), deps, { validFrom: TODAY, rules }))).code).toBe('forbidden');
    await saveRuleSet(as(ctx, {}), deps, { validFrom: TODAY, rules, note: 'Cambi er helt oljerettet' });
    expect(await yearlyTotals(ctx, deps)).toEqual(before);
    // A snapshot dated today is classified with the new version.
    await importSnapshot(as(ctx, {}), deps, 'i-dag.csv', csv(HEADER, `941371876;Cambi ASA;71.129;100;${TODAY};;`));
    const now = (await yearlyTotals(ctx, deps)).find((y) => y.year === 2026)!;
    expect(now).toMatchObject({ oil_gas: 100, ruleVersion: TODAY });
  });
});
