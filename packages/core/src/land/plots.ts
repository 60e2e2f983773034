// Municipal business plots, calls for applicants and applications (program point B3): the rules
// that turn an application into the values a call ranks, and the figures the program follows.
import type { RankDirection, RankCriterion } from './ranking.js';
import { RANK_NORMALISATIONS } from './ranking.js';

export const PLOT_STATUSES = ['available', 'in_call', 'allocated', 'sold', 'leased'] as const;
export type PlotStatus = (typeof PLOT_STATUSES)[number];
export const PLOT_STATUS_NB: Record<PlotStatus, string> = { available: 'ledig', in_call: 'utlyst', allocated: 'tildelt', sold: 'solgt', leased: 'festet/leid ut' };
/** Plots that have gone to a business (counted by the program's indicators). */
export const TAKEN_STATUSES: readonly PlotStatus[] = ['allocated', 'sold', 'leased'];

export const LAND_CALL_STATUSES = ['open', 'closed', 'decided'] as const;
export type LandCallStatus = (typeof LAND_CALL_STATUSES)[number];

/** The values an application can be ranked by; the direction is part of the criterion. */
export const LAND_CRITERIA = [
  { id: 'jobsPerM2', direction: 'higher', unit: 'per m²', nb: 'Arbeidsplasser per m² tomt', en: 'Jobs per m² of plot' },
  { id: 'green', direction: 'higher', unit: '0–100', nb: 'Grønn / sirkulær profil', en: 'Green / circular profile' },
  { id: 'certified', direction: 'higher', unit: '0/1', nb: 'Miljøsertifisert', en: 'Environmentally certified' },
  { id: 'trafficPerDay', direction: 'lower', unit: 'kjøretøy/døgn', nb: 'Trafikk per døgn', en: 'Traffic per day' },
  { id: 'jobs', direction: 'higher', unit: 'arbeidsplasser', nb: 'Arbeidsplasser', en: 'Jobs' },
  { id: 'buildingShare', direction: 'higher', unit: 'andel', nb: 'Utnyttelse (bygg-m² per tomte-m²)', en: 'Use of plot (building m² per plot m²)' },
] as const satisfies readonly { id: string; direction: RankDirection; unit: string; nb: string; en: string }[];
export type LandCriterionId = (typeof LAND_CRITERIA)[number]['id'];
export const LAND_CRITERION_IDS: readonly string[] = LAND_CRITERIA.map((c) => c.id);

/** A business counts as green for the program when it is environmentally certified or its green profile is at least this. */
export const GREEN_PROFILE_THRESHOLD = 60;

export interface LandIssue {
  field: string;
  message: string;
}

export interface LandPlotInput {
  name: string;
  areaM2: number;
  zoningPlanId: string;
  lat: number;
  lon: number;
  status: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks a plot; messages in Norwegian, each naming its field. */
export function validateLandPlot(p: LandPlotInput): LandIssue[] {
  const out: LandIssue[] = [];
  if (!p.name?.trim()) out.push({ field: 'name', message: 'Tomten må ha et navn' });
  if (!finite(p.areaM2) || p.areaM2 <= 0) out.push({ field: 'areaM2', message: 'Arealet må være større enn 0 m²' });
  if (!p.zoningPlanId?.trim()) out.push({ field: 'zoningPlanId', message: 'Oppgi reguleringsplanens id (planID)' });
  if (!finite(p.lat) || p.lat < -90 || p.lat > 90) out.push({ field: 'lat', message: 'Breddegraden må være mellom −90 og 90 (WGS84)' });
  if (!finite(p.lon) || p.lon < -180 || p.lon > 180) out.push({ field: 'lon', message: 'Lengdegraden må være mellom −180 og 180 (WGS84)' });
  if (!(PLOT_STATUSES as readonly string[]).includes(p.status)) out.push({ field: 'status', message: `Ukjent status; bruk ${PLOT_STATUSES.join(', ')}` });
  return out;
}

export interface LandCallCriteriaInput {
  normalisation: string;
  criteria: { id: string; weight: number }[];
}

/** The criteria of a call with their directions from the catalogue. */
export function landCallCriteria(criteria: readonly { id: string; weight: number }[]): RankCriterion[] {
  return criteria.map((c) => ({ id: c.id, weight: c.weight, direction: (LAND_CRITERIA.find((x) => x.id === c.id)?.direction ?? 'higher') as RankDirection }));
}

/** Checks a call's criteria and weights (weights must sum to 100). */
export function validateLandCallCriteria(c: LandCallCriteriaInput): LandIssue[] {
  const out: LandIssue[] = [];
  if (!(RANK_NORMALISATIONS as readonly string[]).includes(c.normalisation)) out.push({ field: 'normalisation', message: 'Normaliseringen må være max eller minmax' });
  if (!c.criteria.length) out.push({ field: 'criteria', message: 'Utlysningen må ha minst ett kriterium' });
  const seen = new Set<string>();
  c.criteria.forEach((x, i) => {
    if (!LAND_CRITERION_IDS.includes(x.id)) out.push({ field: `criteria.${i}.id`, message: `Ukjent kriterium «${x.id}»` });
    if (seen.has(x.id)) out.push({ field: `criteria.${i}.id`, message: `Kriteriet «${x.id}» står to ganger` });
    seen.add(x.id);
    if (!finite(x.weight) || x.weight < 0) out.push({ field: `criteria.${i}.weight`, message: 'Vekten må være 0 eller mer' });
  });
  const sum = c.criteria.reduce((s, x) => s + (finite(x.weight) ? x.weight : 0), 0);
  if (c.criteria.length && Math.abs(sum - 100) > 1e-6) out.push({ field: 'criteria', message: `Vektene må summere til 100 (nå ${Math.round(sum * 100) / 100})` });
  return out;
}

export interface LandApplicationInput {
  expectedJobs: number;
  buildingM2: number;
  activity: string;
  sn2007Code: string;
  certification: string | null;
  greenScore: number;
  trafficPerDay: number;
}

/** Checks an application against its plot: building area at most the plot's area. */
export function validateLandApplication(a: LandApplicationInput, plotAreaM2: number): LandIssue[] {
  const out: LandIssue[] = [];
  if (!finite(a.expectedJobs) || a.expectedJobs < 0 || !Number.isInteger(a.expectedJobs)) out.push({ field: 'expectedJobs', message: 'Forventede arbeidsplasser må være et helt tall, 0 eller mer' });
  if (!finite(a.buildingM2) || a.buildingM2 <= 0) out.push({ field: 'buildingM2', message: 'Bygningsarealet må være større enn 0 m²' });
  else if (a.buildingM2 > plotAreaM2) out.push({ field: 'buildingM2', message: `Bygningsarealet (${a.buildingM2} m²) er større enn tomten (${plotAreaM2} m²)` });
  if (!a.activity?.trim()) out.push({ field: 'activity', message: 'Beskriv virksomheten som skal drives på tomten' });
  if (!/^\d{2}\.\d{3}$/.test(a.sn2007Code ?? '')) out.push({ field: 'sn2007Code', message: 'Næringskoden må skrives som SN2007 med fem sifre, f.eks. 43.210' });
  if (!finite(a.greenScore) || a.greenScore < 0 || a.greenScore > 100) out.push({ field: 'greenScore', message: 'Grønn/sirkulær profil må være mellom 0 og 100' });
  if (!finite(a.trafficPerDay) || a.trafficPerDay < 0) out.push({ field: 'trafficPerDay', message: 'Trafikk per døgn må være 0 eller mer' });
  return out;
}

/** Jobs per m² of plot = jobs / plot area. */
export const jobsPerM2 = (jobs: number, plotAreaM2: number): number => (plotAreaM2 > 0 ? jobs / plotAreaM2 : 0);

/** The value of every ranking criterion for an application on a plot. */
export function landApplicationValues(a: LandApplicationInput, plotAreaM2: number): Record<LandCriterionId, number> {
  return {
    jobsPerM2: jobsPerM2(a.expectedJobs, plotAreaM2),
    green: a.greenScore,
    certified: a.certification?.trim() ? 1 : 0,
    trafficPerDay: a.trafficPerDay,
    jobs: a.expectedJobs,
    buildingShare: plotAreaM2 > 0 ? a.buildingM2 / plotAreaM2 : 0,
  };
}

/** Whether a business meets the program's green criterion (certified, or green profile ≥ the threshold). */
export const isGreenApplicant = (a: { certification: string | null; greenScore: number }): boolean => !!a.certification?.trim() || a.greenScore >= GREEN_PROFILE_THRESHOLD;

export interface LandAllocation {
  /** Date of the allocation decision (yyyy-mm-dd). */
  date: string;
  plotAreaM2: number;
  jobs: number;
  green: boolean;
}

/** Jobs per 1 000 m² on allocated municipal land at the end of each year: Σ jobs / Σ area × 1000 of allocations up to then. */
export function jobsPer1000m2ByYear(allocations: readonly LandAllocation[], years: readonly number[]): { year: number; value: number; plots: number }[] {
  return years
    .map((year) => {
      const upto = allocations.filter((a) => a.date <= `${year}-12-31`);
      const area = upto.reduce((s, a) => s + a.plotAreaM2, 0);
      return { year, value: area > 0 ? (upto.reduce((s, a) => s + a.jobs, 0) / area) * 1000 : NaN, plots: upto.length };
    })
    .filter((x) => x.plots > 0);
}

/** Share (%) of the area allocated during each year that went to green businesses; years without allocations are left out. */
export function greenShareByYear(allocations: readonly LandAllocation[], years: readonly number[]): { year: number; value: number; plots: number }[] {
  return years
    .map((year) => {
      const inYear = allocations.filter((a) => a.date.startsWith(`${year}-`));
      const area = inYear.reduce((s, a) => s + a.plotAreaM2, 0);
      return { year, value: area > 0 ? (inYear.filter((a) => a.green).reduce((s, a) => s + a.plotAreaM2, 0) / area) * 100 : NaN, plots: inYear.length };
    })
    .filter((x) => x.plots > 0);
}
