import fs from 'node:fs';
import { evaluateFootprint, FOOTPRINT_CATEGORIES, FOOTPRINT_QUESTIONS, validateAnswers, type FootprintCategory } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { listDistricts, upsertDistricts } from './footprint.service.js';

// The footprint model from the command line; no database: the model and its factors are in core.

const r1 = (n: number) => Math.round(n * 10) / 10;
const nb = (n: number, d = 0) => n.toLocaleString('nb-NO', { maximumFractionDigits: d }).replace(/\u00a0/g, ' ');

/** Reads an answers file (JSON object of question id → answer); bad answers stop with every reason. */
export function readAnswersFile(file: string) {
  if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw AppError.validation(`${file} er ikke gyldig JSON`, [{ file, message: (e as Error).message }]);
  }
  const { answers, errors } = validateAnswers(json);
  if (errors.length) throw AppError.validation(`${file}: ${errors.length === 1 ? 'ett svar' : `${errors.length} svar`} utenfor det tillatte`, errors.map((e) => ({ file, field: e.field, message: e.message })));
  return answers;
}

/** The evaluate command's JSON: kg CO2e per category (0.1 kg), their sum, Earths and the average. */
export function footprintSummary(answers: Parameters<typeof evaluateFootprint>[0]) {
  const r = evaluateFootprint(answers);
  const categories = Object.fromEntries(FOOTPRINT_CATEGORIES.map((c) => [c, r1(r.categories[c])])) as Record<FootprintCategory, number>;
  return { totalKg: r1(Object.values(categories).reduce((s, x) => s + x, 0)), categories, earths: Math.round(r.earths * 100) / 100, averageKg: r1(r.averageKg) };
}

export const footprintCommands: Record<string, CliCommand> = {
  'footprint evaluate': {
    usage: '[ANSWERS.json] [--json]',
    describe: 'a resident’s consumption footprint (kg CO2e/year) per category, total, Earths and the average; without a file the average resident (no database)',
    needsDb: false,
    async run(c) {
      const file = c.args[0];
      const s = footprintSummary(file ? readAnswersFile(file) : {});
      c.print(
        [
          `Fotavtrykk: ${nb(s.totalKg)} kg CO2e per år (gjennomsnitt ${nb(s.averageKg)} kg), ${nb(s.earths, 2)} jordkloder`,
          ...FOOTPRINT_CATEGORIES.map((k) => `  ${k.padEnd(10)} ${nb(s.categories[k]).padStart(8)} kg`),
        ].join('\n'),
        s,
      );
    },
  },
  'footprint questions': {
    usage: '[--json]',
    describe: 'every question of the footprint calculator with id, unit, default and allowed range (to write an answers file)',
    needsDb: false,
    async run(c) {
      const list = FOOTPRINT_QUESTIONS.map((q) =>
        q.kind === 'number'
          ? { id: q.id, category: q.category, kind: q.kind, unit: q.unit, default: q.default, min: q.min, max: q.max, label: q.label.nb }
          : { id: q.id, category: q.category, kind: q.kind, unit: null, default: q.default, options: q.options.map((o) => o.value), label: q.label.nb },
      );
      c.print(list.map((q) => `${q.id.padEnd(30)} ${q.options ? `ett av: ${q.options.join(', ')}` : `${q.min}–${q.max} ${q.unit}`}  (standard ${q.default})`).join('\n'), list);
    },
  },
  'footprint districts': {
    usage: '[FILE.json]',
    describe: 'list the districts residents may choose when they share; with a file ([{"key","name"}, …]) add or rename them (keys are kept)',
    async run(c) {
      const file = c.args[0];
      const ctx = await c.ctx();
      if (file) {
        if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
        let list: unknown;
        try {
          list = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
        } catch (e) {
          throw AppError.validation(`${file} er ikke gyldig JSON`, [{ file, message: (e as Error).message }]);
        }
        if (!Array.isArray(list) || list.some((d) => typeof d?.key !== 'string' || typeof d?.name !== 'string')) throw new UsageError('footprint districts FILE: a JSON array of {"key": "...", "name": "..."}');
        const r = await upsertDistricts(ctx, list as { key: string; name: string }[]);
        c.io.err(`${file}: ${r.created} nye, ${r.updated} endret`);
      }
      const all = await listDistricts(ctx);
      c.print(all.map((d) => `${d.key.padEnd(24)} ${d.name}`).join('\n') || 'Ingen bydeler ennå', all);
    },
  },
};
