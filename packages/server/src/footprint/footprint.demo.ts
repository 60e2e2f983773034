import fs from 'node:fs';
import path from 'node:path';
import { defaultAnswers, evaluateFootprint, FOOTPRINT_CATEGORIES, FOOTPRINT_QUESTIONS, pledgeSavings, quartersBetween, type FootprintAnswers } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { newId } from '../platform/ids.js';
import { footprintRepository, type PledgeRow, type SubmissionRow } from './footprint.repository.js';
import { upsertDistricts } from './footprint.service.js';

interface DemoFile {
  districts: { key: string; name: string }[];
  from: string;
  to: string;
  resultsPerQuarter: number[];
  pledgeShare: number;
  yearlyChange: number;
}

/** mulberry32: the same demo numbers on every seed. */
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

/** Districts, and (once) generated anonymous results and pledges spread over the campaign's quarters. */
export const footprintDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'footprint.json');
  if (!fs.existsSync(file)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  await upsertDistricts(ctx, demo.districts);
  const repo = footprintRepository(ctx.scope);
  if ((await repo.countSubmissions()) > 0) return;
  const rnd = prng(20251);
  const start = Date.parse(`${demo.from}T00:00:00Z`);
  const quarters = quartersBetween(demo.from, demo.to);
  const base = defaultAnswers();
  const subs: Omit<SubmissionRow, 'municipality_id'>[] = [];
  const pledges: Omit<PledgeRow, 'municipality_id'>[] = [];
  for (const [q, n] of demo.resultsPerQuarter.slice(0, quarters.length).entries()) {
    for (let i = 0; i < n; i++) {
      const qStart = Date.parse(`${quarters[q]!.start}T00:00:00Z`);
      const at = new Date(qStart + rnd() * (Date.parse(`${quarters[q]!.end}T23:59:59Z`) - qStart));
      // Participants answer about half the questions, each around the average; later ones a little lower.
      const trend = 1 + demo.yearlyChange * ((at.getTime() - start) / (365 * 86_400_000));
      const answers: FootprintAnswers = {};
      for (const question of FOOTPRINT_QUESTIONS) {
        if (rnd() < 0.5) continue;
        if (question.kind === 'choice') answers[question.id] = question.options[Math.floor(rnd() * question.options.length)]!.value;
        else answers[question.id] = Math.min(question.max, Math.max(question.min, Math.round((base[question.id] as number) * trend * (0.3 + rnd() * 1.4) * 10) / 10));
      }
      const r = evaluateFootprint(answers);
      const district = rnd() < 0.85 ? demo.districts[Math.floor(rnd() * demo.districts.length)]!.key : null;
      subs.push({ id: newId(), district_key: district, answers: JSON.stringify(answers), total_kg: Math.round(r.totalKg * 10) / 10, categories: JSON.stringify(Object.fromEntries(FOOTPRINT_CATEGORIES.map((c) => [c, Math.round(r.categories[c] * 10) / 10]))), created_at: at.toISOString() });
      if (rnd() < demo.pledgeShare) {
        const savings = pledgeSavings(answers).filter((s) => s.savingKg > 0);
        for (const s of savings.slice(0, 1 + Math.floor(rnd() * 3))) pledges.push({ id: newId(), action: s.id, district_key: district, saving_kg: Math.round(s.savingKg * 10) / 10, created_at: at.toISOString() });
      }
    }
  }
  await ctx.scope.transaction(async (scope) => {
    const r = footprintRepository(scope);
    for (let i = 0; i < subs.length; i += 200) await r.insertSubmission(subs.slice(i, i + 200));
    for (let i = 0; i < pledges.length; i += 200) await r.insertPledges(pledges.slice(i, i + 200));
  });
};
