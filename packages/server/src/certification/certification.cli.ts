import fs from 'node:fs';
import { parseIsoOrNorwegianDate } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { createMailer } from '../platform/mail/mailer.js';
import { certificationReference } from './certification.reference.js';
import { statusLabel, statusOverview, today } from './certification.service.js';
import { businessCoverage } from './businesses.service.js';
import { trainingOverview } from './training.service.js';
import { importReports } from './reports.service.js';
import { buildCertificationDigests, sendCertificationReminders } from './reminders.service.js';

const dateFlag = (v: unknown, fallback: string): string => {
  if (v === undefined) return fallback;
  const s = String(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !parseIsoOrNorwegianDate(s)) throw new UsageError(`--date needs a real date YYYY-MM-DD, got "${s}"`);
  return s;
};
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100);
const nb = (x: number | null) => (x === null ? '–' : `${String(pct(x)).replace('.', ',')} %`);

export const certificationCommands: Record<string, CliCommand> = {
  'certification status': {
    usage: '[--date YYYY-MM-DD] [--json]',
    describe: 'every municipal unit with its certification status on a date, and the coverage figures',
    options: { date: { type: 'string' } },
    async run(c) {
      const ctx = await c.ctx();
      const date = dateFlag(c.flags.date, today(ctx));
      const deps = { reference: certificationReference(c.deps.config.dataDir) };
      const o = await statusOverview(ctx, deps, date);
      const training = (await trainingOverview(ctx, date)).total;
      const businesses = await businessCoverage(ctx, deps, date);
      const cov = o.coverage;
      const data = {
        date,
        coverage: {
          units: cov.units,
          certified: cov.certified,
          certifiedShare: pct(cov.certifiedShare),
          byStatus: cov.byStatus,
          staff: cov.staff,
          staffCovered: cov.staffCovered,
          staffCoveredShare: pct(cov.staffShare),
          staffTrained: training.trained,
          staffTrainedShare: pct(training.share),
          countedKinds: ['unit'],
          coveredStatuses: ['certified', 'expiring', 'in_grace'],
        },
        businesses: { local: businesses.businesses, certified: businesses.certified, certifiedShare: pct(businesses.share), employeeShare: pct(businesses.employeeShare), pending: businesses.pending },
        units: o.units
          .slice()
          .sort((a, b) => a.sectorName.localeCompare(b.sectorName, 'nb') || a.name.localeCompare(b.name, 'nb'))
          .map((u) => ({ key: u.key, name: u.name, kind: u.kind, type: u.type, sector: u.sectorName, staff: u.staff, status: u.status, scheme: u.schemeKey, certificateId: u.certificateId, validUntil: u.validUntil, coveredBy: u.viaScope ? u.holderName : null })),
      };
      if (c.json) return c.io.out(JSON.stringify(data, null, 2));
      const lines = data.units.map((u) => `${u.status.padEnd(12)} ${u.name.padEnd(48)} ${(u.scheme ?? '').padEnd(13)} ${u.validUntil ?? ''}${u.coveredBy ? `  (via ${u.coveredBy})` : ''}${u.kind !== 'unit' ? `  [${u.kind}]` : ''}`);
      c.io.out(
        [
          `Miljøsertifisering per ${date}`,
          ...lines,
          '',
          `Enheter sertifisert: ${cov.certified} av ${cov.units} (${nb(cov.certifiedShare)}); ansatte dekket: ${cov.staffCovered} av ${cov.staff} (${nb(cov.staffShare)})`,
          `Status: ${Object.entries(cov.byStatus).map(([k, v]) => `${statusLabel(k as never).toLowerCase()} ${v}`).join(', ')}`,
          `Ansatte med miljøopplæring: ${training.trained} (${nb(training.share)})`,
          `Lokale virksomheter sertifisert: ${businesses.certified} av ${businesses.businesses} (${nb(businesses.share)}); ${businesses.pending} venter på kontroll`,
        ].join('\n'),
      );
    },
  },
  'certification import-reports': {
    usage: 'FILE',
    describe: 'import annual climate and environment reports from CSV or XLSX (all or nothing)',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('certification import-reports needs a FILE');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const r = await importReports(await c.ctx(), { reference: certificationReference(c.deps.config.dataDir) }, file, fs.readFileSync(file));
      c.print(`${file}: ${r.rows} rapporter, ${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret`, r);
    },
  },
  'certification remind': {
    usage: '[--date YYYY-MM-DD] [--dry-run]',
    describe: 'e-mail unit managers their certification reminders (SMTP_URL), or print them',
    options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run(c) {
      const ctx = await c.ctx();
      const date = dateFlag(c.flags.date, today(ctx));
      const deps = { reference: certificationReference(c.deps.config.dataDir) };
      const mailer = c.flags['dry-run'] ? null : createMailer(c.deps.config.smtp);
      if (!mailer) {
        const digests = await buildCertificationDigests(ctx, deps, date, c.deps.config.publicUrl);
        c.print([...digests.map((d) => `Til: ${d.recipient.name} <${d.recipient.email}>\nEmne: ${d.subject}\n\n${d.text}`), `${digests.length} e-poster for ${date}. Ingenting sendt${c.deps.config.smtp ? ' (--dry-run)' : ': SMTP_URL er ikke satt'}.`].join('\n\n' + '-'.repeat(72) + '\n'), { date, digests, sent: false });
        return;
      }
      try {
        const r = await sendCertificationReminders(ctx, deps, mailer, date, c.deps.config.publicUrl);
        c.print(`${date}: ${r.digests} e-poster, ${r.sent} sendt, ${r.skipped} var allerede sendt, ${r.failed.length} feilet`, r);
        if (r.failed.length) throw new AppError('internal', `${r.failed.length} e-poster kunne ikke sendes`, r.failed.map((f) => ({ field: f.email, message: f.error })));
      } finally {
        mailer.close();
      }
    },
  },
};
