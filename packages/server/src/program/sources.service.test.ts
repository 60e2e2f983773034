import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { getProgramView, importProgram, listPrograms } from './program.service.js';
import { importJsonStat, importTableSource, setPrimarySource } from './sources.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../core/src/program/__fixtures__/ssb-07459-asker.json'), 'utf8'));
const programFile = path.resolve(import.meta.dirname, '../../../../data/programs/asker-sdg12.json');

describe.each(ENGINES)('indicator sources on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let programId: string;
  const population = async () => (await getProgramView(ctx, programId, { publicOnly: false })).contextIndicators.find((i) => i.key === 'population')!;

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    programId = (await listPrograms(ctx))[0]!.id;
  });
  afterAll(() => env?.close());

  it('keeps a JSON-stat series beside the entered values, each with its source, until chosen as the own source', async () => {
    const before = await population();
    const r = await importJsonStat(ctx, before.id, { fileName: '07459.json', json: fixture, filter: { Region: '3203', Kjonn: '2' }, at: 'start' });
    expect(r).toMatchObject({ values: 3, created: 3 });
    let pop = await population();
    expect(pop.sources).toHaveLength(2);
    const ssb = pop.sources.find((s) => s.id === r.sourceId)!;
    expect(ssb).toMatchObject({ kind: 'open_data', producer: 'Statistisk sentralbyrå', version: '2025-02-20T07:00:00Z', primary: false });
    expect(ssb.method).toContain('Region=3203');
    // Side by side: the latest value still comes from the own (entered) source.
    expect(pop.latestValue).toBe(before.latestValue);
    expect(pop.values.filter((v) => v.sourceId === r.sourceId).map((v) => v.value)).toEqual([48288, 49186, 50320]);

    await setPrimarySource(ctx, pop.id, r.sourceId);
    pop = await population();
    expect(pop.sources.find((s) => s.primary)!.id).toBe(r.sourceId);
    expect(pop.latestValue).toBe(50320);
    expect(pop.latestDate).toBe('2024-01-01');

    // Importing again changes nothing; reloading the program file keeps the chosen source.
    expect(await importJsonStat(ctx, pop.id, { fileName: '07459.json', json: fixture, filter: { Region: '3203', Kjonn: '2' }, at: 'start' })).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    await importProgram(ctx, JSON.parse(fs.readFileSync(programFile, 'utf8')), 'asker-sdg12.json');
    expect((await population()).sources.find((s) => s.primary)!.id).toBe(r.sourceId);
  });

  it('explains a selection that does not fit the dataset, and writes nothing', async () => {
    const pop = await population();
    const count = pop.values.length;
    let err: unknown;
    try {
      await importJsonStat(ctx, pop.id, { fileName: 'x.json', json: fixture, filter: { Region: '0301', Kjonn: '1' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('import_failed');
    expect((err as AppError).message).toContain('0301');
    expect((await population()).values.length).toBe(count);
  });

  it('refuses a source of another indicator as the own source', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const other = v.areas[0]!.goals[1]!.indicators[0]!;
    const pop = await population();
    await expect(setPrimarySource(ctx, pop.id, other.sources[0]!.id)).rejects.toMatchObject({ code: 'validation' });
  });

  it('sums a published emissions table per year for this municipality, with former numbers, as a source', async () => {
    const v = await getProgramView(ctx, programId, { publicOnly: false });
    const ind = v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.source === 'entered')!;
    const csv = ['Kommunenummer;Kommune;År;Sektor;Utslipp (tonn CO2-ekvivalenter)', '3203;Asker;2022;Veitrafikk;120 000', '3203;Asker;2022;Jordbruk;9 000,5', '3201;Bærum;2022;Veitrafikk;1', '3025;Asker;2019;Veitrafikk;130 000'].join('\r\n');
    const input = { fileName: 'utslipp.csv', data: Buffer.from(csv, 'latin1'), municipalityColumn: 'Kommunenummer', yearColumn: 'År', valueColumn: 'Utslipp (tonn CO2-ekvivalenter)', producer: 'Miljødirektoratet', dataset: 'Klimagassutslipp fra kommuner' };
    const r = await importTableSource(ctx, ind.id, ['3203', '3025', '0220'], input);
    expect(r).toMatchObject({ values: 2, created: 2 });
    const after = (await getProgramView(ctx, programId, { publicOnly: false })).areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).find((i) => i.id === ind.id)!;
    const mine = after.values.filter((x) => x.sourceId === r.sourceId);
    expect(mine.map((x) => [x.period, x.value, x.importLine])).toEqual([
      ['2019', 130000, 5],
      ['2022', 129000.5, 2],
    ]);
    expect(after.sources.find((s) => s.id === r.sourceId)).toMatchObject({ producer: 'Miljødirektoratet', kind: 'open_data', primary: false });
    // A bad number in one of the municipality's rows stops it all, naming the line.
    const bad = await importTableSource(ctx, ind.id, ['3203'], { ...input, data: Buffer.from(`${csv}\r\n3203;Asker;2023;Veitrafikk;mye`, 'latin1') }).catch((e: AppError) => e);
    expect((bad as AppError).details).toEqual([{ file: 'utslipp.csv', line: 6, field: 'Utslipp (tonn CO2-ekvivalenter)', message: 'Ugyldig tall «mye»' }]);
  });
});
