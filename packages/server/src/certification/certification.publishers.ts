import { quarterEnds, reportDueDate } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import type { Ctx } from '../platform/context.js';
import { certificationRepository } from './certification.repository.js';
import { certificationReference } from './certification.reference.js';
import { loadWorld, statusesOn, type World } from './certification.service.js';
import { businessCoverage } from './businesses.service.js';
import { trainingOverview } from './training.service.js';
import { reportsOnTime } from './overview.service.js';

// The certification domain's figures for the program (A1, B1). Computed from the records on
// every read, never typed in twice. The reference data comes from the repository's data folder.

type Obs = { period: string; date: string; value: number; note?: string };
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const fmtPct = (x: number) => String(x).replace('.', ',');
const PRODUCER = 'Miljøsertifiseringsregisteret';

/** Quarter ends from the first certificate's quarter up to asOf (at most 40). */
function quarters(world: World, asOf: string): { period: string; date: string }[] {
  const first = world.certificates.map((c) => c.issued_on ?? c.started_on).filter((x): x is string => !!x && x <= asOf).sort()[0];
  return first ? quarterEnds(first, asOf).slice(-40) : [];
}

/** Year ends from `firstYear` through the last year that ended on or before asOf. */
function yearEnds(firstYear: number, asOf: string): { period: string; date: string }[] {
  const out: { period: string; date: string }[] = [];
  for (let y = firstYear; `${y}-12-31` <= asOf && out.length < 40; y++) out.push({ period: String(y), date: `${y}-12-31` });
  return out;
}

const unitsCertified = (metric: string, pick: (c: ReturnType<typeof statusesOn>['coverage']) => number | null, method: string): IndicatorPublisher => ({
  domain: 'certification',
  metric,
  producer: PRODUCER,
  method,
  limits: 'Teller bare sertifikater som er registrert og kontrollert i registeret. En enhet i fristen for resertifisering (Miljøfyrtårn: fire måneder) regnes som sertifisert.',
  async compute(ctx: Ctx, asOf: string) {
    const world = await loadWorld(ctx, certificationReference());
    const out: Obs[] = [];
    for (const q of quarters(world, asOf)) {
      const c = statusesOn(world, q.date).coverage;
      const v = pick(c);
      if (v === null) continue;
      out.push({ period: q.period, date: q.date, value: v, note: `${c.certified} av ${c.units} enheter; ${fmtPct(pct(c.staffShare) ?? 0)} % av de ansatte` });
    }
    return out;
  },
});

export const CERTIFICATION_PUBLISHERS: IndicatorPublisher[] = [
  unitsCertified('municipal_units_certified_share', (c) => pct(c.certifiedShare), 'Andel kommunale enheter (nivå «enhet») med gyldig sertifikat i en ordning som teller (Miljøfyrtårn, ISO 14001, EMAS) ved hvert kvartals slutt, i prosent. Hovedkontorsertifikater dekker enhetene i omfanget og underenhetene deres.'),
  unitsCertified('municipal_units_certified_count', (c) => c.certified, 'Antall kommunale enheter med gyldig sertifikat ved hvert kvartals slutt.'),
  unitsCertified('municipal_staff_covered_share', (c) => pct(c.staffShare), 'Andel av kommunens ansatte som arbeider i en sertifisert enhet ved hvert kvartals slutt, i prosent.'),
  {
    domain: 'certification',
    metric: 'staff_trained_share',
    producer: PRODUCER,
    method: 'Ansatte som har fullført kurs i miljørettet atferd, delt på alle ansatte, ved hvert års slutt, i prosent. Navngitte deltakere telles én gang; oppgitte antall legges sammen og begrenses til enhetens ansatte.',
    limits: 'Enheter som bare oppgir antall, kan telle samme person to ganger hvis hun tar kurset på nytt.',
    async compute(ctx, asOf) {
      const rows = await certificationRepository(ctx.scope).participations();
      const first = rows[0]?.date;
      if (!first) return [];
      const out: Obs[] = [];
      for (const y of yearEnds(Number(first.slice(0, 4)), asOf)) {
        const t = (await trainingOverview(ctx, y.date, { skipPolicy: true })).total;
        if (t.share !== null) out.push({ ...y, value: pct(t.share)!, note: `${t.trained} av ${t.staff} ansatte` });
      }
      return out;
    },
  },
  {
    domain: 'certification',
    metric: 'local_businesses_certified',
    producer: PRODUCER,
    method: 'Antall lokale virksomheter (næringsdrivende, butikker, hoteller, gårder, sosiale entreprenører) med gyldig, kontrollert sertifikat i en ordning som teller, per 31. desember.',
    limits: 'Bare virksomheter som er registrert i plattformen og har fått sertifikatet kontrollert av kommunen.',
    async compute(ctx, asOf) {
      const certs = await certificationRepository(ctx.scope).organisationCertificates();
      const first = certs.map((c) => c.issued_on).filter((x): x is string => !!x).sort()[0];
      if (!first) return [];
      const out: Obs[] = [];
      for (const y of yearEnds(Number(first.slice(0, 4)), asOf)) {
        const b = await businessCoverage(ctx, { reference: certificationReference() }, y.date);
        out.push({ ...y, value: b.certified, note: `${b.certified} av ${b.businesses}; ${fmtPct(pct(b.employeeShare) ?? 0)} % av de ansatte` });
      }
      return out;
    },
  },
  {
    domain: 'certification',
    metric: 'local_businesses_certified_employee_share',
    producer: PRODUCER,
    method: 'Andel av de ansatte i lokale virksomheter som arbeider i en sertifisert virksomhet, per 31. desember, i prosent.',
    limits: 'Antall ansatte er det som står i registeret (Enhetsregisteret eller oppgitt).',
    async compute(ctx, asOf) {
      const certs = await certificationRepository(ctx.scope).organisationCertificates();
      const first = certs.map((c) => c.issued_on).filter((x): x is string => !!x).sort()[0];
      if (!first) return [];
      const out: Obs[] = [];
      for (const y of yearEnds(Number(first.slice(0, 4)), asOf)) {
        const b = await businessCoverage(ctx, { reference: certificationReference() }, y.date);
        if (b.employeeShare !== null) out.push({ ...y, value: pct(b.employeeShare)! });
      }
      return out;
    },
  },
  {
    domain: 'certification',
    metric: 'annual_reports_on_time_share',
    producer: PRODUCER,
    method: 'Andel av årsrapportene enhetene skyldte for et år (enheter dekket av et sertifikat med årsrapport per 31. desember) som ble levert innen fristen (Miljøfyrtårn: 1. april året etter), i prosent. Tallet for et år publiseres når fristen er passert.',
    limits: 'Rapporter importert uten leveringsdato regnes som levert den dagen de ble importert.',
    async compute(ctx, asOf) {
      const world = await loadWorld(ctx, certificationReference());
      const out: Obs[] = [];
      const first = world.certificates.map((c) => c.issued_on).filter((x): x is string => !!x).sort()[0];
      if (!first) return [];
      // A year's figure is final when the last scheme deadline for its reports has passed.
      const lastDue = (y: number) => world.schemes.filter((s) => s.annualReport).map((s) => reportDueDate(y, s.annualReport!)).sort().at(-1) ?? `${y + 1}-12-31`;
      for (let y = Number(first.slice(0, 4)); lastDue(y) < asOf; y++) {
        const r = await reportsOnTime(ctx, world, y);
        if (r.share !== null) out.push({ period: String(y), date: `${y}-12-31`, value: pct(r.share)!, note: `${r.onTime} av ${r.owed} levert i tide` });
      }
      return out;
    },
  },
];
