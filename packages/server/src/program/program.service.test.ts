import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { getProgramView, importProgram, listPrograms } from './program.service.js';
import { importValues, recordValue } from './values.service.js';
import { addActionLog } from './actions.service.js';
import { reportingOverview } from './reporting.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const programFile = path.resolve(import.meta.dirname, '../../../../data/programs/asker-sdg12.json');
const programJson = () => JSON.parse(fs.readFileSync(programFile, 'utf8'));

async function catchAppError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('program service on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let programId: string;

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    programId = (await listPrograms(ctx))[0]!.id;
  });
  afterAll(() => env?.close());

  it('loads the demo program with all 15 points and statuses', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const codes = v.areas.flatMap((a) => a.goals.map((g) => g.code));
    expect(codes).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'C1', 'C2']);
    const statuses = new Set(v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((i) => i.status))));
    expect(statuses).toEqual(new Set(['on_track', 'at_risk', 'off_track', 'no_data']));
    // Every shown value is traceable to its file and line.
    const values = v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.flatMap((i) => i.values.filter((x) => x.id))));
    expect(values.length).toBeGreaterThan(20); // most figures are computed by their domains; the entered ones are the rest
    for (const x of values) {
      expect(x.importFile).toBe('indicator-values.csv');
      expect(x.importLine).toBeGreaterThan(1);
    }
  });

  it('importing the same program file twice changes nothing', async () => {
    const again = await importProgram(ctx, programJson(), 'asker-sdg12.json');
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBeGreaterThan(40);
  });

  it('a program file with errors writes nothing and names every bad path', async () => {
    const bad = programJson();
    bad.key = 'broken-program';
    bad.areas[0].goals[0].indicators[0].direction = 'sideways';
    bad.areas[1].goals[0].responsibleUnit = undefined;
    bad.areas[1].goals[0].indicators[0].targets[0].date = '31.12.2027';
    const err = await catchAppError(importProgram(ctx, bad, 'broken.json'));
    expect(err.code).toBe('import_failed');
    const fields = err.details.map((d) => d.field);
    expect(fields).toContain('$.areas[0].goals[0].indicators[0].direction');
    expect(fields).toContain('$.areas[1].goals[0].indicators[0].targets[0].date');
    expect((await listPrograms(ctx)).map((p) => p.key)).not.toContain('broken-program');
  });

  it('a program file naming an unknown unit writes nothing', async () => {
    const bad = programJson();
    bad.key = 'other-program';
    bad.areas[0].goals[0].responsibleUnit = 'no-such-unit';
    const err = await catchAppError(importProgram(ctx, bad, 'x.json'));
    expect(err.details[0]!.message).toContain('no-such-unit');
    expect((await listPrograms(ctx)).map((p) => p.key)).not.toContain('other-program');
  });

  it('recording a value changes the status, and the derived indicator follows its inputs', async () => {
    const before = await getProgramView(ctx, programId, { publicOnly: false });
    const all = (v: typeof before) => v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators));
    const entered = all(before).find((i) => i.source === 'entered' && i.baseline && i.targets.length > 0 && i.reportingInterval === 'yearly')!;
    // A value far behind the path makes it off track ...
    const baseline = entered.baseline!.value;
    const bad = entered.direction === 'increase' ? baseline * 0.5 : baseline * 2;
    await recordValue(ctx, entered.id, { period: '2026', date: '2026-10-31', value: bad });
    let v = await getProgramView(ctx, programId, { publicOnly: false });
    let ind = all(v).find((i) => i.id === entered.id)!;
    expect(ind.latestValue).toBe(bad);
    expect(ind.status).toBe('off_track');
    // ... and reaching the final target makes it on track.
    const final = entered.targets.at(-1)!.value;
    await recordValue(ctx, entered.id, { period: '2026', date: '2026-10-31', value: final });
    v = await getProgramView(ctx, programId, { publicOnly: false });
    ind = all(v).find((i) => i.id === entered.id)!;
    expect(ind.status).toBe('on_track');
    // Apprentices per 1 000 residents is derived from a computed series (the apprenticeship register) and an entered one.
    const apprentices = all(v).find((i) => i.key === 'a5-apprentices-municipal')!;
    const perThousand = all(v).find((i) => i.key === 'a5-apprentices-per-1000')!;
    expect([apprentices.source, perThousand.source]).toEqual(['computed', 'derived']);
    const count2025 = apprentices.values.find((x) => x.date === '2025-12-31')!.value;
    const population2025 = v.contextIndicators.find((i) => i.key === 'population')!.values.find((x) => x.date.startsWith('2025'))!.value;
    expect(perThousand.values.find((x) => x.date.startsWith('2025'))!.value).toBeCloseTo((count2025 * 1000) / population2025, 6);
  });

  it('values import: bad lines are all reported with line numbers and nothing is written', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const key = v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.source === 'entered')!.key;
    const csv = `\uFEFFindikator;periode;dato;verdi;merknad\r\n${key};2019;2019-12-31;12,5;ok\r\nukjent-indikator;2020;2020-12-31;1;x\r\n${key};2020;31.02.2020;1;x\r\n${key};2021;2021-12-31;tolv;x\r\n`;
    const err = await catchAppError(importValues(ctx, programId, 'verdier.csv', Buffer.from(csv)));
    expect(err.details.map((d) => [d.line, d.field])).toEqual([
      [3, 'indikator'],
      [4, 'dato'],
      [5, 'verdi'],
    ]);
    const after = await getProgramView(ctx, programId, { publicOnly: false });
    const ind = after.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.key === key)!;
    expect(ind.values.some((x) => x.date === '2019-12-31' && x.value === 12.5)).toBe(false);
  });

  it('values import in Windows-1252 with decimal comma works and is idempotent', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const ind = v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.source === 'entered' && i.reportingInterval === 'yearly')!;
    const text = `indikator;periode;dato;verdi;merknad\r\n${ind.key};2018;31.12.2018;1 234,5;Målt av Økonomi\r\n`;
    const bytes = Buffer.from(text, 'latin1'); // æøå in windows-1252
    const first = await importValues(ctx, programId, 'excel.csv', bytes);
    expect(first).toMatchObject({ encoding: 'windows-1252', created: 1 });
    const second = await importValues(ctx, programId, 'excel.csv', bytes);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const after = await getProgramView(ctx, programId, { publicOnly: false });
    const stored = after.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.id === ind.id)!.values.find((x) => x.date === '2018-12-31')!;
    expect(stored.value).toBe(1234.5);
    expect(stored.note).toBe('Målt av Økonomi');
    expect(stored.importLine).toBe(2);
  });

  it('the public view hides internal indicators', async () => {
    const internal = await getProgramView(ctx, programId, { publicOnly: false });
    const pub = await getProgramView(ctx, programId, { publicOnly: true });
    const count = (x: typeof pub) => x.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).length;
    const internalKeys = internal.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).filter((i) => i.visibility === 'internal');
    expect(internalKeys.length).toBeGreaterThan(0);
    expect(count(pub)).toBe(count(internal) - internalKeys.length);
  });

  it('a unit manager may record values only for their own units', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const ind = v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.source === 'entered' && i.responsibleUnit)!;
    const manager = (unitScope: string[]): UserActor => ({ kind: 'user', userId: 'u1', municipalityId: ctx.scope.municipalityId, name: 'Test', email: 't@x.example', role: 'unit_manager', domains: [], unitScope, unitId: unitScope[0] ?? null, organisationId: null });
    const mine = { ...ctx, actor: manager([ind.responsibleUnit!.id]) };
    const other = { ...ctx, actor: manager(['some-other-unit']) };
    await expect(recordValue(mine, ind.id, { period: '2017', date: '2017-12-31', value: 1 })).resolves.toMatchObject({ value: 1 });
    expect((await catchAppError(recordValue(other, ind.id, { period: '2017', date: '2017-12-31', value: 2 }))).code).toBe('forbidden');
  });

  it('action log entries with a status change are kept as history', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const action = v.areas[0]!.goals[0]!.actions[0]!;
    await addActionLog(ctx, action.id, { date: '2026-11-20', kind: 'decision', text: 'Kommunestyret vedtok ny plan', caseNumber: '26/01234', status: 'in_progress' });
    const after = await getProgramView(ctx, programId, { publicOnly: false });
    const a = after.areas[0]!.goals[0]!.actions.find((x) => x.id === action.id)!;
    expect(a.status).toBe('in_progress');
    expect(a.log[0]).toMatchObject({ date: '2026-11-20', kind: 'decision', caseNumber: '26/01234' });
    const bad = await catchAppError(addActionLog(ctx, action.id, { date: '2027-01-01', kind: 'decision', text: 'x', caseNumber: 'abc' }));
    expect(bad.details.map((d) => d.field).sort()).toEqual(['caseNumber', 'date']);
  });

  it('reporting lists overdue values per unit and actions needing attention', async () => {
    const r = await reportingOverview(ctx, { asOf: '2026-11-27' });
    expect(r.items.some((i) => i.state === 'overdue' || i.state === 'stale')).toBe(true);
    for (const i of r.items) expect(i.dueDate <= '2026-12-27').toBe(true);
  });
});
