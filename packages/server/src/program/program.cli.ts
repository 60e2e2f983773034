import fs from 'node:fs';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { getProgramView, importProgram, listPrograms } from './program.service.js';
import { importValues } from './values.service.js';
import type { IndicatorView } from './program.view.js';

const exportIndicator = (i: IndicatorView) => ({
  id: i.id,
  key: i.key,
  name: i.name.nb,
  nameEn: i.name.en,
  unit: i.unit,
  source: i.source === 'computed' ? 'computed' : 'entered',
  sourceKind: i.source,
  domain: i.domain ?? i.plannedDomain,
  visibility: i.visibility,
  latestValue: i.latestValue,
  latestPeriod: i.latestPeriod,
  status: i.status,
  reason: i.assessment.reason.code,
  baseline: i.baseline,
  targets: i.targets.map((t) => ({ date: t.date, value: t.value })),
});

export const programCommands: Record<string, CliCommand> = {
  'program import': {
    usage: 'FILE',
    describe: 'load or update a program from its JSON data file',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('program import needs a FILE');
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new AppError('import_failed', `${file}: ${(e as Error).message}`, [{ file, message: (e as Error).message }]);
      }
      const r = await importProgram(await c.ctx(), json, file);
      c.print(`Program ${r.key}: ${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret`, r);
    },
  },
  'program import-values': {
    usage: 'PROGRAM FILE',
    describe: 'import indicator values from CSV or XLSX',
    async run(c) {
      const [program, file] = c.args;
      if (!program || !file) throw new UsageError('program import-values needs PROGRAM and FILE');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const r = await importValues(await c.ctx(), program, file, fs.readFileSync(file), (done, total) => {
        if (!c.json && total > 200) c.io.err(`  ${done}/${total}`);
      });
      c.print(`${file}: ${r.rows} linjer, ${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret`, r);
    },
  },
  'program export': {
    usage: '[--format json] [--as-of DATE]',
    describe: 'print programs with goals, indicators, latest values and statuses',
    options: { format: { type: 'string' }, 'as-of': { type: 'string' } },
    async run(c) {
      const format = (c.flags.format as string | undefined) ?? 'json';
      if (format !== 'json') throw new UsageError(`Unknown format: ${format} (only json)`);
      const ctx = await c.ctx();
      const asOf = c.flags['as-of'] as string | undefined;
      const programs = [];
      for (const p of await listPrograms(ctx)) {
        const v = await getProgramView(ctx, p.id, { publicOnly: false, asOf });
        programs.push({
          id: v.id,
          key: v.key,
          name: v.name.nb,
          nameEn: v.name.en,
          asOf: v.asOf,
          status: v.status,
          statusCounts: v.statusCounts,
          contextIndicators: v.contextIndicators.map(exportIndicator),
          goals: v.areas.flatMap((a) => a.goals.map((g) => ({ code: g.code, area: a.code, title: g.title.nb, titleEn: g.title.en, status: g.status, responsibleUnit: g.responsibleUnit?.name ?? null, indicators: g.indicators.map(exportIndicator), actions: g.actions.map((ac) => ({ key: ac.key, title: ac.title.nb, status: ac.status })) }))),
        });
      }
      c.io.out(JSON.stringify({ programs }, null, 2));
    },
  },
};
