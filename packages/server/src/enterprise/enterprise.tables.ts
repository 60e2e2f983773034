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

// Migration 2026-11-30T0100-enterprise-register: the register, youth companies and the green cluster.

/** A social enterprise or green start-up (kind social | green | both); linked to the organisations register when it has an org. number there. */
export interface EntVentureTable {
  id: string;
  municipality_id: string;
  organisation_id: string | null;
  org_number: string | null;
  name: string;
  kind: string;
  activity: string;
  impact_area: string;
  sdgs: string; // JSON array of 1–17
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** A way of working with a venture: reserved_contract | innovation_partnership | pre_commercial | grant | pilot. */
export interface EntEngagementTable {
  id: string;
  municipality_id: string;
  venture_id: string;
  kind: string;
  title: string;
  start_date: string;
  end_date: string | null;
  value_ore: number | null;
  tender_id: string | null;
  application_id: string | null;
  note: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** A pupil or youth company (school company programme). */
export interface EntYouthCompanyTable {
  id: string;
  municipality_id: string;
  name: string;
  school_unit_id: string | null;
  school_name: string | null;
  year: number;
  idea: string;
  participants: number;
  outcome: string; // ongoing | completed | continued | prize | closed
  org_number: string | null;
  prize: string | null;
  support: string;
  support_ore: number | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** A member of the green cluster (an organisation of the register) with its theme. */
export interface EntClusterMemberTable {
  id: string;
  municipality_id: string;
  organisation_id: string;
  theme: string;
  joined_on: string;
  left_on: string | null;
  description: string;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface EntClusterEventTable {
  id: string;
  municipality_id: string;
  title: string;
  date: string;
  place: string | null;
  description: string;
  participant_ids: string; // JSON array of organisation ids (members)
  created_by_label: string;
  created_at: string;
}

/** A collaboration project between two or more members. */
export interface EntClusterProjectTable {
  id: string;
  municipality_id: string;
  title: string;
  description: string;
  theme: string;
  start_date: string;
  end_date: string | null;
  member_ids: string; // JSON array of organisation ids (members)
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseDB {
  ent_call: EntCallTable;
  ent_application: EntApplicationTable;
  ent_review: EntReviewTable;
  ent_report: EntReportTable;
  ent_venture: EntVentureTable;
  ent_engagement: EntEngagementTable;
  ent_youth_company: EntYouthCompanyTable;
  ent_cluster_member: EntClusterMemberTable;
  ent_cluster_event: EntClusterEventTable;
  ent_cluster_project: EntClusterProjectTable;
}
