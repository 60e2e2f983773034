import { contractSpendInYear, contractsAtYearEnd, greenSupportedInYear, clusterMemberOn, clusterQuarters, engagementRunsIn, youthCompaniesByYear } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import { registerRepository } from './enterprise-register.repository.js';
import { registerFacts, yearsThrough } from './enterprise-register.service.js';

// The enterprise figures for the program (A4, A5, B6, B7), computed from the register of social
// enterprises and green start-ups, the youth companies and the cluster on every read. Yearly
// figures are dated 31 December of each year that has ended by asOf; cluster members per quarter.

const REGISTER = 'Registeret over sosiale entreprenører og grønne gründere (Omstilling)';
const YOUTH = 'Registeret over elev- og ungdomsbedrifter (Omstilling)';
const CLUSTER = 'Medlemsregisteret til den grønne næringsklyngen (Omstilling)';
const yearly = (year: number, value: number) => ({ period: String(year), date: `${year}-12-31`, value });
const firstStart = (dates: string[]) => [...dates].sort()[0];

export const ENTERPRISE_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'enterprise',
    metric: 'social_enterprise_contracts',
    producer: REGISTER,
    method: 'Antall kontrakter (reserverte kontrakter, innovasjonspartnerskap og førkommersielle anskaffelser) med virksomheter i registeret som løper 31. desember: startdato på eller før, og sluttdato på eller etter (eller uten slutt).',
    limits: 'Bare kontrakter som er registrert som samarbeid med en virksomhet i registeret. Vanlige kjøp fra sosiale entreprenører utenom disse samarbeidsformene teller ikke.',
    async compute(ctx, asOf) {
      const { facts } = await registerFacts(ctx);
      const contracts = facts.filter((f) => f.kind !== 'grant' && f.kind !== 'pilot');
      return yearsThrough(firstStart(contracts.map((f) => f.startDate)), asOf).map((y) => yearly(y, contractsAtYearEnd(facts, y)));
    },
  },
  {
    domain: 'enterprise',
    metric: 'social_enterprise_spend_nok',
    producer: REGISTER,
    // The indicator's unit is «mill. kr»: the figure is published in millions of kroner.
    method: 'Verdien av kontraktene (kr ekskl. mva.) fordelt jevnt over kontraktsperiodens dager, summert per kalenderår og oppgitt i millioner kroner. En kontrakt uten sluttdato teller hele verdien i startåret.',
    limits: 'Kontraktsverdi, ikke fakturert beløp: avvik mellom avtalt og faktisk kjøp fanges ikke opp. Se klimaregnskapet (hovedboken) for faktiske utbetalinger.',
    async compute(ctx, asOf) {
      const { facts } = await registerFacts(ctx);
      const contracts = facts.filter((f) => f.kind !== 'grant' && f.kind !== 'pilot');
      return yearsThrough(firstStart(contracts.map((f) => f.startDate)), asOf).map((y) => yearly(y, Math.round(contractSpendInYear(facts, y) / 100_000) / 10));
    },
  },
  {
    domain: 'enterprise',
    metric: 'green_startups_supported',
    producer: REGISTER,
    method: 'Antall grønne gründere (art «grønn» eller «begge») som i løpet av året fikk tilskudd (vedtaksåret), hadde en pilot eller en kontrakt med kommunen. Hver gründer telles én gang per år.',
    limits: 'Veiledning og plass i næringshage registreres ikke som egen samarbeidsform og teller bare når de er ført som pilot.',
    async compute(ctx, asOf) {
      const { facts, kindOf } = await registerFacts(ctx);
      return yearsThrough(firstStart(facts.map((f) => f.startDate)), asOf).map((y) => yearly(y, greenSupportedInYear(facts, kindOf, y)));
    },
  },
  {
    domain: 'enterprise',
    metric: 'youth_enterprises_supported',
    producer: YOUTH,
    method: 'Antall elev- og ungdomsbedrifter registrert for året; hver registrert bedrift har fått støtte fra kommunen (veiledning, lokaler, tilskudd e.l., ført i feltet «støtte»).',
    limits: 'Skoler som ikke melder inn bedriftene sine, mangler. Året er året bedriften drev (for skoleår: året den ble avsluttet).',
    async compute(ctx, asOf) {
      const cs = (await registerRepository(ctx.scope).allYouth()).map((c) => ({ year: Number(c.year) }));
      return youthCompaniesByYear(cs, yearsThrough(cs.map((c) => c.year).sort()[0], asOf)).map(({ year, count }) => yearly(year, count));
    },
  },
  {
    domain: 'enterprise',
    metric: 'green_cluster_members',
    producer: CLUSTER,
    method: 'Antall medlemmer av klyngen ved kvartalets slutt: innmeldt på eller før datoen og ikke meldt ut.',
    limits: 'Medlemskap føres av klyngeadministrasjonen; betalt kontingent kontrolleres ikke her.',
    async compute(ctx, asOf) {
      const ms = await registerRepository(ctx.scope).members();
      const first = firstStart(ms.map((m) => m.joined_on));
      if (!first) return [];
      return clusterQuarters(first, asOf).map((q) => ({ period: q.period, date: q.date, value: ms.filter((m) => clusterMemberOn({ joinedOn: m.joined_on, leftOn: m.left_on }, q.date)).length }));
    },
  },
  {
    domain: 'enterprise',
    metric: 'green_cluster_projects',
    producer: CLUSTER,
    method: 'Antall samarbeidsprosjekter mellom to eller flere medlemmer som pågikk en gang i løpet av året.',
    limits: 'Bare prosjekter som er meldt til klyngeadministrasjonen.',
    async compute(ctx, asOf) {
      const ps = await registerRepository(ctx.scope).projects();
      return yearsThrough(firstStart(ps.map((p) => p.start_date)), asOf).map((y) => yearly(y, ps.filter((p) => engagementRunsIn({ startDate: p.start_date, endDate: p.end_date }, y)).length));
    },
  },
];
