// Row types of the apprenticeship tables (migration 2026-11-29T0020-apprenticeships).

/** An apprenticeship place at a municipal unit (unit_id) or a local business (organisation_id). No personal data. */
export interface ApprPlaceTable {
  id: string;
  municipality_id: string;
  unit_id: string | null;
  organisation_id: string | null;
  trade_key: string;
  start_date: string;
  end_date: string;
  status: string; // open | filled | completed | dropped_out
  /** The county training office's contract reference; unique per municipality when given. */
  contract_ref: string | null;
  closed_on: string | null;
  note: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface ApprenticeshipsDB {
  appr_place: ApprPlaceTable;
}
