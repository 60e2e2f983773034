import type { IndicatorPublisher } from '../program/program.publishers.js';
import { economyReference } from './economy.reference.js';
import { GREEN_JOBS_METRIC, OIL_GAS_JOBS_METRIC, yearlyTotals } from './economy.service.js';

// The oil-and-gas context of program part B, computed from the imported employment snapshots on
// every read: each year's latest snapshot, classified with the rule version in force on its date.

const PRODUCER = 'Næringsstruktur (Omstilling), fra Enhetsregisteret';
const LIMITS =
  'Klassifisert etter næringskode (SN2007) og miljøsertifisering, ikke etter hva virksomhetene faktisk leverer. Noen regler er delvise (for eksempel teknisk konsulentvirksomhet: 25 % olje- og gassrelatert) med andeler som er kommunens antakelser. Antall ansatte er Enhetsregisterets tall per underenhet, ikke SSBs registerbaserte sysselsetting.';

const publisher = (metric: string, cls: 'oil_gas' | 'green', method: string): IndicatorPublisher => ({
  domain: 'economy',
  metric,
  producer: PRODUCER,
  method,
  limits: LIMITS,
  async compute(ctx, asOf) {
    const years = await yearlyTotals(ctx, { reference: economyReference() });
    return years
      .filter((y) => y.date <= asOf)
      .map((y) => ({ period: String(y.year), date: `${y.year}-12-31`, value: y[cls], note: `${y[cls]} av ${y.total} arbeidsplasser (${String(y.shares[cls] ?? 0).replace('.', ',')} %) i øyeblikksbildet ${y.date}; regler fra ${y.ruleVersion ?? '–'}${y.fictional ? '; demodata' : ''}` }));
  },
});

export const ECONOMY_PUBLISHERS: IndicatorPublisher[] = [
  publisher(OIL_GAS_JOBS_METRIC, 'oil_gas', 'Arbeidsplasser i olje- og gassrelaterte næringer: ansatte i virksomhetene (underenhetene) i kommunen i årets siste øyeblikksbilde fra Enhetsregisteret, fordelt etter kommunens regelsett (SSBs avgrensning av petroleumsvirksomheten og delvise regler for leverandørindustrien).'),
  publisher(GREEN_JOBS_METRIC, 'green', 'Arbeidsplasser i grønne næringer: ansatte i virksomhetene i kommunen i årets siste øyeblikksbilde, i næringer regelsettet regner som grønne (miljøvare- og tjenestesektoren, sirkulære sektorer) og i miljøsertifiserte virksomheter.'),
];
