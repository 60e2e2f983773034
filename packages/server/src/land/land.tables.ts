// Row types of the business-land tables (migration 2026-11-30T0400-land).

/** A municipal plot zoned for business. */
export interface LandPlotTable {
  id: string;
  municipality_id: string;
  name: string;
  area_m2: number;
  /** The zoning (regulation) plan's id (planID), e.g. 3203-2019-004. */
  zoning_plan_id: string;
  place: string | null;
  /** WGS84 position of the plot (its centre). */
  lat: number;
  lon: number;
  /** GeoJSON Polygon geometry (WGS84) as JSON text, when drawn. */
  polygon: string | null;
  status: string; // available | in_call | allocated | sold | leased
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** A call for applicants on a plot, with its criteria and weights. */
export interface LandCallTable {
  id: string;
  municipality_id: string;
  plot_id: string;
  title: string;
  description: string | null;
  normalisation: string; // max | minmax
  /** JSON [{ id, weight }] — directions come from the criteria catalogue in core. */
  criteria: string;
  opens_on: string;
  deadline: string;
  status: string; // open | closed | decided
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** An application from a business for a call; one per business and call. */
export interface LandApplicationTable {
  id: string;
  municipality_id: string;
  call_id: string;
  organisation_id: string;
  expected_jobs: number;
  building_m2: number;
  activity: string;
  sn2007_code: string;
  certification: string | null;
  green_score: number;
  traffic_per_day: number;
  submitted_by_label: string;
  created_at: string;
  updated_at: string;
}

/** The decision log: an allocation (or no allocation) decided for a call, with its reason. */
export interface LandDecisionTable {
  id: string;
  municipality_id: string;
  call_id: string;
  plot_id: string;
  application_id: string | null;
  outcome: string; // allocated | sold | leased | none
  decided_on: string;
  reason: string;
  case_number: string | null;
  /** The ranking when decided (JSON: applicant, score, contributions), kept as it was. */
  ranking: string;
  decided_by_label: string;
  created_at: string;
}

export interface LandDB {
  land_plot: LandPlotTable;
  land_call: LandCallTable;
  land_application: LandApplicationTable;
  land_decision: LandDecisionTable;
}
