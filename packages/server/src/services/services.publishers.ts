import { planShareByYear, PLAN_RULE_NB } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import { loadFacts } from './services.service.js';
import { servicesReference } from './services.reference.js';

// The C2 figures for the program, computed from the adoptions and reports on every read, on
// 31 December of each year from the first adoption through the last year ended by asOf.

const PRODUCER = 'Tiltakskatalogen for tjenestene (Omstilling)';

const yearsFor = (first: string | undefined, asOf: string): number[] => {
  if (!first) return [];
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  const out: number[] = [];
  for (let y = Number(first.slice(0, 4)); y <= last; y++) out.push(y);
  return out;
};

function publisher(group: 'education' | 'care', metric: string, who: string): IndicatorPublisher {
  return {
    domain: 'services',
    metric,
    producer: PRODUCER,
    method: `Andel ${who} med bærekraft i planen per 31. desember. ${PLAN_RULE_NB} En enhet telles i et tjenesteområde etter enhetstypen (eller kommunens eget valg for enheten); tiltak hos en underenhet (SFO, kjøkken) teller for enheten over.`,
    limits: 'Måler det enhetene registrerer: et tiltak som er i bruk, men ikke registrert eller rapportert, teller ikke. Regelen sier ikke noe om hvor godt tiltaket virker.',
    async compute(ctx, asOf) {
      const f = await loadFacts(ctx, { reference: servicesReference() });
      const first = f.facts.flatMap((a) => a.events.map((e) => e.date)).sort()[0];
      return planShareByYear(f.units, f.mapping, f.facts, f.reports, group, yearsFor(first, asOf))
        .filter((p) => p.share !== null)
        .map((p) => ({ period: String(p.year), date: `${p.year}-12-31`, value: p.share!, note: `${p.withPlan} av ${p.units} enheter` }));
    },
  };
}

export const SERVICES_PUBLISHERS: IndicatorPublisher[] = [
  publisher('education', 'education_units_with_sustainability_plan_share', 'kommunale barnehager og skoler'),
  publisher('care', 'care_units_with_sustainability_plan_share', 'enheter i helse, omsorg og familietjenester'),
];
