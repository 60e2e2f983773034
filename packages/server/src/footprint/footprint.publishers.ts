import { MIN_GROUP, PLEDGE_ACTIONS, quartersBetween } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import type { Ctx } from '../platform/context.js';
import { footprintRepository } from './footprint.repository.js';

// The footprint domain's figures for the program (C1), computed from the anonymously shared
// results and pledges on every read. Only whole quarters ended by asOf are published.

const PRODUCER = 'Klimakalkulatoren (Omstilling)';
const fmt = (n: number, d = 1) => n.toLocaleString('nb-NO', { maximumFractionDigits: d });

async function load(ctx: Ctx) {
  const repo = footprintRepository(ctx.scope);
  const [subs, pledges] = await Promise.all([repo.submissions(), repo.pledges()]);
  return { subs: subs.map((s) => ({ date: s.created_at.slice(0, 10), kg: Number(s.total_kg) })), pledges: pledges.map((p) => ({ date: p.created_at.slice(0, 10), action: p.action })) };
}

function quarters(first: string | undefined, asOf: string) {
  if (!first || first > asOf) return [];
  return quartersBetween(first, asOf).filter((q) => q.end <= asOf).slice(-40);
}

export const FOOTPRINT_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'footprint',
    metric: 'calculator_average_t',
    producer: PRODUCER,
    method: `Gjennomsnittlig forbruksbasert klimafotavtrykk (tonn CO2e per år) for innbyggere som har brukt klimakalkulatoren og valgt å dele resultatet anonymt, per kvartal. Modellen og faktorene: docs/footprint.md. Kvartaler med under ${MIN_GROUP} delte resultater publiseres ikke.`,
    limits: 'De som deler er ikke et representativt utvalg av innbyggerne; tallet viser retningen blant deltakerne, ikke kommunens fotavtrykk. Ubesvarte spørsmål teller som landsgjennomsnittet.',
    async compute(ctx, asOf) {
      const { subs } = await load(ctx);
      return quarters(subs[0]?.date, asOf).flatMap((q) => {
        const inQ = subs.filter((s) => s.date >= q.start && s.date <= q.end);
        if (inQ.length < MIN_GROUP) return [];
        return [{ period: q.period, date: q.end, value: Math.round((inQ.reduce((s, x) => s + x.kg, 0) / inQ.length / 1000) * 100) / 100, note: `${inQ.length} delte resultater` }];
      });
    },
  },
  {
    domain: 'footprint',
    metric: 'calculator_results_shared',
    producer: PRODUCER,
    method: 'Akkumulert antall resultater fra klimakalkulatoren som innbyggere har delt anonymt, ved utgangen av hvert kvartal.',
    limits: 'Teller delte resultater, ikke personer: den samme personen kan dele flere ganger. Resultater som ikke deles, telles ikke.',
    async compute(ctx, asOf) {
      const { subs } = await load(ctx);
      return quarters(subs[0]?.date, asOf).map((q) => ({ period: q.period, date: q.end, value: subs.filter((s) => s.date <= q.end).length, note: `${subs.filter((s) => s.date >= q.start && s.date <= q.end).length} i kvartalet` }));
    },
  },
  {
    domain: 'footprint',
    metric: 'pledges',
    producer: PRODUCER,
    method: 'Akkumulert antall anonyme løfter om klimatiltak (fly mindre, plantebaserte dager, kollektivt, reparere og kjøpe brukt, beholde elektronikk lenger, varmepumpe) ved utgangen av hvert kvartal; merknaden viser fordelingen per tiltak.',
    limits: 'Et løfte er en intensjon, ikke en målt endring; det samme tiltaket kan loves flere ganger av samme person.',
    async compute(ctx, asOf) {
      const { pledges } = await load(ctx);
      return quarters(pledges[0]?.date, asOf).map((q) => {
        const upTo = pledges.filter((p) => p.date <= q.end);
        const by = PLEDGE_ACTIONS.map((a) => `${a.label.nb.toLowerCase()}: ${fmt(upTo.filter((p) => p.action === a.id).length, 0)}`).join('; ');
        return { period: q.period, date: q.end, value: upTo.length, note: by };
      });
    },
  },
];
