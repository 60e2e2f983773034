// Row types of the services tables (migration 2026-11-30T0700-services).

/** A measure of the catalogue (program point C2). areas and program_points are JSON arrays as text. */
export interface SvcMeasureTable {
  id: string;
  municipality_id: string;
  key: string;
  title_nb: string;
  title_en: string;
  description_nb: string;
  description_en: string | null;
  areas: string;
  program_points: string;
  source_title: string | null;
  source_url: string | null;
  /** Retired measures stay (adoptions refer to them) but cannot be adopted again. */
  retired_on: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** A unit's adoption of a measure; status is the latest event's. */
export interface SvcAdoptionTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  measure_id: string;
  adopted_on: string;
  status: string; // planned | active | paused | ended
  note: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** One status change of an adoption, from its date (seq orders changes on the same date). */
export interface SvcAdoptionEventTable {
  id: string;
  municipality_id: string;
  adoption_id: string;
  date: string;
  status: string;
  seq: number;
  note: string | null;
  created_by_label: string;
  created_at: string;
}

/** A unit's own short report on an adopted measure. */
export interface SvcReportTable {
  id: string;
  municipality_id: string;
  adoption_id: string;
  unit_id: string;
  report_date: string;
  text: string;
  participants: number | null;
  meals: number | null;
  file_id: string | null;
  created_by_label: string;
  created_at: string;
}

/** The municipality's own exception: this unit counts in that area (null: in none), whatever its type. */
export interface SvcUnitAreaTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  area_key: string | null;
  updated_at: string;
}

export interface ServicesDB {
  svc_measure: SvcMeasureTable;
  svc_adoption: SvcAdoptionTable;
  svc_adoption_event: SvcAdoptionEventTable;
  svc_report: SvcReportTable;
  svc_unit_area: SvcUnitAreaTable;
}
