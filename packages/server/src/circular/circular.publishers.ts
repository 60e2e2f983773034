import type { IndicatorPublisher } from '../program/program.publishers.js';
import { circularReference } from './circular.reference.js';
import { reuseFigures } from './circular.service.js';

// The circular domain's figures for the program (B2), computed from the marketplace's collected
// reservations on every read, never typed in twice. Only whole calendar years ended by asOf.

const PRODUCER = 'Ombruksmarkedet for kommunale enheter (Omstilling)';
const LIMITS = 'Bare ombruk formidlet gjennom ombruksmarkedet og bekreftet hentet teller. Vekt, nypris og utslipp per gjenstand er faktorer per kategori (data/reference/circular/factors.csv), ikke veiing eller kvitteringer for hver gjenstand.';

/** The reuse figures per whole year ended by asOf. */
async function years(ctx: Parameters<IndicatorPublisher['compute']>[0], asOf: string) {
  // Figures need no storage: only the factors and the collected reservations.
  const figures = await reuseFigures(ctx, { reference: circularReference(), storage: null as never });
  return figures.years.filter((y) => `${y.year}-12-31` <= asOf);
}

const fmt = (n: number, d = 0) => n.toLocaleString('nb-NO', { maximumFractionDigits: d });

export const CIRCULAR_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'circular',
    metric: 'furniture_reuse_co2e_saved_t',
    producer: PRODUCER,
    method: 'Antall ombrukte gjenstander per kategori (bekreftet hentet i året) ganger utslippet ved å lage en ny gjenstand av samme kategori, summert og regnet om til tonn CO₂e.',
    limits: LIMITS,
    async compute(ctx, asOf) {
      return (await years(ctx, asOf)).map((y) => ({ period: y.year, date: `${y.year}-12-31`, value: Math.round(y.co2eKg / 100) / 10, note: `${fmt(y.items)} gjenstander, ${fmt(y.kg)} kg, ${y.pickups} hentinger` }));
    },
  },
  {
    domain: 'circular',
    metric: 'furniture_reuse_savings_nok',
    producer: PRODUCER,
    method: 'Antall ombrukte gjenstander per kategori ganger nyprisen for kategorien, fratrukket registrerte kostnader til reparasjon og transport, i millioner kroner.',
    limits: LIMITS,
    async compute(ctx, asOf) {
      return (await years(ctx, asOf)).map((y) => ({ period: y.year, date: `${y.year}-12-31`, value: Math.round(y.nokSaved / 100_000) / 10, note: `${fmt(y.nokSaved)} kr for ${fmt(y.items)} gjenstander` }));
    },
  },
  {
    domain: 'circular',
    metric: 'furniture_reuse_items',
    producer: PRODUCER,
    method: 'Antall møbler og gjenstander som en enhet har hentet fra en annen gjennom ombruksmarkedet i året.',
    limits: 'Bare ombruk formidlet gjennom ombruksmarkedet og bekreftet hentet teller.',
    async compute(ctx, asOf) {
      return (await years(ctx, asOf)).map((y) => ({ period: y.year, date: `${y.year}-12-31`, value: y.items, note: `${y.pickups} hentinger` }));
    },
  },
  {
    domain: 'circular',
    metric: 'furniture_reuse_kg',
    producer: PRODUCER,
    method: 'Antall ombrukte gjenstander per kategori ganger vekten per gjenstand i kategorien, i kg.',
    limits: LIMITS,
    async compute(ctx, asOf) {
      return (await years(ctx, asOf)).map((y) => ({ period: y.year, date: `${y.year}-12-31`, value: Math.round(y.kg), note: `${fmt(y.items)} gjenstander` }));
    },
  },
];
