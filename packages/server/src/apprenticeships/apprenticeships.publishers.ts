import type { IndicatorPublisher } from '../program/program.publishers.js';
import { apprenticesByYear, countBy, firstTimeBusinesses } from '@omstilling/core';
import { apprenticeshipsRepository } from './apprenticeships.repository.js';
import { factsOf, MUNICIPAL_APPRENTICES_METRIC } from './apprenticeships.service.js';

// The apprenticeship figures for the program (A5, B4), computed from the register of places on
// every read. Counted on 31 December of each year that has ended by asOf.

const PRODUCER = 'Lærlingregisteret (Omstilling)';

async function places(ctx: Parameters<IndicatorPublisher['compute']>[0]) {
  return (await apprenticeshipsRepository(ctx.scope).all()).map(factsOf);
}

/**
 * The years after the first place's start through the last year ended by asOf. The register's
 * first year is left out: places that began before it are missing, so its count is too low.
 */
function years(first: string | undefined, asOf: string): number[] {
  if (!first) return [];
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  const out: number[] = [];
  for (let y = Number(first.slice(0, 4)) + 1; y <= last; y++) out.push(y);
  return out;
}

export const APPRENTICESHIPS_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'apprenticeships',
    metric: MUNICIPAL_APPRENTICES_METRIC,
    producer: PRODUCER,
    method: 'Antall besatte læreplasser i kommunale enheter per 31. desember: plasser med lærling der datoen ligger i læretiden (fra start til slutt, eller til avbruddet). Ledige plasser teller ikke.',
    limits: 'Så fullstendig som registeret: plasser som ikke er registrert, teller ikke. Én kontrakt kan bare registreres én gang. Registerets første år er ikke med, fordi plasser som startet før det mangler.',
    async compute(ctx, asOf) {
      const ps = (await places(ctx)).filter((p) => p.unitId);
      return apprenticesByYear(ps, years(ps.map((p) => p.startDate).sort()[0], asOf)).map(({ year, count }) => ({ period: String(year), date: `${year}-12-31`, value: count }));
    },
  },
  {
    domain: 'apprenticeships',
    metric: 'businesses_with_apprentices_registered',
    producer: PRODUCER,
    method: 'Antall bedrifter i registeret med minst én lærling per 31. desember.',
    limits: 'Bare bedrifter som har registrert plassene sine her (eller som kommunen har registrert); fylkeskommunens oversikt over alle lærebedrifter er mer fullstendig.',
    async compute(ctx, asOf) {
      const ps = (await places(ctx)).filter((p) => p.organisationId);
      return years(ps.map((p) => p.startDate).sort()[0], asOf).map((year) => ({ period: String(year), date: `${year}-12-31`, value: countBy(ps, `${year}-12-31`, (p) => p.organisationId).size }));
    },
  },
  {
    domain: 'apprenticeships',
    metric: 'first_time_training_companies',
    producer: PRODUCER,
    method: 'Antall bedrifter som fikk sin første lærling i registeret i løpet av året (etter startdatoen til bedriftens første besatte plass).',
    limits: 'En bedrift som hadde lærlinger før den kom inn i registeret, kan telles som ny det første året.',
    async compute(ctx, asOf) {
      const ps = (await places(ctx)).filter((p) => p.organisationId);
      const firsts = firstTimeBusinesses(ps);
      return years(ps.map((p) => p.startDate).sort()[0], asOf).map((year) => ({ period: String(year), date: `${year}-12-31`, value: firsts.get(year)?.length ?? 0 }));
    },
  },
];
