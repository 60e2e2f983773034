import fs from 'node:fs';
import { ledgerColumnOf, REPORT_DIMENSIONS, type LedgerColumn, type ReportDimension } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { climateReference } from './climate.reference.js';
import { importEnergy, importLedger, report } from './climate.service.js';
import { writeDemoLedger } from './climate.demo.js';

/** Parses `--map dato=Bilagsdato,belop=Beløp NOK` (column names or any recognised alias on the left). */
export function parseMap(text: string | undefined): Partial<Record<LedgerColumn, string>> | undefined {
  if (!text) return undefined;
  const map: Partial<Record<LedgerColumn, string>> = {};
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i < 1) throw new UsageError(`--map: «${part}» is not col=Header`);
    const col = ledgerColumnOf(part.slice(0, i));
    if (!col) throw new UsageError(`--map: unknown column «${part.slice(0, i)}» (dato, ansvar, art, funksjon, prosjekt, orgnr, leverandor, belop, tekst)`);
    map[col] = part.slice(i + 1).trim();
  }
  return map;
}

// A progress bar on stderr, only when stderr is a terminal (never in pipes, logs or --json consumers).
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const fill = Math.round((pct / 100) * width);
    process.stderr.write(`\r[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(pct).padStart(3)} %  ${(done / 1e6).toFixed(1)} av ${(total / 1e6).toFixed(1)} MB${pct === 100 ? '\n' : ''}`);
  };
}

const nb = (n: number, d = 0) => n.toLocaleString('nb-NO', { maximumFractionDigits: d });

export const climateCommands: Record<string, CliCommand> = {
  'climate import-ledger': {
    usage: 'FILE [--map col=Header,…] [--replace-period] [--json]',
    describe: 'import a ledger export (CSV with ; or , and decimal comma, UTF-8 or Windows-1252; or XLSX); all or nothing, idempotent',
    options: { map: { type: 'string' }, 'replace-period': { type: 'boolean' } },
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('climate import-ledger needs a FILE');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const map = parseMap(c.flags.map as string | undefined);
      const onProgress = progressBar();
      const r = await importLedger(await c.ctx(), { reference: climateReference(c.deps.config.dataDir), sqlite: c.deps.database.sqlite }, { path: file, filename: file.split(/[\\/]/).pop()!, ...(map ? { map } : {}), replacePeriod: c.flags['replace-period'] === true, ...(onProgress ? { onProgress } : {}) });
      const out = { lines: r.lines, imported: r.imported, skipped: r.skipped, totalNok: r.totalNok, totalKgCo2e: r.totalKgCo2e, errors: r.errors.map((e) => ({ line: e.line, field: e.field, message: e.message })), errorCount: r.errorCount, unchanged: r.unchanged, periodFrom: r.periodFrom, periodTo: r.periodTo, excluded: r.excluded, byKind: r.byKind };
      const human = r.errors.length
        ? [`${file}: ${r.errorCount} feil – ingenting er lagret`, ...r.errors.slice(0, 50).map((e) => `  linje ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`)].join('\n')
        : r.unchanged
          ? `${file}: importert før – ingenting endret (${nb(r.lines)} linjer)`
          : `${file}: ${nb(r.lines)} linjer, ${nb(r.imported)} kjøp importert, ${nb(r.skipped)} utelatt (lønn, overføringer, finans), ${nb(r.totalNok)} kr, ${nb(r.totalKgCo2e / 1000, 1)} t CO2e (${r.periodFrom}–${r.periodTo})`;
      c.print(human, out);
      if (r.errors.length) throw new AppError('import_failed', `${r.errorCount} linjer har feil; ingenting er lagret`);
    },
  },
  'climate report': {
    usage: '--year YYYY --by unit|art|funksjon|supplier|month [--set KEY] [--json]',
    describe: 'purchases\' emissions of a year by unit (tree roll-up), art, funksjon, supplier or month',
    options: { year: { type: 'string' }, by: { type: 'string' }, set: { type: 'string' } },
    async run(c) {
      const year = Number(c.flags.year);
      const by = (c.flags.by as string | undefined) ?? 'unit';
      if (!c.flags.year || !Number.isInteger(year)) throw new UsageError('climate report needs --year YYYY');
      if (!REPORT_DIMENSIONS.includes(by as ReportDimension)) throw new UsageError(`--by must be one of ${REPORT_DIMENSIONS.join(', ')}`);
      const r = await report(await c.ctx(), { reference: climateReference(c.deps.config.dataDir) }, year, by as ReportDimension, c.flags.set as string | undefined);
      const out = {
        year: r.year,
        by: r.by,
        totalNok: r.totalOre / 100,
        totalKgCo2e: r.totalKg,
        lines: r.lines,
        byKind: Object.fromEntries(Object.entries(r.byKind).map(([k, x]) => [k, { nok: x.ore / 100, kgCo2e: x.kg }])),
        set: r.set,
        flagged: r.flagged,
        rows: r.rows.map((x) => ({ key: x.key, label: x.label, parent: x.parentKey, nok: x.ore / 100, kgCo2e: x.kg, totalNok: x.totalOre / 100, totalKgCo2e: x.totalKg, share: x.shareKg, lines: x.lines, ...(x.category ? { category: x.category } : {}) })),
      };
      c.print(
        [`Klimagassutslipp fra kjøp ${year} etter ${by}: ${nb(r.totalKg / 1000, 1)} t CO2e av ${nb(r.totalOre / 100)} kr (${r.set.name})`, ...r.rows.slice(0, 40).map((x) => `${nb(x.totalKg / 1000, 1).padStart(12)} t  ${nb(x.totalOre / 100).padStart(16)} kr  ${x.label}`)].join('\n'),
        out,
      );
    },
  },
  'climate import-energy': {
    usage: 'FILE [--json]',
    describe: 'import physical energy use (CSV or XLSX: ansvar, år, energibærer, kWh); replaces the spend-based figure of energy arts for those ansvar and years; all or nothing',
    options: {},
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('climate import-energy needs a FILE');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const r = await importEnergy(await c.ctx(), { reference: climateReference(c.deps.config.dataDir) }, { path: file, filename: file.split(/[\\/]/).pop()! });
      c.print(`${file}: energibruk for ${nb(r.imported)} ansvar/år/energibærer (${r.years.join(', ')})`, r);
    },
  },
  'climate demo-ledger': {
    usage: '--year YYYY [--lines N] [--nok N] FILE',
    describe: 'write a generated demo ledger (realistic arts, units, suppliers; for demos and load tests)',
    options: { year: { type: 'string' }, lines: { type: 'string' }, nok: { type: 'string' } },
    async run(c) {
      const file = c.args[0];
      const year = Number(c.flags.year);
      if (!file || !Number.isInteger(year)) throw new UsageError('climate demo-ledger needs --year YYYY and a FILE');
      const units = await (await c.ctx()).scope.selectFrom('org_unit').select(['type']).orderBy('key').execute();
      const ansvar = (units.length ? units : [{ type: 'other' }]).map((u, i) => ({ code: String(1000 + i * 10), type: u.type }));
      const lines = writeDemoLedger(file, { year, lines: Number(c.flags.lines ?? 300_000), totalNok: Number(c.flags.nok ?? 3e9), ansvar });
      c.print(`${file}: ${nb(lines)} linjer for ${year}`, { file, lines, year });
    },
  },
};
