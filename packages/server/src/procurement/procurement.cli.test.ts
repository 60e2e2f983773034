import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main.js';
import { DEFAULT_DATA_DIR } from './procurement.reference.js';

// The interface used by checks: `omstilling procurement evaluate FILE.json --json` (docs/procurement.md).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procurement-cli-'));
const env = { DATA_DIR: DEFAULT_DATA_DIR, STORAGE_DIR: path.join(dir, 'storage'), DATABASE_URL: `sqlite:${path.join(dir, 'unused.db')}`, LOG_LEVEL: 'silent' };
const example = {
  estimatedValueNok: 2500000,
  priceModel: { kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: false },
  criteria: [
    { id: 'price', kind: 'price', weight: 40 },
    { id: 'env', kind: 'environment', weight: 30 },
    { id: 'quality', kind: 'quality', weight: 30 },
  ],
  exception: null,
  bids: [{ id: 'A', priceNok: 100000, points: { env: 8, quality: 6 } }],
};

async function evaluate(input: unknown, json = true) {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['procurement', 'evaluate', file, ...(json ? ['--json'] : [])], env, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('omstilling procurement evaluate', () => {
  it('prints the ranking of the issue example on the 0–max scale and exits 0', async () => {
    const r = await evaluate(example);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.winner).toBe('A');
    expect(o.ranking).toEqual([expect.objectContaining({ bid: 'A', total: 8.2, points: { price: 10, env: 8, quality: 6 } })]);
    expect(o.errors).toEqual([]);
    expect(o.warnings.map((w: { code: string }) => w.code)).toEqual(['SINGLE_BID']);
    expect(fs.existsSync(env.DATABASE_URL.slice(7))).toBe(false); // needs no database
  });

  it('reports ENV_WEIGHT_BELOW_30 with exit code 1, and accepts a justified exception', async () => {
    const low = { ...example, criteria: [{ id: 'price', kind: 'price', weight: 60 }, { id: 'env', kind: 'environment', weight: 10 }, { id: 'quality', kind: 'quality', weight: 30 }] };
    const r = await evaluate(low);
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out);
    expect(o.errors.map((e: { code: string }) => e.code)).toEqual(['ENV_WEIGHT_BELOW_30']);
    expect(o.errors[0].message).toMatch(/minst 30 %/);
    const ok = await evaluate({ ...low, exception: { kind: 'insignificant', justification: 'Kjøpet er én digital lisens uten fysisk leveranse eller transport; avtrykket er ubetydelig.' } });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).warnings.map((w: { code: string }) => w.code)).toContain('EXCEPTION_USED');
  });

  it('warns RANK_REVERSAL naming the bid that causes it', async () => {
    const r = await evaluate({
      ...example,
      bids: [
        { id: 'A', priceNok: 100, points: { env: 0, quality: 0 } },
        { id: 'B', priceNok: 120, points: { env: 5, quality: 5 } },
        { id: 'C', priceNok: 140, points: { env: 6, quality: 6.5 } },
      ],
    });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.winner).toBe('B');
    expect(o.ranking.map((x: { bid: string }) => x.bid)).toEqual(['B', 'C', 'A']);
    const w = o.warnings.filter((x: { code: string }) => x.code === 'RANK_REVERSAL');
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('A');
  });

  it('uses the proportional model and exits 1 on a price of 0, a broken file or a missing field; 2 without a file', async () => {
    const p = await evaluate({ ...example, priceModel: { kind: 'proportional', maxPoints: 10 }, bids: [...example.bids, { id: 'B', priceNok: 200000, points: { env: 10, quality: 10 } }] });
    expect(JSON.parse(p.out).ranking.find((x: { bid: string }) => x.bid === 'B').points.price).toBe(5);
    const zero = await evaluate({ ...example, bids: [{ id: 'Z', priceNok: 0, points: { env: 1, quality: 1 } }] });
    expect(zero.code).toBe(1);
    expect(JSON.parse(zero.out).errors[0].code).toBe('PRICE_ZERO');
    const broken = await evaluate('{ not json');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('ikke gyldig JSON');
    expect((await evaluate({ bids: [] })).code).toBe(1);
    const human = await evaluate(example, false);
    expect(human.out).toContain('Vinner: A');
    expect(await run(['procurement', 'evaluate'], env, { out: () => {}, err: () => {} })).toBe(2);
  });
});
