// What the business-land API returns (packages/server/src/land/land.service.ts).
import type { RankNormalisation } from '@omstilling/core/land/ranking';

export type Bilingual = { nb: string; en: string };
export type PlotStatus = 'available' | 'in_call' | 'allocated' | 'sold' | 'leased';

export interface Plot {
  id: string;
  name: string;
  areaM2: number;
  zoningPlanId: string;
  place: string | null;
  lat: number;
  lon: number;
  polygon: { type: 'Polygon'; coordinates: number[][][] } | null;
  status: PlotStatus;
  note: string | null;
}
export interface PlotPage {
  total: number;
  limit: number;
  offset: number;
  items: Plot[];
  summary: { plots: number; areaM2: number; byStatus: Record<PlotStatus, number>; jobsPer1000m2: { year: number; value: number; plots: number } | null };
}
export interface MapData {
  boundary: number[][][][] | null;
  attribution: string | null;
  plots: Plot[];
}
export interface CallCriterion {
  id: string;
  weight: number;
  direction: 'higher' | 'lower';
  unit: string;
  name: Bilingual;
}
export interface Decision {
  id: string;
  callId: string;
  plotId: string;
  plot: string | null;
  applicationId: string | null;
  applicant: string | null;
  outcome: 'allocated' | 'sold' | 'leased' | 'none';
  decidedOn: string;
  reason: string;
  caseNumber: string | null;
  decidedBy: string;
  deviatesFromRanking?: boolean;
}
export interface Call {
  id: string;
  plotId: string;
  plot: { name: string; areaM2: number; place: string | null; status: string } | null;
  title: string;
  description: string | null;
  normalisation: RankNormalisation;
  criteria: CallCriterion[];
  opensOn: string;
  deadline: string;
  status: 'open' | 'closed' | 'decided';
  acceptsApplications: boolean;
  applications: number;
  decision: Decision | null;
}
export interface Application {
  id: string;
  callId: string;
  organisationId: string;
  organisation: string;
  orgNumber: string;
  expectedJobs: number;
  buildingM2: number;
  activity: string;
  sn2007Code: string;
  certification: string | null;
  greenScore: number;
  trafficPerDay: number;
  jobsPerM2: number;
  green: boolean;
  callTitle?: string;
}
export interface Step {
  criterion: string;
  direction: 'higher' | 'lower';
  raw: number;
  normalised: number;
  weight: number;
  points: number;
}
export interface Ranked extends Application {
  rank: number;
  score: number;
  contributions: Record<string, number>;
  steps: Step[];
  tiedWith: string[];
}
export interface CriterionSensitivity {
  criterion: string;
  weight: number;
  stableFrom: number;
  stableTo: number;
  below: { at: number; newLeader: string } | null;
  above: { at: number; newLeader: string } | null;
}
export interface RankingView {
  call: Call;
  plot: Plot;
  normalisation: RankNormalisation;
  formulas: { higher: string; lower: string; note: Bilingual; score: Bilingual };
  bounds: { criterion: string; min: number; max: number }[];
  ranking: Ranked[];
  ties: string[][];
  sensitivity: { leader: string | null; leaderTied: boolean; criteria: CriterionSensitivity[] };
  decision: Decision | null;
}
export interface Options {
  criteria: { id: string; direction: 'higher' | 'lower'; unit: string; name: Bilingual }[];
  plotStatuses: PlotStatus[];
  outcomes: string[];
  today: string;
  canEdit: boolean;
  canSeeRanking: boolean;
}
export interface Overview {
  allocations: number;
  jobsPer1000m2: { year: number; value: number; plots: number }[];
  greenShare: { year: number; value: number; plots: number }[];
}
export interface Paged<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
