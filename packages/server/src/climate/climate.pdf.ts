import { EXCLUSION_TEXT, type ClimateReport } from '@omstilling/core';
import { nbNumber, simpleReport } from '../platform/pdf/simple-report.js';

/** What the summary needs: the year by unit and by art, the year before, hotspots, provenance. */
export interface SummaryInput {
  municipality: string;
  byUnit: ClimateReport;
  byArt: ClimateReport;
  previous: { year: number; totalKg: number } | null;
  hotspots: { art: string; category: string | null; supplierName: string | null; orgnr: string | null; ore: number; kg: number }[];
  set: { name: string; year: number; currency: string; priceBasis: string; licence: string };
  flagged: string[];
  generatedOn: string;
}

/** A short PDF for the council report: totals, year against year, data kinds, units, arts, hotspots, sources, uncertainty. */
export function renderSummary(s: SummaryInput): Promise<Buffer> {
  const r = s.byUnit;
  const nb = nbNumber;
  const { title, h, p, table, end } = simpleReport(`Klimaregnskap for innkjøp ${r.year} – ${s.municipality}`, s.municipality);
  const t = (kg: number) => nb(kg / 1000, kg < 10_000 ? 1 : 0);
  title(`Klimaregnskap for innkjøp ${r.year}`, `${s.municipality} · laget ${s.generatedOn} · utgiftsbasert (miljøutvidet kryssløp)`);
  p(`Kommunens kjøp i ${r.year}: ${nb(r.totalOre / 100)} kr, beregnet til ${t(r.totalKg)} tonn CO2e.` + (s.previous && s.previous.totalKg > 0 ? ` Året før (${s.previous.year}): ${t(s.previous.totalKg)} tonn, en endring på ${nb((100 * (r.totalKg - s.previous.totalKg)) / s.previous.totalKg, 1)} %.` : ''));
  const share = (o: number) => (r.totalOre ? nb((100 * o) / r.totalOre, 1) : '0');
  p(`Datagrunnlag: ${share(r.byKind.average.ore)} % av kronene med gjennomsnittsfaktorer, ${share(r.byKind.supplier.ore)} % med leverandørenes egne tall, ${share(r.byKind.physical.ore)} % fra fysisk energibruk (kWh), ${share(r.byKind.not_computed.ore)} % ikke beregnet (flaggede eller ukoblede faktorer).`);
  h('Største enheter (med underenheter)');
  table([['Enhet', 'Tonn CO2e', 'Kroner'], ...r.rows.filter((x) => x.parentKey === null).slice(0, 12).map((x): string[] => [x.label, t(x.totalKg), nb(x.totalOre / 100)])], [0.18, 0.22]);
  h('Etter art');
  table([['Art (kategori)', 'Tonn CO2e', 'Kroner'], ...s.byArt.rows.slice(0, 12).map((x): string[] => [`${x.label}${x.category ? ` (${x.category})` : ''}`, t(x.totalKg), nb(x.totalOre / 100)])], [0.18, 0.22]);
  h('De største kildene (art og leverandør)');
  table([['Art og leverandør', 'Tonn CO2e', 'Kroner'], ...s.hotspots.slice(0, 12).map((x): string[] => [`${x.art} · ${x.supplierName ?? x.orgnr ?? 'uten leverandør'}`, t(x.kg), nb(x.ore / 100)])], [0.18, 0.22]);
  h('Kilder og metode');
  p(`Faktorsett: ${s.set.name} (${s.set.currency} ${s.set.year}, ${s.set.priceBasis === 'basic' ? 'basispriser' : 'kjøperpriser'}), lisens ${s.set.licence}. Omregnet til kroner i året med Norges Banks årsgjennomsnittskurs og SSBs konsumprisindeks.`);
  p(`Utelatt fordi det ikke er kjøp: ${Object.values(EXCLUSION_TEXT).join(' ')}`);
  if (s.flagged.length) p(`Flaggede faktorer som ikke brukes før de er bekreftet: ${s.flagged.join(', ')}.`);
  h('Usikkerhet');
  p('Gjennomsnittsfaktorer per krone treffer sjelden den enkelte leverandør; regn med minst ±30–50 % per kategori og mer for bygg og anlegg, som mangler egen kategori i faktorsettet. Tallene egner seg til å finne de store kildene og følge utviklingen, ikke til å sammenligne to leverandører.');
  return end();
}
