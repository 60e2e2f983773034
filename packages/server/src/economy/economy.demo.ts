import fs from 'node:fs';
import path from 'node:path';
import { orgNumberCheckDigit } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { economyReference } from './economy.reference.js';
import { economyRepository } from './economy.repository.js';
import { importSnapshot } from './economy.service.js';

interface Segment {
  key: 'oil_gas' | 'green' | 'other';
  count: number;
  growth: number;
  closeShare?: number;
  newShare?: number;
  codes: string[];
  words: string[];
  sizes: [number, number, number];
}
interface DemoFile {
  firstYear: number;
  lastYear: number;
  seed: number;
  targets: Record<'total' | 'oil_gas' | 'green', Record<string, number>>;
  segments: Segment[];
  public: { name: string; code: string; jobs: number; place: string }[];
  places: Record<string, [number, number]>;
}
interface DemoOrg {
  orgNumber: string;
  name: string;
  industryCode: string | null;
  employees: number | null;
  place: string | null;
}

/** A small deterministic PRNG (mulberry32), so that every seed gives the same demo. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Est {
  orgNumber: string;
  name: string;
  code: string;
  segment: Segment['key'] | 'fixed';
  base: number;
  growth: number;
  from: number;
  to: number;
  pos: [number, number] | null;
}

/**
 * Loads the employment demo (data/demo/<slug>/economy.json): one snapshot per year-end, built from the
 * demo organisations (names and sizes as given) and generated establishments marked «(demo)», scaled
 * so that each year's total follows the file and the oil-and-gas segment shrinks while the green one
 * grows. Imported through the same service as a real file (source «demo», marked fictional). Idempotent.
 */
export const economyDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'economy.json');
  if (!fs.existsSync(file)) return;
  if ((await economyRepository(ctx.scope).snapshots()).length > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgsFile = path.join(demoDir, 'organisations.json');
  const orgs = fs.existsSync(orgsFile) ? (JSON.parse(fs.readFileSync(orgsFile, 'utf8')) as DemoOrg[]) : [];
  const r = prng(demo.seed);
  const places = Object.entries(demo.places);
  const spread = (place: string | null): [number, number] | null => {
    const c = place ? demo.places[place] : undefined;
    if (!c) return null;
    const d = 0.004 + r() * 0.012;
    const a = r() * 2 * Math.PI;
    return [Math.round((c[0] + d * Math.sin(a)) * 1e5) / 1e5, Math.round((c[1] + (d * Math.cos(a)) / Math.cos((c[0] * Math.PI) / 180)) * 1e5) / 1e5];
  };
  const used = new Set(orgs.map((o) => o.orgNumber));
  let serial = 3_100_000; // 7 digits after the leading 8: a 9-digit number with its MOD11 check digit
  const orgNumber = () => {
    for (;;) {
      const first8 = `8${String(serial++).padStart(7, '0')}`;
      const check = orgNumberCheckDigit(first8);
      if (check !== null && check < 10 && !used.has(`${first8}${check}`)) return `${first8}${check}`;
    }
  };
  const today = osloToday(ctx);
  const lastYear = Math.min(demo.lastYear, Number(today.slice(0, 4)) - (today.slice(5) === '12-31' ? 0 : 1));
  const years: number[] = [];
  for (let y = demo.firstYear; y <= lastYear; y++) years.push(y);
  if (years.length === 0) return;

  const ests: Est[] = [];
  for (const o of orgs) if ((o.employees ?? 0) > 0 && o.industryCode) ests.push({ orgNumber: o.orgNumber, name: o.name, code: o.industryCode, segment: 'fixed', base: o.employees!, growth: 0, from: demo.firstYear, to: 9999, pos: spread(o.place) });
  for (const p of demo.public) ests.push({ orgNumber: orgNumber(), name: p.name, code: p.code, segment: 'fixed', base: p.jobs, growth: 0.01, from: demo.firstYear, to: 9999, pos: spread(p.place) });
  for (const s of demo.segments) {
    for (let i = 0; i < s.count; i++) {
      const [place] = places[Math.floor(r() * places.length)]!;
      const k = Math.floor(r() * s.codes.length);
      // Sizes: most small, some medium, a few large.
      const x = r();
      const base = Math.max(1, Math.round((x < 0.6 ? s.sizes[0] : x < 0.9 ? s.sizes[1] : s.sizes[2]) * (0.5 + r())));
      const opens = s.newShare && r() < s.newShare ? demo.firstYear + 1 + Math.floor(r() * (years.length - 1)) : demo.firstYear;
      const closes = s.closeShare && r() < s.closeShare ? demo.firstYear + 1 + Math.floor(r() * (years.length - 1)) : 9999;
      ests.push({ orgNumber: orgNumber(), name: `${place} ${s.words[k % s.words.length]} ${i + 1} (demo)`, code: s.codes[k]!, segment: s.key, base, growth: s.growth, from: opens, to: closes, pos: spread(place) });
    }
  }

  const lines = ['orgnr;navn;naeringskode;ansatte;dato;lat;lon'];
  for (const y of years) {
    const active = ests.filter((e) => e.from <= y && y < e.to);
    const raw = (e: Est) => e.base * Math.pow(1 + e.growth, y - demo.firstYear) * (0.93 + 0.14 * r());
    const sizes = new Map(active.map((e) => [e, raw(e)]));
    const fixed = active.filter((e) => e.segment === 'fixed').reduce((n, e) => n + sizes.get(e)!, 0);
    const t = (k: 'total' | 'oil_gas' | 'green') => demo.targets[k][String(y)] ?? demo.targets[k][String(demo.lastYear)]!;
    const want: Record<Segment['key'], number> = { oil_gas: t('oil_gas'), green: t('green'), other: Math.max(0, t('total') - t('oil_gas') - t('green') - fixed) };
    for (const seg of ['oil_gas', 'green', 'other'] as const) {
      const members = active.filter((e) => e.segment === seg);
      const sum = members.reduce((n, e) => n + sizes.get(e)!, 0);
      for (const e of members) sizes.set(e, sum > 0 ? (sizes.get(e)! * want[seg]) / sum : 0);
    }
    for (const e of active) {
      const n = Math.max(0, Math.round(sizes.get(e)!));
      lines.push([e.orgNumber, e.name, e.code, n, `${y}-12-31`, e.pos?.[0] ?? '', e.pos?.[1] ?? ''].join(';'));
    }
  }
  await importSnapshot(ctx, { reference: economyReference(deps.config.dataDir) }, 'demo-sysselsetting.csv', Buffer.from(lines.join('\r\n'), 'utf8'), { sourceKind: 'demo', fictional: true });
};
