// Row types of the enterprise tables (migration 2026-11-29T0030-enterprise): grant rounds.
// Money is integer øre; criteria, scores and file ids are JSON text.

/** A call for applications (a grant round) with weighted criteria. `domain` says whose scheme it is. */
export interface EntCallTable {
  id: string;
  municipality_id: string;
  domain: string;
  title: string;
  description: string;
  opens_at: string;
  deadline: string;
  budget_ore: number;
  min_reviewers: number;
  criteria: string;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface EntApplicationTable {
  id: string;
  municipality_id: string;
  call_id: string;
  organisation_id: string;
  title: string;
  summary: string;
  amount_ore: number;
  file_ids: string;
  state: string; // submitted | granted | declined | reported
  granted_ore: number | null;
  decision_note: string | null;
  case_number: string | null;
  decided_at: string | null;
  decided_by_label: string | null;
  submitted_by_label: string;
  submitted_at: string;
  updated_at: string;
}

/** One reviewer's review of one application: a conflict of interest, or scores per criterion. */
export interface EntReviewTable {
  id: string;
  municipality_id: string;
  application_id: string;
  reviewer_id: string;
  reviewer_label: string;
  conflict: number;
  conflict_reason: string | null;
  scores: string;
  comment: string | null;
  updated_at: string;
}

/** The grantee's report on what the grant was used for. */
export interface EntReportTable {
  id: string;
  municipality_id: string;
  application_id: string;
  text: string;
  file_ids: string;
  submitted_by_label: string;
  submitted_at: string;
}

export interface EnterpriseDB {
  ent_call: EntCallTable;
  ent_application: EntApplicationTable;
  ent_review: EntReviewTable;
  ent_report: EntReportTable;
}
