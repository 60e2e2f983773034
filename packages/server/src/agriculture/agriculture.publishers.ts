import type { IndicatorPublisher } from '../program/program.publishers.js';
import { deliveriesByYear, organicShareByYear } from '@omstilling/core';
import { agricultureReference } from './agriculture.reference.js';
import { agricultureRepository } from './agriculture.repository.js';
import { areaFacts, deliveryFacts, monthsOf } from './agriculture.service.js';

// The agriculture figures for the program (B5), computed from the farm register on every read:
// only years that have ended by asOf, so a year is never published half-reported.

const PRODUCER = 'Gårdsregisteret (Omstilling)';
type C = Parameters<IndicatorPublisher['compute']>[0];

/** Ended years by asOf among those with records. */
const ended = (years: Iterable<number>, asOf: string) => {
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  return [...new Set(years)].filter((y) => y <= last).sort((a, b) => a - b);
};
const deps = () => ({ reference: agricultureReference() });

async function deliveries(ctx: C, asOf: string) {
  const rows = (await agricultureRepository(ctx.scope).deliveries()).map(deliveryFacts);
  const years = ended(rows.map((r) => r.year), asOf);
  return deliveriesByYear(rows, years, deps().reference.products);
}

export const AGRICULTURE_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'agriculture',
    metric: 'organic_farmland_share',
    producer: PRODUCER,
    method: 'Økologisk areal og karensareal (under omlegging) i prosent av jordbruksarealet i drift, summert over gårdene i registeret. Hvert areal telles etter driftsformen per 31. desember: karensareal blir økologisk når karenstiden er over (24 måneder for åker, eng og beite, 36 for frukt og bær).',
    limits: 'Så fullstendig som registeret: gårder som ikke er registrert eller ikke har ført arealer for året, er ikke med. Arealene er de gårdene oppgir (som i søknaden om produksjonstilskudd); kontrollert areal hos Debio kan avvike.',
    async compute(ctx, asOf) {
      const rows = (await agricultureRepository(ctx.scope).areas()).map(areaFacts);
      return organicShareByYear(rows, ended(rows.map((r) => r.year), asOf), monthsOf(deps()))
        .filter((s) => s.organicOrConversionShare !== null)
        .map((s) => ({ period: String(s.year), date: `${s.year}-12-31`, value: Math.round(s.organicOrConversionShare! * 100) / 100, note: `${Math.round(s.organicDaa)} daa økologisk og ${Math.round(s.conversionDaa)} daa karens av ${Math.round(s.totalDaa)} daa (${s.farms} gårder)` }));
    },
  },
  {
    domain: 'agriculture',
    metric: 'local_food_producers',
    producer: PRODUCER,
    method: 'Antall gårder som har rapportert minst én leveranse av grønnsaker, poteter, frukt eller bær til det lokale markedet i løpet av året (gårdsbutikk, REKO-ring og marked, lokale butikker, institusjoner, abonnementskasser, restauranter).',
    limits: 'Bare gårder som rapporterer leveransene sine her (eller som landbrukskontoret har registrert); salg som ikke rapporteres, teller ikke.',
    async compute(ctx, asOf) {
      return (await deliveries(ctx, asOf)).map((d) => ({ period: String(d.year), date: `${d.year}-12-31`, value: d.horticultureFarms }));
    },
  },
  {
    domain: 'agriculture',
    metric: 'local_deliveries_tonnes',
    producer: PRODUCER,
    method: 'Summen av rapporterte leveranser fra gårdene til det lokale markedet i året, i tonn, alle varegrupper og salgskanaler.',
    limits: 'Bare rapporterte leveranser; mengden er det gårdene oppgir.',
    async compute(ctx, asOf) {
      return (await deliveries(ctx, asOf)).map((d) => ({ period: String(d.year), date: `${d.year}-12-31`, value: Math.round(d.kg / 100) / 10 }));
    },
  },
];
