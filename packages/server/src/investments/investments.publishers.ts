import { quartersBetween } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';
import { excludedShareByDate } from './investments.service.js';

// The investments domain's figure for the program (A3), computed from the holdings reports
// screened against the policy in force, never typed in twice.

const PRODUCER = 'Investeringsscreening (Omstilling)';

export const INVESTMENTS_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'investments',
    metric: 'excluded_holdings_value_share',
    producer: PRODUCER,
    method: 'Markedsverdien av beholdninger som bryter retningslinjene (selskaper på vedtatte eksklusjonslister, eller over inntektsgrensene i selskapsdata), delt på samlet markedsverdi, i prosent. Per kvartalsslutt brukes hver porteføljes siste beholdningsrapport på eller før datoen. Selskaper til observasjon teller ikke.',
    limits: 'Bare porteføljer med importerte beholdningsrapporter er med. Navnetreff under terskelen teller først når en saksbehandler har bekreftet dem. Retningslinjene og listene som gjelder i dag brukes også for eldre rapporter.',
    async compute(ctx, asOf) {
      const quarters = quartersBetween('2020-01-01', asOf).filter((q) => q.end <= asOf).slice(-40);
      const dates = quarters.map((q) => q.end);
      const byDate = await excludedShareByDate(ctx, { dataDir: DEFAULT_DATA_DIR }, dates);
      const first = byDate[0]?.date;
      return quarters
        .filter((q) => first && q.end >= first)
        .flatMap((q) => {
          const d = byDate.find((x) => x.date === q.end);
          return d ? [{ period: q.period, date: q.end, value: Math.round(d.share * 1000) / 10, note: `${d.breachedHoldings} beholdninger i brudd i ${d.portfolios} porteføljer` }] : [];
        });
    },
  },
];
