import { nbNumber as nb, simpleReport } from '../platform/pdf/simple-report.js';
import type { DivestmentView, ScreeningView } from './investments.service.js';

const kr = (ore: number) => nb(ore / 100);
const pct = (share: number, d = 1) => `${nb(share * 100, d)} %`;
const STATUS_NB: Record<string, string> = { flagged: 'flagget', decided: 'vedtatt solgt', sold: 'solgt' };

/**
 * The finance committee's report for one holdings report, as PDF: the figures, breaches by
 * criterion, the holdings in breach with why, what waits for review, the divestment tracker,
 * and the method. The same content as the workbook, for the committee's papers.
 */
export function screeningPdf(s: ScreeningView, divestments: readonly DivestmentView[], municipality: string, generatedOn: string): Promise<Buffer> {
  const { title, h, p, table, end } = simpleReport(`Investeringer: ${s.report.portfolioName} per ${s.report.asOf} – ${municipality}`, municipality);
  const label = new Map(s.criteria.map((c) => [c.id, c.label.nb]));
  title(`Ansvarlige investeringer: ${s.report.portfolioName}`, `${municipality} · beholdninger per ${s.report.asOf} · laget ${generatedOn}`);
  p(`Markedsverdi ${kr(s.summary.totalOre)} kr i ${s.holdings} beholdninger. I brudd med retningslinjene: ${s.summary.breachedHoldings} beholdninger, ${kr(s.summary.breachedOre)} kr (${pct(s.summary.breachedShare, 2)}). Fossil eksponering: ${pct(s.summary.fossilShare, 2)}. Til vurdering: ${s.review.length}.`);
  p(`Retningslinjer: ${s.policy.title} (versjon ${s.policy.version}${s.policy.isDefault ? ', standard' : ''}). Lister: ${s.lists.map((l) => `${l.name} v${l.version} (${l.entries} selskaper)`).join(', ') || 'ingen'}.`);
  h('Brudd per kriterium');
  table([['Kriterium', 'Beholdninger', 'Kroner', 'Andel'], ...s.summary.byCriterion.map((c) => [label.get(c.criterionId) ?? c.criterionId, String(c.holdings), kr(c.marketValueOre), pct(c.share, 2)])], [0.14, 0.2, 0.12]);
  h('Beholdninger i brudd');
  if (!s.breaches.length) p('Ingen beholdninger er i brudd.');
  else table([['Selskap (kriterier)', 'Kroner', 'Andel'], ...s.breaches.slice(0, 60).map((b) => [`${b.name} (${b.breaches.map((x) => `${label.get(x.criterionId) ?? x.criterionId}${x.status === 'watch' ? ', observasjon' : ''}`).join('; ')})`, kr(b.marketValueOre), pct(b.share, 2)])], [0.18, 0.12]);
  if (s.review.length) {
    h('Til vurdering');
    p('Mulige treff som en saksbehandler må bekrefte eller avvise før de teller:');
    table([['Beholdning → kandidat på listen', 'Likhet'], ...s.review.flatMap((r) => r.matches.map((m) => [`${r.name} → ${m.listName}`, nb(m.score, 2)]))], [0.15]);
  }
  h('Nedsalg');
  if (!divestments.length) p('Ingen brudd å følge opp.');
  else table([['Selskap (portefølje)', 'Status', 'Kroner'], ...divestments.map((d) => [`${d.companyName} (${d.portfolioName})`, STATUS_NB[d.status] ?? d.status, kr(d.marketValueOre)])], [0.18, 0.18]);
  h('Metode');
  p('Beholdningene er sammenholdt med listene først på ISIN, så LEI, så navn: normalisert (store og små bokstaver, aksenter, tegnsetting, selskapsformer og aksjeklasser fjernet), tidligere navn, og til slutt likhet mellom navnene. Treff over terskelen teller automatisk; treff like under går til vurdering, og avgjørelsen huskes til neste rapport. Korte navn (fem bokstaver eller færre) må være like. Terskler for omsetningsandeler gjelder selskaper med selskapsdata.');
  return end();
}
