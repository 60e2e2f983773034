import { ENV_RULE_THRESHOLD_NOK, MIN_ENV_WEIGHT, followUpStatus, quarterEnds } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import type { Ctx } from '../platform/context.js';
import { procurementRepository, type FollowUpRow, type TenderRow } from './procurement.repository.js';

// The procurement domain's figures for program point A2, computed from tenders, contracts and their
// follow-up on every read. One observation per quarter end, at most 40.

type Obs = { period: string; date: string; value: number; note?: string };
const PRODUCER = 'Anskaffelsesmodulen (Omstilling)';
const round1 = (x: number) => Math.round(x * 10) / 10;
const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

async function load(ctx: Ctx) {
  const repo = procurementRepository(ctx.scope);
  const [tenders, contracts, items] = await Promise.all([repo.tenders(), repo.contracts(), repo.followUps()]);
  return { tenders, contracts, items };
}

function quarters(first: string | undefined, asOf: string) {
  return first && first <= asOf ? quarterEnds(first, asOf).slice(-40) : [];
}

/** Published tenders of NOK 100 000 or more, published in the 12 months up to `date`. */
function tendersInYearTo(tenders: TenderRow[], date: string) {
  return tenders.filter((t) => t.published_at && t.published_at.slice(0, 10) > yearBefore(date) && t.published_at.slice(0, 10) <= date && Number(t.estimated_value_ore) >= ENV_RULE_THRESHOLD_NOK * 100);
}

const tenderShare = (metric: string, method: string, value: (ts: TenderRow[]) => number | null, note: (ts: TenderRow[]) => string): IndicatorPublisher => ({
  domain: 'procurement',
  metric,
  producer: PRODUCER,
  method,
  limits: 'Bare konkurranser som er registrert og kunngjort i Omstilling teller; direkte kjøp under 100 000 kr er ikke med. Rullerende 12 måneder fram til kvartalsslutt.',
  async compute(ctx, asOf) {
    const { tenders } = await load(ctx);
    const out: Obs[] = [];
    for (const q of quarters(tenders.map((t) => t.published_at?.slice(0, 10)).filter((x): x is string => !!x).sort()[0], asOf)) {
      const ts = tendersInYearTo(tenders, q.date);
      const v = value(ts);
      if (v !== null) out.push({ period: q.period, date: q.date, value: round1(v), note: note(ts) });
    }
    return out;
  },
});

/** Whether an item was overdue on `date`: due before it, with no outcome recorded by then. */
function overdueOn(f: FollowUpRow, date: string) {
  const known = f.checked_on && f.checked_on <= date;
  return followUpStatus({ dueDate: f.due_date, outcome: known ? (f.outcome as 'met' | 'deviation') : null, checkedOn: known ? f.checked_on : null, sanction: null, deviationClosedOn: null }, date) === 'overdue';
}

export const PROCUREMENT_PUBLISHERS: IndicatorPublisher[] = [
  tenderShare(
    'tenders_env_weight_30_share',
    'Andel av kunngjorte konkurranser på 100 000 kr eller mer (ekskl. mva.) der klima og miljø vektes minst 30 %, siste 12 måneder. Konkurranser som rangerer kriteriene, teller når miljø er blant de tre viktigste.',
    (ts) => (ts.length ? (100 * ts.filter((t) => (t.env_weight ?? 0) >= MIN_ENV_WEIGHT || (t.weighting === 'ranking' && Number(t.exception_used) === 0)).length) / ts.length : null),
    (ts) => `${ts.length} konkurranser over 100 000 kr`,
  ),
  tenderShare(
    'tenders_env_exception_share',
    'Andel av kunngjorte konkurranser på 100 000 kr eller mer som bruker et begrunnet unntak fra kravet om 30 % (kravspesifikasjon eller ubetydelig avtrykk), siste 12 måneder.',
    (ts) => (ts.length ? (100 * ts.filter((t) => Number(t.exception_used) === 1).length) / ts.length : null),
    (ts) => `${ts.filter((t) => Number(t.exception_used) === 1).length} av ${ts.length} med unntak`,
  ),
  tenderShare(
    'tenders_env_weight_average',
    'Gjennomsnittlig vekt på klima og miljø i kunngjorte konkurranser på 100 000 kr eller mer med vektede kriterier, siste 12 måneder.',
    (ts) => {
      const w = ts.filter((t) => t.env_weight !== null);
      return w.length ? w.reduce((s, t) => s + Number(t.env_weight), 0) / w.length : null;
    },
    (ts) => `${ts.filter((t) => t.env_weight !== null).length} vektede konkurranser`,
  ),
  {
    domain: 'procurement',
    metric: 'contracts_follow_up_on_schedule_share',
    producer: PRODUCER,
    method: 'Andel av løpende kontrakter (fra tildeling) uten forfalte oppfølgingspunkter ved kvartalsslutt. Et punkt er forfalt når fristen for dokumentasjon er passert uten at kontrollen er registrert.',
    limits: 'Bare kontrakter tildelt i Omstilling. Et avvik som er funnet, teller som fulgt opp (det telles i egne tall).',
    async compute(ctx, asOf) {
      const { contracts, items } = await load(ctx);
      const out: Obs[] = [];
      for (const q of quarters(contracts.map((c) => c.start_date).sort()[0], asOf)) {
        const active = contracts.filter((c) => c.start_date <= q.date && c.end_date >= q.date);
        if (!active.length) continue;
        const ok = active.filter((c) => !items.some((f) => f.contract_id === c.id && overdueOn(f, q.date)));
        out.push({ period: q.period, date: q.date, value: round1((100 * ok.length) / active.length), note: `${ok.length} av ${active.length} kontrakter i rute` });
      }
      return out;
    },
  },
  ...(['found', 'closed'] as const).map(
    (kind): IndicatorPublisher => ({
      domain: 'procurement',
      metric: `follow_up_deviations_${kind}`,
      producer: PRODUCER,
      method: kind === 'found' ? 'Antall avvik fra miljøkrav og kontraktsvilkår funnet ved kontroll (dokumentgjennomgang, revisjon, måling), per kvartal.' : 'Antall avvik fra miljøkrav og kontraktsvilkår som er lukket (rettet opp), per kvartal.',
      limits: 'Bare kontroller registrert i Omstilling.',
      async compute(ctx, asOf) {
        const { contracts, items } = await load(ctx);
        const dates = items.filter((f) => f.outcome === 'deviation').map((f) => (kind === 'found' ? f.checked_on : f.deviation_closed_on)).filter((x): x is string => !!x);
        const out: Obs[] = [];
        for (const q of quarters(contracts.map((c) => c.start_date).sort()[0], asOf)) {
          const start = `${q.date.slice(0, 5)}${String(Number(q.date.slice(5, 7)) - 2).padStart(2, '0')}-01`;
          out.push({ period: q.period, date: q.date, value: dates.filter((d) => d >= start && d <= q.date).length });
        }
        return out;
      },
    }),
  ),
];
