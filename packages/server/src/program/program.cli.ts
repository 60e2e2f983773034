import fs from 'node:fs';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { getProgramView, importProgram, listPrograms } from './program.service.js';
import { importValues } from './values.service.js';
import { importJsonStat, importTableSource, setPrimarySource } from './sources.service.js';
import { programRepository } from './program.repository.js';
import type { IndicatorView } from './program.view.js';
import { buildDigests, localDate } from './reminders.service.js';
import { runReminders } from './reminders.job.js';

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
  'program import-jsonstat': {
    usage: 'PROGRAM INDICATOR FILE --filter Dim=code[,Dim=code] [--time DIM] [--at start|end] [--primary]',
    describe: "add a JSON-stat 2.0 series (Statistics Norway) as a source of an indicator",
    options: { filter: { type: 'string' }, time: { type: 'string' }, at: { type: 'string' }, primary: { type: 'boolean' } },
    async run(c) {
      const [program, indicatorKey, file] = c.args;
      if (!program || !indicatorKey || !file) throw new UsageError('program import-jsonstat needs PROGRAM, INDICATOR and FILE');
      const at = (c.flags.at as string | undefined) ?? 'end';
      if (at !== 'start' && at !== 'end') throw new UsageError('--at must be start or end');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const ctx = await c.ctx();
      const repo = programRepository(ctx.scope);
      const p = (await repo.programById(program)) ?? (await repo.programByKey(program));
      const ind = p ? await repo.indicatorByKey(p.id, indicatorKey) : undefined;
      if (!ind) throw AppError.validation(`Finner ikke indikatoren ${indicatorKey} i ${program}`, [{ field: 'indicator', message: 'ukjent program eller indikator' }]);
      const filter = Object.fromEntries(((c.flags.filter as string | undefined) ?? '').split(',').filter(Boolean).map((kv) => kv.split('=').map((x) => x.trim()) as [string, string]));
      const r = await importJsonStat(ctx, ind.id, { fileName: file, json: fs.readFileSync(file, 'utf8'), filter, time: c.flags.time as string | undefined, at });
      if (c.flags.primary === true) await setPrimarySource(ctx, ind.id, r.sourceId);
      c.print(`${indicatorKey}: ${r.values} verdier fra «${r.sourceName}» (${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret)${c.flags.primary === true ? '; valgt som indikatorens egen kilde' : ''}`, r);
    },
  },
  'program import-table': {
    usage: 'PROGRAM INDICATOR FILE --municipality-column C --year-column C --value-column C --producer P [--where Col=val] [--sheet S] [--dataset D] [--primary]',
    describe: "add a published table's yearly totals for the municipality (e.g. Environment Agency emissions) as a source",
    options: { 'municipality-column': { type: 'string' }, 'year-column': { type: 'string' }, 'value-column': { type: 'string' }, producer: { type: 'string' }, where: { type: 'string' }, sheet: { type: 'string' }, dataset: { type: 'string' }, primary: { type: 'boolean' } },
    async run(c) {
      const [program, indicatorKey, file] = c.args;
      const f = c.flags as Record<string, string | undefined>;
      if (!program || !indicatorKey || !file || !f['municipality-column'] || !f['year-column'] || !f['value-column'] || !f.producer) throw new UsageError('program import-table needs PROGRAM, INDICATOR, FILE, --municipality-column, --year-column, --value-column and --producer');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const ctx = await c.ctx();
      const m = await c.municipality();
      const repo = programRepository(ctx.scope);
      const p = (await repo.programById(program)) ?? (await repo.programByKey(program));
      const ind = p ? await repo.indicatorByKey(p.id, indicatorKey) : undefined;
      if (!ind) throw AppError.validation(`Finner ikke indikatoren ${indicatorKey} i ${program}`, [{ field: 'indicator', message: 'ukjent program eller indikator' }]);
      const where = Object.fromEntries((f.where ?? '').split(',').filter(Boolean).map((kv) => kv.split('=').map((x) => x.trim()) as [string, string]));
      const r = await importTableSource(ctx, ind.id, [m.number, ...m.previousNumbers], { fileName: file, data: fs.readFileSync(file), sheet: f.sheet, municipalityColumn: f['municipality-column'], yearColumn: f['year-column'], valueColumn: f['value-column'], where, producer: f.producer, dataset: f.dataset ?? null });
      if (c.flags.primary === true) await setPrimarySource(ctx, ind.id, r.sourceId);
      c.print(`${indicatorKey}: ${r.values} årsverdier fra «${r.sourceName}» (${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret)${c.flags.primary === true ? '; valgt som indikatorens egen kilde' : ''}`, r);
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
  'program remind': {
    usage: '[--date YYYY-MM-DD] [--dry-run]',
    describe: "send the day's reminder digests by e-mail (SMTP_URL), or print them",
    options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run(c) {
      const date = (c.flags.date as string | undefined) ?? localDate(c.deps.now());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date needs YYYY-MM-DD, got "${date}"`);
      const ctx = await c.ctx();
      const publicUrl = c.deps.config.publicUrl;
      if (c.flags['dry-run'] || !c.deps.config.smtp) {
        const run = await buildDigests(ctx, date, { publicUrl });
        const human = [
          ...run.digests.map((d) => `Til: ${d.recipient.name} <${d.recipient.email}> (${d.recipient.role})\nEmne: ${d.subject}\n\n${d.text.trimEnd()}`),
          `${run.digests.length} e-poster for ${date}${run.unrouted ? `; ${run.unrouted} punkter har ingen mottaker` : ''}. ${c.deps.config.smtp ? 'Ingenting sendt (--dry-run).' : 'Ingenting sendt: SMTP_URL er ikke satt.'}`,
        ].join('\n\n' + '-'.repeat(72) + '\n');
        c.print(human, { ...run, digests: run.digests.map(({ html: _html, ...d }) => d), sent: false });
        return;
      }
      const m = await c.municipality();
      const [r] = await runReminders(c.deps, date, { only: m.id });
      c.print(`${date}: ${r!.digests} e-poster, ${r!.sent} sendt, ${r!.skipped} var allerede sendt, ${r!.failed.length} feilet`, r);
      if (r!.failed.length) throw new AppError('internal', `${r!.failed.length} e-poster kunne ikke sendes`, r!.failed.map((f) => ({ field: f.email, message: f.error })));
    },
  },
  'program report': {
    usage: '--out FILE [--year YEAR] [--public] [PROGRAM]',
    describe: 'write the annual council report (PDF); --public leaves out internal indicators',
    options: { out: { type: 'string' }, year: { type: 'string' }, public: { type: 'boolean' } },
    async run(c) {
      const out = c.flags.out as string | undefined;
      if (!out) throw new UsageError('program report needs --out FILE');
      const year = c.flags.year === undefined ? undefined : Number(c.flags.year);
      if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year needs a year, got "${c.flags.year}"`);
      const ctx = await c.ctx();
      let program = c.args[0];
      if (!program) {
        const all = await listPrograms(ctx);
        if (all.length !== 1) throw new UsageError(all.length ? `Several programs; name one (${all.map((p) => p.key).join(', ')})` : 'No program yet: run `omstilling program import` first');
        program = all[0]!.key;
      }
      // Loaded on demand: pdfkit and its fonts are only needed here.
      const { councilReport } = await import('./report.pdf.js');
      const r = await councilReport(ctx, program, { publicOnly: c.flags.public === true, year });
      fs.writeFileSync(out, r.body);
      c.print(`Årsrapport skrevet til ${out} (${r.pages} sider, ${Math.round(r.body.length / 1024)} kB, skrift ${r.font})`, { file: out, fileName: r.fileName, pages: r.pages, bytes: r.body.length, font: r.font });
    },
  },
};
