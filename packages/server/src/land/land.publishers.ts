import { greenShareByYear, GREEN_PROFILE_THRESHOLD, jobsPer1000m2ByYear } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import { allocationsOf, GREEN_SHARE_METRIC, JOBS_PER_1000_M2_METRIC } from './land.service.js';

// The business-land figures for the program (B3), computed from the decision log on every read.
// A year counts once it has ended by asOf.

const PRODUCER = 'Næringsgrunn: tildelingslogg (Omstilling)';

async function allocationsUpTo(ctx: Parameters<IndicatorPublisher['compute']>[0], asOf: string) {
  const al = (await allocationsOf(ctx)).filter((a) => a.date <= asOf);
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  const first = al.length ? Number(al[0]!.date.slice(0, 4)) : last + 1;
  return { al, years: Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i) };
}

export const LAND_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'land',
    metric: JOBS_PER_1000_M2_METRIC,
    producer: PRODUCER,
    method: 'Arbeidsplasser per 1 000 m² på kommunal næringsgrunn som er tildelt, solgt eller festet bort per 31. desember: summen av forventede arbeidsplasser i de tildelte søknadene delt på summen av tomtearealene, ganger 1 000.',
    limits: 'Bygger på arbeidsplassene virksomhetene oppga i søknaden, ikke på målt sysselsetting; bare tomter tildelt gjennom en utlysning i systemet er med.',
    async compute(ctx, asOf) {
      const { al, years } = await allocationsUpTo(ctx, asOf);
      return jobsPer1000m2ByYear(al, years).map((x) => ({ period: String(x.year), date: `${x.year}-12-31`, value: Math.round(x.value * 10) / 10, note: `${x.plots} tomter` }));
    },
  },
  {
    domain: 'land',
    metric: GREEN_SHARE_METRIC,
    producer: PRODUCER,
    method: `Andel (%) av arealet som ble tildelt, solgt eller festet bort i året, som gikk til grønne virksomheter: miljøsertifisert, eller grønn/sirkulær profil på minst ${GREEN_PROFILE_THRESHOLD} av 100 i søknaden.`,
    limits: 'År uten tildelinger har ingen verdi. Profilen er søkerens egenvurdering slik kommunen har godtatt den i saken.',
    async compute(ctx, asOf) {
      const { al, years } = await allocationsUpTo(ctx, asOf);
      return greenShareByYear(al, years).map((x) => ({ period: String(x.year), date: `${x.year}-12-31`, value: Math.round(x.value), note: `${x.plots} tomter` }));
    },
  },
];
