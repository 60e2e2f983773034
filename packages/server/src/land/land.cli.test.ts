import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main.js';

// The interface used by checks: `npx omstilling land rank CALL.json --json` (docs/land-rank.md), no database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'land-cli-'));
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const env = { DATABASE_URL: `sqlite:${path.join(dir, 'unused.db')}`, LOG_LEVEL: 'silent' };
const CALL = {
  normalisation: 'max',
  criteria: [
    { id: 'jobsPerM2', weight: 50, direction: 'higher' },
    { id: 'green', weight: 30, direction: 'higher' },
    { id: 'trafficPerDay', weight: 20, direction: 'lower' },
  ],
  applicants: [
    { id: 'W', values: { jobsPerM2: 0.004, green: 1, trafficPerDay: 300 } },
    { id: 'G', values: { jobsPerM2: 0.02, green: 5, trafficPerDay: 60 } },
    { id: 'M', values: { jobsPerM2: 0.01, green: 3, trafficPerDay: 120 } },
  ],
};

const write = (input: unknown) => {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  return file;
};

async function rank(input: unknown, json = true) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['land', 'rank', write(input), ...(json ? ['--json'] : [])], env, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('omstilling land rank (in process)', () => {
  it('ranks the applicants with each criterion’s points and exits 0, without a database', async () => {
    const r = await rank(CALL);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.errors).toEqual([]);
    expect(o.ranking.map((x: { applicant: string }) => x.applicant)).toEqual(['G', 'M', 'W']);
    const w = o.ranking[2];
    expect(Object.keys(w)).toEqual(['applicant', 'rank', 'score', 'contributions']);
    expect(w.contributions.jobsPerM2).toBeCloseTo(10, 9);
    expect(w.contributions.green).toBeCloseTo(6, 9);
    expect(w.contributions.trafficPerDay).toBeCloseTo(4, 9);
    expect(w.score).toBeCloseTo(20, 9);
    expect(o.ranking[1].score).toBeCloseTo(25 + 18 + 10, 9);
    expect(o.sensitivity.leader).toBe('G');
    expect(fs.existsSync(env.DATABASE_URL.slice(7))).toBe(false);
    const human = await rank(CALL, false);
    expect(human.out).toMatch(/ 1\. G\s+100/);
  });

  it('reports WEIGHTS_NOT_100 in the JSON with exit code 1 and ranks nothing', async () => {
    const r = await rank({ ...CALL, criteria: CALL.criteria.map((c) => ({ ...c, weight: c.weight + 5 })) });
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out);
    expect(o.ranking).toEqual([]);
    expect(o.errors).toEqual([{ code: 'WEIGHTS_NOT_100', message: 'Vektene summerer til 115, ikke 100' }]);
  });

  it('reports a duplicate applicant, a missing value and broken JSON the same way', async () => {
    const d = await rank({ ...CALL, applicants: [CALL.applicants[0], CALL.applicants[0], { id: 'X', values: { green: 1, trafficPerDay: 1 } }] });
    expect(d.code).toBe(1);
    expect(JSON.parse(d.out).errors.map((e: { code: string }) => e.code)).toEqual(['DUPLICATE_APPLICANT', 'MISSING_VALUE']);
    const b = await rank('{ not json');
    expect(b.code).toBe(1);
    expect(JSON.parse(b.out).errors[0].code).toBe('INVALID_INPUT');
  });
});

describe('npx omstilling land rank (spawned)', () => {
  const bin = path.join(ROOT, 'bin', 'omstilling.js');
  const built = fs.existsSync(path.join(ROOT, 'packages/server/dist/land/land.cli.js'));
  it.runIf(built)('prints the ranking and exits 0; exits 1 with WEIGHTS_NOT_100', () => {
    const ok = spawnSync(process.execPath, [bin, 'land', 'rank', write(CALL), '--json'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).ranking[0]).toMatchObject({ applicant: 'G', score: 100 });
    const bad = spawnSync(process.execPath, [bin, 'land', 'rank', write({ ...CALL, criteria: CALL.criteria.map((c, i) => (i === 2 ? { ...c, weight: 10 } : c)) }), '--json'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['WEIGHTS_NOT_100']);
  });
});
