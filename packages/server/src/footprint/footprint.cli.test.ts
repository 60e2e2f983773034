import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { evaluateFootprint, FOOTPRINT_FACTORS, FOOTPRINT_QUESTIONS } from '@omstilling/core';
import { run } from '../cli/main.js';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';
import { footprintFactorsCsv } from './footprint.reference.js';

const REF = path.join(DEFAULT_DATA_DIR, 'reference', 'footprint');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // No DATABASE_URL pointing anywhere useful: the footprint commands must not need a database.
  const code = await run(args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('omstilling footprint (CLI, no database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footprint-cli-'));

  it('evaluates the average resident without a file', async () => {
    const r = await cli(['footprint', 'evaluate', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['totalKg', 'categories', 'earths', 'averageKg']);
    expect(Object.keys(j.categories)).toEqual(['housing', 'transport', 'food', 'goods', 'services', 'public']);
    expect(j.totalKg).toBeCloseTo(j.averageKg, 0);
    expect(j.earths).toBeCloseTo(3.6, 2);
    const sum = Object.values(j.categories as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(j.totalKg).toBeCloseTo(sum, 6);
    expect((await cli(['footprint', 'evaluate'])).out).toContain('kg CO2e per år');
  });

  it('evaluates an answers file written from the questions list', async () => {
    const q = await cli(['footprint', 'questions', '--json']);
    expect(q.code).toBe(0);
    const list = JSON.parse(q.out) as { id: string; unit: string | null; default: number | string; min?: number; max?: number; options?: string[] }[];
    expect(list.map((x) => x.id)).toEqual(FOOTPRINT_QUESTIONS.map((x) => x.id));
    for (const x of list) expect(x.options ? x.options.includes(x.default as string) : (x.default as number) >= x.min! && (x.default as number) <= x.max!).toBe(true);
    const file = path.join(dir, 'svar.json');
    fs.writeFileSync(file, JSON.stringify({ 'transport.car_km': 0, 'transport.flights_long': 0, 'transport.flights_europe': 0, 'transport.flights_domestic': 0, 'food.diet': 'vegan' }));
    const r = await cli(['footprint', 'evaluate', file, '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totalKg).toBeLessThan(j.averageKg - 3000);
    expect(j.categories.food).toBe(1055);
    expect(j.totalKg).toBeCloseTo(evaluateFootprint({ 'transport.car_km': 0, 'transport.flights_long': 0, 'transport.flights_europe': 0, 'transport.flights_domestic': 0, 'food.diet': 'vegan' }).totalKg, 0);
  });

  it('refuses answers out of range, unknown files and bad JSON with Norwegian reasons (exit 1)', async () => {
    const file = path.join(dir, 'feil.json');
    fs.writeFileSync(file, JSON.stringify({ 'transport.car_km': -100, 'housing.area_m2': 2000 }));
    const r = await cli(['footprint', 'evaluate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('kan ikke være negativt');
    expect(r.err).toContain('mellom 10 og 1 000 m²');
    const j = await cli(['footprint', 'evaluate', file, '--json']);
    expect(JSON.parse(j.err).details.map((d: { field: string }) => d.field)).toEqual(['transport.car_km', 'housing.area_m2']);
    expect((await cli(['footprint', 'evaluate', path.join(dir, 'finnes-ikke.json')])).err).toContain('Finner ikke');
    fs.writeFileSync(file, '{ not json');
    expect((await cli(['footprint', 'evaluate', file])).err).toContain('ikke gyldig JSON');
  });
});

describe('data/reference/footprint', () => {
  it('holds the same factor table as the model', () => {
    expect(fs.readFileSync(path.join(REF, 'factors.csv'), 'utf8')).toBe(footprintFactorsCsv());
  });

  it('has every EXIOBASE factor equal to the (mean of the) Norwegian COICOP rows it names', () => {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(REF, 'exiobase34-no-coicop.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const by = new Map(rows.map((r) => [r.coicop_category_path!, Number(r.kgco2e_per_eur_2011_basic_price)]));
    const exio = FOOTPRINT_FACTORS.filter((f) => f.source === 'exiobase');
    expect(exio.length).toBeGreaterThanOrEqual(9);
    for (const f of exio) {
      const vals = f.coicop!.map((c) => by.get(c));
      expect(vals.every((v) => v !== undefined), f.id).toBe(true);
      expect(f.value, f.id).toBeCloseTo(vals.reduce((s, v) => s! + v!, 0)! / vals.length, 4);
    }
    expect(fs.readFileSync(path.join(REF, 'SOURCES.md'), 'utf8')).toContain('EXIOBASE');
  });
});
