import { cumulativeParticipants, quartersBetween } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import { campaignActivity } from './campaign.service.js';

// The campaign's figure for the program (C1), computed from the campaign's and the calculator's
// records on every read. Only whole quarters ended by asOf are published.

export const CAMPAIGN_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'campaign',
    metric: 'campaign_participants',
    producer: 'Holdningskampanjen (Omstilling)',
    method:
      'Akkumulert antall deltakelser ved utgangen av hvert kvartal: plasser i aktive påmeldinger til kampanjens møter, verksteder og reparasjonsdager som har funnet sted (avlyste arrangementer og avbestillinger telles ikke) + ulike innleggsskrivere i kampanjens samtaletråder, talt én gang per kalenderår (skjulte innlegg telles ikke) + resultater fra klimakalkulatoren som er delt anonymt.',
    limits:
      'Teller deltakelser, ikke unike personer: påmelding og innlegg er anonyme, så den samme personen kan telles på flere arrangementer, i flere år og både som deltaker og innleggsskriver. Påmeldte som ikke møter, telles; resultater som ikke deles, telles ikke.',
    async compute(ctx, asOf) {
      const a = await campaignActivity(ctx);
      const dates = [...a.registrations.map((r) => r.eventStart), ...a.posts.map((p) => p.at), ...a.calculatorResults.map((r) => r.at)].map((d) => d.slice(0, 10)).sort();
      const first = dates[0];
      if (!first || first > asOf) return [];
      return quartersBetween(first, asOf)
        .filter((q) => q.end <= asOf)
        .slice(-40)
        .map((q) => {
          const c = cumulativeParticipants(a, q.end);
          return { period: q.period, date: q.end, value: c.total, note: `arrangementsplasser ${c.eventSeats}; innleggsskrivere ${c.posters}; delte kalkulatorresultater ${c.calculatorResults}` };
        });
    },
  },
];
