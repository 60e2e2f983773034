// Row types of the footprint tables (migration 2026-11-29T0400-footprint). Nothing here identifies
// a person: a shared result holds only the answers, the computed figures and an optional district.

/** A municipal district residents may choose when they share anonymously (the municipality's own list). */
export interface FpDistrictTable {
  id: string;
  municipality_id: string;
  key: string;
  name: string;
  sort: number;
}

/** A calculator result a resident chose to share anonymously. */
export interface FpSubmissionTable {
  id: string;
  municipality_id: string;
  district_key: string | null;
  answers: string; // JSON: question id → answer (only the answers given)
  total_kg: number;
  categories: string; // JSON: category → kg CO2e
  created_at: string;
}

/** One anonymous pledge of one action, with its saving from the model for the answers given. */
export interface FpPledgeTable {
  id: string;
  municipality_id: string;
  action: string;
  district_key: string | null;
  saving_kg: number;
  created_at: string;
}

export interface FootprintDB {
  fp_district: FpDistrictTable;
  fp_submission: FpSubmissionTable;
  fp_pledge: FpPledgeTable;
}
