import type { IndicatorPublisher } from '../program/program.publishers.js';
import type { Ctx } from '../platform/context.js';
import { climateReference } from './climate.reference.js';
import { climateRepository } from './climate.repository.js';
import { yearFigures } from './climate.service.js';

// The climate account's figures for the program (A2, C1), computed from the imported ledger on
// every read. Only whole years that have ended by asOf and have ledger lines are published.

const PRODUCER = 'Klimaregnskap for innkjøp (Omstilling), fra kommunens regnskap';
const METHOD_BASE = 'Utgiftsbasert (miljøutvidet kryssløp): hver regnskapslinje for kjøp (KOSTRA-art 100–399 unntatt internkjøp og grunnerverv) ganges med en utslippsfaktor i kg CO2e per krone for artens kategori (EXIOBASE 3.4 for Norge, EUR 2011 basispriser omregnet til kroner i året med Norges Banks kurs og SSBs KPI); leverandørspesifikke faktorer erstatter gjennomsnittet der de finnes.';
const LIMITS_BASE = 'Gjennomsnittsfaktorer per krone gir usikkerhet på minst ±30–50 % per kategori; bygg og anlegg mangler egen kategori i faktorsettet; flaggede faktorer brukes ikke før de er bekreftet. Lønn, overføringer og finansposter er utelatt.';

async function years(ctx: Ctx, asOf: string): Promise<number[]> {
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  return (await climateRepository(ctx.scope).years()).filter((y) => y <= last);
}

const obs = (year: number, value: number, note?: string) => ({ period: String(year), date: `${year}-12-31`, value, ...(note ? { note } : {}) });

export const CLIMATE_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'climate',
    metric: 'spend_based_co2e_t',
    producer: PRODUCER,
    method: `${METHOD_BASE} Sum per kalenderår i tonn CO2e.`,
    limits: LIMITS_BASE,
    async compute(ctx, asOf) {
      const ref = climateReference();
      const out = [];
      for (const y of await years(ctx, asOf)) {
        const f = await yearFigures(ctx, { reference: ref }, y);
        out.push(obs(y, f.kg / 1000, `${Math.round(f.ore / 1e8) / 1e3} mrd. kr i kjøp`));
      }
      return out;
    },
  },
  {
    domain: 'climate',
    metric: 'spend_based_co2e_kg_per_resident',
    producer: PRODUCER,
    method: `${METHOD_BASE} Årets sum i kg CO2e delt på folkemengden 1. januar samme år (kontekstindikatoren folkemengde).`,
    limits: `${LIMITS_BASE} År uten folkemengde publiseres ikke.`,
    async compute(ctx, asOf) {
      const ref = climateReference();
      const pop = await climateRepository(ctx.scope).population();
      const out = [];
      for (const y of await years(ctx, asOf)) {
        const p = pop.get(y);
        if (!p) continue;
        out.push(obs(y, (await yearFigures(ctx, { reference: ref }, y)).kg / p));
      }
      return out;
    },
  },
  {
    domain: 'climate',
    metric: 'supplier_specific_spend_share',
    producer: PRODUCER,
    method: 'Andel av årets kjøp (kroner) der utslippet er beregnet med leverandørens egen faktor (fra leverandørens klimaregnskap) i stedet for gjennomsnittsfaktoren, i prosent.',
    limits: 'Leverandørfaktorer registreres for hånd med kilde og år; et tall fra et tidligere år brukes til et nyere foreligger.',
    async compute(ctx, asOf) {
      const ref = climateReference();
      const out = [];
      for (const y of await years(ctx, asOf)) {
        const f = await yearFigures(ctx, { reference: ref }, y);
        if (f.ore > 0) out.push(obs(y, (100 * f.byKind.supplier.ore) / f.ore));
      }
      return out;
    },
  },
  {
    domain: 'climate',
    metric: 'certified_supplier_spend_share',
    producer: PRODUCER,
    method: 'Andel av årets kjøp (kroner) hos leverandører med et verifisert miljøsertifikat (sertifiseringsregisteret) som gjaldt en del av året, i prosent. Leverandøren kjennes på organisasjonsnummeret i regnskapet.',
    limits: 'Linjer uten organisasjonsnummer regnes som ikke sertifisert; sertifikater for en annen enhet i samme konsern teller ikke.',
    async compute(ctx, asOf) {
      const ref = climateReference();
      const repo = climateRepository(ctx.scope);
      const out = [];
      for (const y of await years(ctx, asOf)) {
        const f = await yearFigures(ctx, { reference: ref }, y);
        const certified = await repo.certifiedOrgnrs(y);
        let ore = 0;
        for (const [orgnr, o] of f.bySupplier) if (certified.has(orgnr)) ore += o;
        if (f.ore > 0) out.push(obs(y, (100 * ore) / f.ore));
      }
      return out;
    },
  },
];
