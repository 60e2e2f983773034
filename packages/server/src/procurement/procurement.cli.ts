import fs from 'node:fs';
import { evaluateTender, type TenderEvaluationInput } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { carbonPricePath } from './procurement.reference.js';
import { followUpDashboard, loadStarterCriteria } from './procurement.service.js';
import { exportOcds, importOcds } from './procurement.ocds.js';

/** Reads an evaluation file (format in docs/procurement.md); a broken file is an AppError naming it. */
function readEvaluationFile(file: string): TenderEvaluationInput {
  if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw AppError.validation(`${file} er ikke gyldig JSON: ${(e as Error).message}`, [{ file, message: (e as Error).message }]);
  }
  const o = json as Partial<TenderEvaluationInput> | null;
  const bad: { field: string; message: string }[] = [];
  if (!o || typeof o !== 'object') throw AppError.validation(`${file} må inneholde et JSON-objekt`, [{ file, message: 'ikke et objekt' }]);
  if (typeof o.estimatedValueNok !== 'number') bad.push({ field: 'estimatedValueNok', message: 'anslått verdi i kroner ekskl. mva. mangler' });
  if (!o.priceModel || typeof o.priceModel !== 'object') bad.push({ field: 'priceModel', message: 'prismodellen mangler' });
  if (!Array.isArray(o.criteria)) bad.push({ field: 'criteria', message: 'kriteriene mangler (en liste)' });
  if (!Array.isArray(o.bids)) bad.push({ field: 'bids', message: 'tilbudene mangler (en liste)' });
  if (bad.length) throw AppError.validation(`${file} mangler felt`, bad.map((b) => ({ file, ...b })));
  return { ...(o as TenderEvaluationInput), bids: o.bids!.map((b) => ({ ...b, points: b.points ?? {} })) };
}

export const procurementCommands: Record<string, CliCommand> = {
  'procurement evaluate': {
    usage: 'FILE.json [--json]',
    describe: 'evaluate bids of a tender: 30 % rule, points, totals, ranking, rank reversal, sensitivity; exit 1 on errors',
    needsDb: false,
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('procurement evaluate needs a FILE.json');
      const input = readEvaluationFile(file);
      const r = evaluateTender({ ...input, carbonPricePath: input.carbonPricePath ?? carbonPricePath(c.deps.config.dataDir).points });
      const out = {
        ranking: r.ranking.map((x) => ({ bid: x.bid, rank: x.rank, total: x.total, points: x.points, priceNok: x.priceNok, ...(x.lcc ? { lccNok: Math.round(x.lcc.lccNok), carbonNok: Math.round(x.lcc.carbonNok) } : {}), ...(x.adjustedPriceNok !== null ? { adjustedPriceNok: x.adjustedPriceNok } : {}) })),
        winner: r.winner,
        warnings: r.warnings,
        errors: r.errors,
        envWeight: r.rules.envWeight,
        explanation: r.rules.explanation,
        sensitivity: r.sensitivity,
        formulas: r.formulas,
      };
      const n = (x: number) => x.toLocaleString('nb-NO', { maximumFractionDigits: 2 });
      c.print(
        [
          r.rules.explanation,
          `Prisformel: ${r.formulas.price}; ${r.formulas.total}`,
          ...r.ranking.map((x) => `${String(x.rank).padStart(2)}. ${x.bid.padEnd(20)} ${n(x.total)}`),
          `Vinner: ${r.winner ?? '–'}`,
          ...(r.sensitivity ? [`Vinneren står seg for miljøvekt fra ${n(r.sensitivity.from)} % til ${n(r.sensitivity.to)} %`] : []),
          ...r.warnings.map((w) => `Advarsel ${w.code}: ${w.message}`),
          ...r.errors.map((e) => `Feil ${e.code}: ${e.message}`),
        ].join('\n'),
        out,
      );
      if (r.errors.length) throw new AppError('validation', `${r.errors.length} feil i evalueringen: ${r.errors.map((e) => e.code).join(', ')}`);
    },
  },
  'procurement load-criteria': {
    usage: '',
    describe: 'load the starter criteria library (data/reference/procurement/criteria.json); edited criteria are kept',
    async run(c) {
      const r = await loadStarterCriteria(await c.ctx(), { dataDir: c.deps.config.dataDir });
      c.print(`Kriteriebiblioteket: ${r.created} nye, ${r.unchanged} fantes fra før`, r);
    },
  },
  'procurement ocds-export': {
    usage: '[--tender ID]',
    describe: 'print tenders, awards and contracts as an OCDS 1.1 release package (validated against the official schema)',
    options: { tender: { type: 'string' } },
    async run(c) {
      const id = c.flags.tender as string | undefined;
      const pkg = await exportOcds(await c.ctx(), { dataDir: c.deps.config.dataDir }, id ? [id] : undefined);
      c.io.out(JSON.stringify(pkg, null, 2));
    },
  },
  'procurement ocds-import': {
    usage: 'FILE.json',
    describe: 'import an OCDS release or record package; all or nothing, idempotent by ocid',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('procurement ocds-import needs a FILE.json');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new AppError('import_failed', `${file}: ${(e as Error).message}`, [{ file, message: (e as Error).message }]);
      }
      const r = await importOcds(await c.ctx(), { dataDir: c.deps.config.dataDir }, file.split('/').pop()!, json);
      c.print(`${file}: ${r.releases} utgivelser, ${r.created} nye, ${r.updated} oppdatert, ${r.unchanged} egne uendret`, r);
    },
  },
  'procurement follow-up': {
    usage: '[--json]',
    describe: 'overdue follow-ups and open deviations of contracts, per responsible unit',
    async run(c) {
      const d = await followUpDashboard(await c.ctx());
      c.print(
        [
          `Oppfølging per ${d.asOf}: ${d.totals.overdue} forfalt, ${d.totals.deviationsOpen} åpne avvik; ${d.totals.contractsOnSchedule} av ${d.totals.contracts} kontrakter i rute`,
          ...d.units.flatMap((u) => [`${u.unitName}: ${u.overdue} forfalt, ${u.deviationsOpen} åpne avvik`, ...u.items.map((i) => `  ${i.status.padEnd(15)} ${i.dueDate} ${i.title} (${i.supplierName})`)]),
        ].join('\n'),
        d,
      );
    },
  },
};
